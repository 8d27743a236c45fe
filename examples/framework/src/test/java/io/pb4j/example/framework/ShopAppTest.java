package io.pb4j.example.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Record;
import io.pb4j.test.ApiResponse;
import io.pb4j.test.ApiScenario;
import io.pb4j.test.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route, hook and middleware of the shop over HTTP, with pb4j's test kit. */
class ShopAppTest {
    TestApp t;
    Record ann;
    String annToken;

    @BeforeEach
    void start() throws IOException {
        t = TestApp.of(ShopApp.create("--dir", Files.createTempDirectory("shop").toString()));
        ann = new Record(t.app().collection("users")).set("email", "ann@example.com").setPassword("ann-password");
        t.app().save(ann);
        annToken = ann.newAuthToken();
        Record bob = new Record(t.app().collection("users")).set("email", "bob@example.com").setPassword("bob-password");
        t.app().save(bob);
        order(ann, 10, "paid");
        order(ann, 32.5, "paid");
        order(ann, 99, "open");
        order(bob, 1000, "paid");
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private void order(Record customer, double amount, String status) {
        t.app().save(new Record(t.app().collection("orders")).set("customer", customer.id()).set("amount", amount)
                .set("status", status));
    }

    private ApiScenario scenario(String name) {
        return ApiScenario.scenario(name);
    }

    @Test
    void aCustomRouteReadsTheAuthRecord() {
        scenario("guest").get("/api/shop/whoami").expect("{\"guest\":true}").test(t);
        scenario("ann").get("/api/shop/whoami").as(annToken).expect("\"id\":\"" + ann.id() + "\"", "\"collection\":\"users\"")
                .test(t);
    }

    @Test
    void statsCountAndSumTheSignedInUsersOrdersWithRawSql() {
        scenario("guest").get("/api/shop/stats").status(401)
                .expect("\"message\":\"The request requires valid record authorization token.\"").test(t);
        scenario("ann").get("/api/shop/stats").as(annToken).expect("{\"orders\":3,\"total\":141.5}").test(t);
    }

    @Test
    void findRecordsByFilterBindsItsParameters() {
        scenario("paid over 20").get("/api/shop/orders?status=paid&min=20").as(annToken)
                .expect("\"amount\":32.5").notExpect("\"amount\":10", "\"amount\":99", "\"amount\":1000").test(t);
        // a quote in a parameter is data, not filter syntax
        scenario("injection attempt").get("/api/shop/orders?status=paid%27%20%7C%7C%20%271%27%3D%271").as(annToken)
                .expect("{\"items\":[]}").test(t);
    }

    @Test
    void aRecordCreatedOverTheApiFiresTheAfterCreateSuccessHookOnce() {
        scenario("create an order").post("/api/collections/orders/records",
                        "{\"customer\":\"" + ann.id() + "\",\"amount\":7,\"status\":\"open\"}")
                .as(annToken)
                .expect("\"amount\":7")
                .events("OnRecordCreateRequest", 1, "OnRecordAfterCreateSuccess", 2) // the order, then the notification
                .after((app, r) -> assertThat(app.app().countRecords("notifications", "message ~ 'over 7'", Map.of()))
                        .isEqualTo(1))
                .test(t);
    }

    @Test
    void theCustomLoginIssuesATokenPocketBasesOwnRoutesAccept() {
        scenario("wrong password").post("/api/shop/login", "{\"email\":\"ann@example.com\",\"password\":\"nope\"}")
                .status(400).expect("\"message\":\"Invalid login credentials.\"").test(t);
        ApiResponse ok = scenario("right password")
                .post("/api/shop/login", "{\"email\":\"ann@example.com\",\"password\":\"ann-password\"}")
                .expect("\"token\":\"", "\"email\":\"ann@example.com\"").test(t);
        String token = ok.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        scenario("refresh with it").post("/api/collections/users/auth-refresh", "").as(token)
                .expect("\"id\":\"" + ann.id() + "\"").test(t);
        scenario("signed in already").post("/api/shop/login", "{}").as(token).status(400)
                .expect("\"message\":\"The request can be accessed only by guests.\"").test(t);
    }

    @Test
    void theV1GroupSetsARequestIdThatHandlersReadWithGet() {
        ApiResponse r = scenario("ping").get("/api/v1/ping").header("X-Request-Id", "req-42")
                .expect("{\"pong\":true,\"requestId\":\"req-42\"}").test(t);
        assertThat(r.header("X-Request-Id")).hasValue("req-42");
        ApiResponse fresh = scenario("ping without an id").get("/api/v1/ping").expect("\"requestId\":\"").test(t);
        assertThat(fresh.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        scenario("outside the group").get("/api/ping").status(404).expect("\"status\":404").test(t);
    }

    @Test
    void aHandlerBugIsRecoveredAsA500NamingTheRequestId() {
        scenario("boom").get("/api/v1/boom").header("X-Request-Id", "req-7").status(500)
                .expect("\"message\":\"Something went wrong; quote req-7 when you ask us.\"").test(t);
    }

    @Test
    void writesUnderV1MustSendJson() {
        scenario("text body").post("/api/v1/echo", "text=hi").header("Content-Type", "text/plain").status(415)
                .expect("\"message\":\"Send the body as application/json.\"").test(t);
        scenario("json body").post("/api/v1/echo", "{\"text\":\"hi\"}").expect("{\"echo\":\"hi\"}").test(t);
    }

    @Test
    void theRateLimitAnswers429AfterTheLimit() {
        for (int i = 0; i < ShopMiddlewares.LIMIT_PER_MINUTE; i++) {
            scenario("within the limit").get("/api/v1/limited").expect("{\"ok\":true}").test(t);
        }
        scenario("over the limit").get("/api/v1/limited").status(429)
                .expect("\"message\":\"Too many requests, try again in a minute.\"").test(t);
    }

    @Test
    void corsAllowsOnlyTheShopsOrigin() {
        ApiResponse shop = scenario("shop origin").get("/api/health").header("Origin", "https://shop.example.com")
                .expect("\"code\":200").test(t);
        assertThat(shop.header("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
        ApiResponse other = scenario("other origin").get("/api/health").header("Origin", "https://evil.example.com")
                .expect("\"code\":200").test(t);
        assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theRequestLoggerRecordsMethodPathRealStatusAndTiming() throws Exception {
        scenario("boom").get("/api/v1/boom").status(500).expect("\"status\":500").test(t);
        scenario("missing").get("/api/v1/nothing-here").status(404).expect("\"status\":404").test(t);
        Record superuser = t.app().superusers().upsert("root@example.com", "root-password-1");
        String filter = "/api/logs?filter=" + java.net.URLEncoder.encode("message='shop request'", "UTF-8");
        long deadline = System.currentTimeMillis() + 10_000;
        ApiResponse logs;
        do {
            Thread.sleep(100);
            logs = scenario("logs").get(filter).as(superuser.newAuthToken()).expect("\"items\":").test(t);
        } while (!logs.body().contains("\"path\":\"/api/v1/nothing-here\"") && System.currentTimeMillis() < deadline);
        assertThat(logs.body()).contains("\"path\":\"/api/v1/boom\"", "\"status\":500", "\"status\":404", "\"micros\":");
    }
}
