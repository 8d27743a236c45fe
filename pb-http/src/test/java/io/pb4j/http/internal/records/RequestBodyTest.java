package io.pb4j.http.internal.records;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
    @Test
    void formValuesFollowPocketBasesInference() {
        assertThat(RequestBody.infer("true")).isEqualTo(true);
        assertThat(RequestBody.infer("false")).isEqualTo(false);
        assertThat(RequestBody.infer("12")).isEqualTo(12.0);
        assertThat(RequestBody.infer("-1.5")).isEqualTo(-1.5);
        for (String text : List.of("007", "1.0", "1e3", "", "TRUE", "abc", "+1", "-")) {
            assertThat(RequestBody.infer(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void repeatedKeysBecomeListsAndJsonPayloadsMergeAsTheyAre() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("title", List.of("plain"));
        form.put("tags", List.of("a", "7"));
        form.put("@jsonPayload", List.of("{\"title\":\"payload\",\"n\":\"12\"}", "{\"n\":\"13\",\"obj\":{\"x\":1}}"));
        Map<String, Object> body = RequestBody.fromForm(form);
        assertThat(body).containsOnlyKeys("title", "tags", "n", "obj");
        assertThat(body.get("title")).isEqualTo(Json.createValue("payload"));
        assertThat(body.get("tags")).isEqualTo(List.of("a", 7.0));
        assertThat(body.get("n")).isEqualTo(Json.createValue("13"));
        assertThat(body.get("obj")).isEqualTo(Json.createObjectBuilder().add("x", 1).build());
    }
}
