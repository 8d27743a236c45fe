package io.pb4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.StrictJson;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class CollectionFormTest {
    private static JsonValue json(String text) {
        return StrictJson.parse(text.replace('\'', '"')).orElseThrow();
    }

    private static String decode(String old, String value) {
        return CollectionForm.decodeInto(json(old), json(value)).toString();
    }

    @Test
    void optionsDecodeOverTheStoredOnesAsGoDecodesIntoAStruct() {
        assertThat(decode("{'enabled':false,'mappedFields':{'name':'n'}}", "{'enabled':true}"))
                .isEqualTo("{\"enabled\":true,\"mappedFields\":{\"name\":\"n\"}}");
        assertThat(decode("{'duration':10,'secret':'s'}", "{'duration':20}")).isEqualTo("{\"duration\":20,\"secret\":\"s\"}");
        assertThat(decode("{'enabled':true}", "null")).isEqualTo("{\"enabled\":true}");
        // a provider keeps its stored secret when the update leaves it out; items past the old length are new
        assertThat(decode("{'providers':[{'name':'google','clientSecret':'x'}]}",
                "{'providers':[{'name':'google','clientId':'y'},{'name':'github'}]}"))
                .isEqualTo("{\"providers\":[{\"name\":\"google\",\"clientSecret\":\"x\",\"clientId\":\"y\"},{\"name\":\"github\"}]}");
        assertThat(decode("{'identityFields':['email','username']}", "{'identityFields':['email']}"))
                .isEqualTo("{\"identityFields\":[\"email\"]}");
        assertThat(decode("'a'", "'b'")).isEqualTo("\"b\"");
    }
}
