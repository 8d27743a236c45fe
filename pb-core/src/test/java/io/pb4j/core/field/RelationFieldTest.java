package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.ModifiableField.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationFieldTest {
    private final RelationField single = field("{'type':'relation','name':'r','id':'x','collectionId':'c1'}");
    private final RelationField multi = field("{'type':'relation','name':'m','id':'y','collectionId':'c1','maxSelect':3,'minSelect':2}");

    @Test
    void definitionIsWrittenWithSortedKeys() {
        assertThat(single.toJson().toString()).isEqualTo("{\"cascadeDelete\":false,\"collectionId\":\"c1\",\"help\":\"\","
                + "\"hidden\":false,\"id\":\"x\",\"maxSelect\":0,\"minSelect\":0,\"name\":\"r\",\"presentable\":false,"
                + "\"required\":false,\"system\":false,\"type\":\"relation\"}");
        assertThat(FieldTypes.fromJson(multi.toJson())).isEqualTo(multi);
    }

    @Test
    void valuesAreLikeSelectValues() {
        assertThat(single.columnType()).isEqualTo("TEXT DEFAULT '' NOT NULL");
        assertThat(multi.columnType()).isEqualTo("JSON DEFAULT '[]' NOT NULL");
        assertThat(single.coerce(List.of("a", "b"))).isEqualTo("b");
        assertThat(multi.coerce(List.of("a", "", "a", "b"))).isEqualTo(List.of("a", "b"));
        assertThat(multi.fromColumn("[\"a\",\"b\"]")).isEqualTo(List.of("a", "b"));
        assertThat(multi.fromColumn(null)).isEqualTo(List.of());
        assertThat(single.fromColumn("[\"a\",\"c\"]")).isEqualTo("c");
        assertThat(multi.toColumn(List.of("a"))).isEqualTo("[\"a\"]");
        assertThat(single.toJsonValue("").toString()).isEqualTo("\"\"");
        assertThat(single.ids("a")).isEqualTo(List.of("a"));
    }

    @Test
    void reportsCountCodes() {
        RelationField required = field("{'type':'relation','name':'r','id':'x','collectionId':'c1','required':true}");
        assertThat(required.validate("")).contains(ValidationError.required());
        assertThat(multi.validate(List.of("a"))).contains(new ValidationError("validation_not_enough_values",
                "Select at least 2.", Map.of("minSelect", 2)));
        assertThat(multi.validate(List.of("a", "b", "c", "d"))).contains(new ValidationError("validation_too_many_values",
                "Select no more than 3.", Map.of("maxSelect", 3)));
        assertThat(multi.validate(List.of("a", "b"))).isEmpty();
        assertThat(single.validate("")).isEmpty();
    }

    @Test
    void referencesMustExist() {
        RelationField.References twoExist = (collection, ids) -> Optional.of(Math.min(2, ids.size()));
        RelationField.References noCollection = (collection, ids) -> Optional.empty();
        assertThat(multi.validateReferences(List.of("a", "b"), twoExist)).isEmpty();
        assertThat(multi.validateReferences(List.of("a", "b", "c"), twoExist).map(ValidationError::code))
                .contains("validation_missing_rel_records");
        assertThat(single.validateReferences("a", noCollection).map(ValidationError::code))
                .contains("validation_missing_rel_collection");
        assertThat(single.validateReferences("", noCollection)).isEmpty();
    }

    @Test
    void definitionNeedsACollectionAndAConsistentRange() {
        var errors = Fixtures.<RelationField>field("{'type':'relation','name':'r','id':'x','minSelect':2}").validateDefinition();
        assertThat(errors.get("collectionId")).isEqualTo(ValidationError.required());
        assertThat(errors.get("maxSelect")).isEqualTo(ValidationError.required());
        var range = Fixtures.<RelationField>field("{'type':'relation','name':'r','id':'x','collectionId':'c','minSelect':3,'maxSelect':2}")
                .validateDefinition();
        assertThat(range.get("maxSelect").code()).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(Fixtures.<RelationField>field("{'type':'relation','name':'r','id':'x','collectionId':'c','minSelect':-1}")
                .validateDefinition().get("minSelect").code()).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(multi.validateDefinition()).isEmpty();
    }

    @Test
    void modifiersAppendPrependAndRemove() {
        assertThat(multi.modify(Modifier.APPEND, List.of("a"), "b")).isEqualTo(List.of("a", "b"));
        assertThat(multi.modify(Modifier.PREPEND, List.of("a"), List.of("c"))).isEqualTo(List.of("c", "a"));
        assertThat(multi.modify(Modifier.REMOVE, List.of("a", "b"), "a")).isEqualTo(List.of("b"));
        assertThat(single.modify(Modifier.APPEND, "a", "b")).isEqualTo("b");
        assertThat(single.supports(Modifier.AUTOGENERATE)).isFalse();
    }
}
