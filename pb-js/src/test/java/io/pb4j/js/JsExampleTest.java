package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code examples/js-hooks} as it is in the repository: its migration, hooks and templated page answer over HTTP. */
class JsExampleTest {
    @Test
    void theExampleFolderRuns() {
        try (JsTestServer server = JsTestServer.startOnExample("js-hooks")) {
            assertThat(server.get("/api/hello/world?greeting=Hi").body()).isEqualTo("{\"message\":\"Hi world\"}");
            var created = server.send("POST", "/api/collections/posts/records", "{\"title\":\"Hello JS <hooks>!\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            server.send("POST", "/api/collections/posts/records", "{\"title\":\"Another one\"}");
            var page = server.get("/posts?q=hello");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Posts matching \"hello\"</title>")
                    .contains("<li><a href=\"/posts/hello-js-hooks\">Hello JS &lt;hooks&gt;!</a></li>")
                    .doesNotContain("Another one");
            assertThat(server.get("/posts?q=zzz").body()).contains("<li>No post matches.</li>");
        }
    }
}
