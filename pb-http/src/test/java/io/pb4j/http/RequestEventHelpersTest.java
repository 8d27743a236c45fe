package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.field.UploadedFile;
import io.pb4j.core.router.Cookie;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PocketBase's RequestEvent helpers (tools/router/event.go) in custom routes, over real HTTP. */
class RequestEventHelpersTest {
    static TestServer server;

    record Order(String item, int quantity, boolean gift, List<String> tags, double price) {
    }

    @BeforeAll
    static void start() {
        server = new TestServer();
        var router = server.app.router();
        router.get("/api/page", e -> e.html(200, "<h1>hi</h1>"));
        router.get("/api/feed", e -> e.xml(200, "<feed/>"));
        router.post("/api/order", e -> {
            Order o = e.bindBody(Order.class);
            e.json(200, Json.createObjectBuilder().add("item", o.item()).add("quantity", o.quantity()).add("gift", o.gift())
                    .add("tags", Json.createArrayBuilder(o.tags())).add("price", o.price()).build());
        });
        router.post("/api/map", e -> e.string(200, new java.util.TreeMap<>(e.bindBody(Map.class)).toString()));
        router.get("/api/pojo", e -> e.json(200, new Order("tea", 2, false, List.of("hot"), 3.5)));
        router.get("/api/plain", e -> e.json(201, Map.of("items", List.of(1, 2.5, "x"), "none", java.util.Optional.empty())));
        router.post("/api/upload", e -> {
            List<UploadedFile> files = e.findUploadedFiles("document");
            StringBuilder b = new StringBuilder();
            for (UploadedFile f : files) {
                try (var in = f.open()) {
                    b.append(f.originalName()).append('=').append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append(';');
                } catch (IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            }
            e.string(200, b.toString());
        });
        router.get("/api/cookies", e -> {
            e.setCookie(Cookie.of("a", "1").withPath("/").withHttpOnly(true));
            e.setCookie(Cookie.of("b", "2").withMaxAge(60).withSameSite("Lax").withSecure(true));
            e.string(200, e.cookie("session").orElse("none") + " " + e.cookies().size());
        });
        router.get("/api/conn", e -> e.string(200, e.isTls() + " " + e.remoteIp()));
        router.get("/api/errors/{kind}", e -> {
            throw switch (e.pathParam("kind")) {
                case "bad" -> e.badRequestError("", Map.of());
                case "missing" -> e.notFoundError("", Map.of());
                case "forbidden" -> e.forbiddenError("", Map.of());
                case "unauthorized" -> e.unauthorizedError("", Map.of());
                case "slow" -> e.tooManyRequestsError("", Map.of());
                case "internal" -> e.internalServerError("", Map.of());
                default -> e.error(418, "short and stout", Map.of("pot", new io.pb4j.core.ValidationError("tea", "Hot.")));
            };
        });
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void htmlAndXmlAnswerWithPocketBasesContentTypes() {
        TestServer.Response html = server.sendWithHeaders("GET", "/api/page");
        TestServer.Response xml = server.sendWithHeaders("GET", "/api/feed");

        assertThat(html.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(html.body()).isEqualTo("<h1>hi</h1>");
        assertThat(xml.headers().firstValue("Content-Type")).contains("application/xml; charset=utf-8");
        assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed/>");
    }

    @Test
    void bindBodyReadsJsonUrlencodedAndMultipartWithJsonPayloadIntoARecord() {
        String json = server.expect("POST", "/api/order", null,
                "{\"item\":\"tea\",\"quantity\":3,\"gift\":true,\"tags\":[\"a\",\"b\"],\"price\":2.5,\"other\":1}", 200);
        TestServer.Response form = server.sendWith("POST", "/api/order",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "item=cake&quantity=2&tags=x&tags=y&gift=on");
        String boundary = "XyZ";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\npie\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n{\"quantity\":7,\"tags\":[\"j\"]}\r\n"
                + "--" + boundary + "--\r\n";
        TestServer.Response multi = server.sendWith("POST", "/api/order",
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), multipart);

        assertThat(json).isEqualTo("{\"item\":\"tea\",\"quantity\":3,\"gift\":true,\"tags\":[\"a\",\"b\"],\"price\":2.5}");
        assertThat(form.body()).isEqualTo("{\"item\":\"cake\",\"quantity\":2,\"gift\":true,\"tags\":[\"x\",\"y\"],\"price\":0.0}");
        assertThat(multi.body()).isEqualTo("{\"item\":\"pie\",\"quantity\":7,\"gift\":false,\"tags\":[\"j\"],\"price\":0.0}");
    }

    @Test
    void bindBodyIntoAMapAndABadBodyIsPocketBasesLoadError() {
        assertThat(server.expect("POST", "/api/map", null, "{\"b\":{\"c\":[1,2]},\"a\":null}", 200)).isEqualTo("{a=null, b={c=[1, 2]}}");
        TestServer.Response bad = server.send("POST", "/api/order", null, "{\"item\":");
        TestServer.Response wrongType = server.send("POST", "/api/order", null, "{\"quantity\":\"many\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"message\":\"An error occurred while loading the submitted data.\"");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"quantity\":{\"code\":\"validation_invalid_value\"");
    }

    @Test
    void findUploadedFilesReturnsTheFilesOfOneKey() {
        String boundary = "B0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nAAA\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"b.txt\"\r\nContent-Type: text/plain\r\n\r\nBB\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"; filename=\"c.txt\"\r\n\r\nC\r\n"
                + "--" + boundary + "--\r\n";

        TestServer.Response r = server.sendWith("POST", "/api/upload", Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body);

        assertThat(r.body()).isEqualTo("a.txt=AAA;b.txt=BB;");
    }

    @Test
    void cookiesAreReadAndEachSetCookieIsItsOwnHeader() {
        TestServer.Response r = server.sendWithHeaders("GET", "/api/cookies", "Cookie", "session=abc; theme=\"dark\"");

        assertThat(r.body()).isEqualTo("abc 2");
        assertThat(r.headers().allValues("Set-Cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Max-Age=60; Secure; SameSite=Lax");
    }

    @Test
    void plainHttpOnLoopbackIsNotTlsAndComesFromLoopback() {
        assertThat(server.sendWithHeaders("GET", "/api/conn").body()).isEqualTo("false 127.0.0.1");
    }

    @Test
    void errorHelpersAnswerPocketBasesDefaultMessages() {
        assertThat(server.sendWithHeaders("GET", "/api/errors/bad").body())
                .isEqualTo("{\"data\":{},\"message\":\"Something went wrong while processing your request.\",\"status\":400}");
        assertThat(server.sendWithHeaders("GET", "/api/errors/missing").body()).contains("\"The requested resource wasn't found.\"", "404");
        assertThat(server.sendWithHeaders("GET", "/api/errors/forbidden").body()).contains("\"You are not allowed to perform this request.\"", "403");
        assertThat(server.sendWithHeaders("GET", "/api/errors/unauthorized").body()).contains("\"Missing or invalid authentication.\"", "401");
        assertThat(server.sendWithHeaders("GET", "/api/errors/slow").body()).contains("\"Too Many Requests.\"", "429");
        assertThat(server.sendWithHeaders("GET", "/api/errors/internal").status()).isEqualTo(500);
        TestServer.Response teapot = server.sendWithHeaders("GET", "/api/errors/teapot");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.body()).isEqualTo("{\"data\":{\"pot\":{\"code\":\"tea\",\"message\":\"Hot.\"}},\"message\":\"Short and stout.\",\"status\":418}");
    }

    @Test
    void jsonWritesRecordsMapsAndListsAsJson() {
        TestServer.Response pojo = server.send("GET", "/api/pojo", null, null);
        assertThat(pojo.status()).isEqualTo(200);
        assertThat(pojo.body()).isEqualTo("{\"item\":\"tea\",\"quantity\":2,\"gift\":false,\"tags\":[\"hot\"],\"price\":3.5}");
        TestServer.Response plain = server.send("GET", "/api/plain", null, null);
        assertThat(plain.status()).isEqualTo(201);
        assertThat(plain.body()).contains("\"items\":[1,2.5,\"x\"]", "\"none\":null");
    }
}
