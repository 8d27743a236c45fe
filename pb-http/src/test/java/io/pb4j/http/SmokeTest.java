package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void superuserCreatesCollectionAndRecords() throws Exception {
        try (TestServer s = new TestServer()) {
            assertThat(s.send("GET", "/api/health", null, null).body()).contains("API is healthy.");
            String token = s.superuserToken();
            TestServer.Response created = s.send("POST", "/api/collections", token,
                    "{\"name\":\"posts\",\"type\":\"base\",\"listRule\":\"\",\"viewRule\":\"\",\"createRule\":\"\",\"fields\":[{\"type\":\"text\",\"name\":\"title\",\"required\":true}]}");
            assertThat(created.status()).isEqualTo(200);
            TestServer.Response rec = s.send("POST", "/api/collections/posts/records", null, "{\"title\":\"hello\"}");
            assertThat(rec.status()).isEqualTo(200);
            TestServer.Response list = s.send("GET", "/api/collections/posts/records", null, null);
            assertThat(list.body()).contains("hello");
        }
    }
}
