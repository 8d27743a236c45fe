package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditorFieldTest {
    @Test
    void sizeIsCountedInUtf8Bytes() {
        EditorField editor = field("{'type':'editor','name':'e','id':'x','maxSize':4}");
        assertThat(editor.validate("éé")).isEmpty();
        assertThat(editor.validate("ééé")).contains(new ValidationError("validation_content_size_limit",
                "The maximum allowed content size is 4 bytes.", Map.of("maxSize", 4L)));
    }

    @Test
    void nonPositiveMaxSizeMeansFiveMebibytes() {
        EditorField editor = field("{'type':'editor','name':'e','id':'x','required':true}");
        assertThat(editor.effectiveMaxSize()).isEqualTo(5242880L);
        assertThat(editor.validate("")).contains(ValidationError.required());
        assertThat(Fixtures.<EditorField>field("{'type':'editor','name':'e','id':'x','maxSize':-1}")
                .validateDefinition().get("maxSize").code()).isEqualTo("validation_min_greater_equal_than_required");
    }
}
