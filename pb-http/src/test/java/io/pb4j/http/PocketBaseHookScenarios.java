package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import io.pb4j.core.Collection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * PocketBase's API scenarios that count hook calls ({@code ExpectedEvents}) and bind a request hook in their
 * BeforeTestFunc: the "tx body write check" of each request hook, where a handler runs the endpoint inside one
 * transaction and then fails it with {@code TX_ERROR}. They check that the hook fires once, that the endpoint's work
 * happens inside the handler's transaction (and rolls back with it), and that the handler's error is the answer.
 */
final class PocketBaseHookScenarios {
    private PocketBaseHookScenarios() {
    }

    private static final String VALID_SETTINGS = "{\n\t\t\"meta\":{\"appName\":\"update_test\"},\n\t\t\"smtp\":{\"password\": \"new_smtp_password\"},\n"
            + "\t\t\"s3\":{\"secret\": \"new_s3_secret\"},\n\t\t\"backups\":{\"s3\":{\"secret\":\"new_backups_s3_secret\"}}\n\t}";

    /** A "tx body write check": 400 with TX_ERROR, the request hook fired once. */
    private static PbScenario txCheck(PbScenario s, String hook) {
        return s.setup(HookCalls.txError(hook)).expect("TX_ERROR").events(hook, 1);
    }

    /** {@link #txCheck} after {@code first} (e.g. a test mailer, as PocketBase's TestApp always has one). */
    private static PbScenario txCheck(PbScenario s, String hook, Setup first) {
        return txCheck(s, hook, new PbScenario.Step("Setup." + first.name(), first::apply));
    }

    private static PbScenario txCheck(PbScenario s, String hook, PbScenario.Step first) {
        PbScenario.Step tx = HookCalls.txError(hook);
        return s.setup(new PbScenario.Step(first.name() + " + " + tx.name(), server -> {
            first.apply(server);
            tx.apply(server);
        })).expect("TX_ERROR").events(hook, 1);
    }

    /** users' MFA off and the OTP {@code aaaaaaaaaaaaaaa} (123456) of users/test@example.com. */
    private static final PbScenario.Step USERS_NO_MFA_OTP_A15 = new PbScenario.Step("users MFA off + Setup.OTP_A15", server -> {
        MailSetups.usersOption(server, "mfa", false);
        Setup.OTP_A15.apply(server);
    });

    private static FakeOAuth2Provider gitlab;

    /** One fake provider for the scenarios of this class, started on first use (it stops with the test JVM). */
    private static synchronized FakeOAuth2Provider gitlab() {
        if (gitlab == null) {
            gitlab = FakeOAuth2Provider.start();
        }
        return gitlab;
    }

    /**
     * PocketBase's BeforeTestFunc of the OAuth2 tx check: users' MFA off and OAuth2 on, with its {@code test} provider
     * here the {@code gitlab} provider at a fake server on 127.0.0.1 (it answers code {@code test123} with account
     * {@code test123}); the fixture already links test@example.com to gitlab account test123, as the Go test stubs.
     */
    private static final PbScenario.Step USERS_OAUTH2_LINKED = new PbScenario.Step(
            "users MFA off + OAuth2 gitlab at FakeOAuth2Provider (the fixture links test@example.com to gitlab/test123)", server -> {
        MailSetups.usersOption(server, "mfa", false);
        Collection users = server.app.findCollection("users").orElseThrow();
        JsonObject oauth2 = Json.createObjectBuilder(users.options().getJsonObject("oauth2")).add("enabled", true)
                .add("providers", Json.createArrayBuilder().add(AuthFlows.json(gitlab().gitlabEntry()))).build();
        server.app.save(users.toBuilder().options(Json.createObjectBuilder(users.options()).add("oauth2", oauth2).build()).build());
    });

    /** batch_test.go's "transaction timeout" BeforeTestFunc: a 1 s batch timeout, and demo2 creates that take 600 ms. */
    private static final PbScenario.Step BATCH_TIMEOUT_1S_SLOW_DEMO2 = new PbScenario.Step(
            "Setup.batch(timeout=1) + onRecordCreateRequest(demo2) sleeps 600 ms", server -> {
        JsonObject settings = server.app.settings();
        server.app.saveSettingsNoValidate(Json.createObjectBuilder(settings)
                .add("batch", Json.createObjectBuilder(settings.getJsonObject("batch")).add("timeout", 1)).build());
        server.nodes().forEach(node -> node.onRecordCreateRequest("demo2").bindFunc(e -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            e.next();
        }));
    });

    /** batch_test.go's "transaction timeout" AfterTestFunc: no batch record was kept. */
    private static final PbScenario.Check NO_BATCH_RECORDS = new PbScenario.Check("no demo2 record with title~\"batch\"",
            server -> server.app.countRecords("demo2", "title~'batch'", java.util.Map.of()) == 0 ? List.of()
                    : List.of("batch records were kept"));

    static final List<PbScenario> PORTED = List.of(
            txCheck(s("record_auth_with_oauth2_test.go", "TestRecordAuthWithOAuth2", 1896, "OnRecordAuthWithOAuth2Request tx body write check", "POST", "/api/collections/users/auth-with-oauth2", null, "{\"provider\":\"gitlab\",\"code\":\"test123\",\"codeVerifier\":\"v\",\"redirectURL\":\"https://example.com\"}", 400), "OnRecordAuthWithOAuth2Request", USERS_OAUTH2_LINKED),
            s("batch_test.go", "TestBatchRequest", 551, "transaction timeout", "POST", "/api/batch", SUPERUSER, "{\n\t\t\t\t\"requests\": [\n\t\t\t\t\t{\"method\":\"POST\", \"url\":\"/api/collections/demo2/records\", \"body\": {\"title\": \"batch1\"}},\n\t\t\t\t\t{\"method\":\"POST\", \"url\":\"/api/collections/demo2/records\", \"body\": {\"title\": \"batch2\"}}\n\t\t\t\t]\n\t\t\t}", 400)
                    .setup(BATCH_TIMEOUT_1S_SLOW_DEMO2).expect("\"data\":{}").after(NO_BATCH_RECORDS)
                    .events("*", 0, "OnBatchRequest", 1, "OnRecordCreateRequest", 2, "OnModelCreate", 1, "OnModelCreateExecute", 1,
                            "OnModelAfterCreateError", 1, "OnModelValidate", 1, "OnRecordCreate", 1, "OnRecordCreateExecute", 1,
                            "OnRecordAfterCreateError", 1, "OnRecordEnrich", 1, "OnRecordValidate", 1),
            txCheck(s("record_crud_test.go", "TestRecordCrudList", 446, "OnRecordsListRequest tx body write check", "GET", "/api/collections/demo4/records", SUPERUSER, null, 400), "OnRecordsListRequest"),
            txCheck(s("record_crud_test.go", "TestRecordCrudView", 916, "OnRecordViewRequest tx body write check", "GET", "/api/collections/demo1/records/al1h9ijdeojtsjy", SUPERUSER, null, 400), "OnRecordViewRequest"),
            txCheck(s("record_crud_test.go", "TestRecordCrudDelete", 1288, "OnRecordDeleteRequest tx body write check", "DELETE", "/api/collections/clients/records/o1y0dd0spd786md", SUPERUSER, null, 400), "OnRecordDeleteRequest"),
            txCheck(s("record_crud_test.go", "TestRecordCrudCreate", 1878, "OnRecordCreateRequest tx body write check", "POST", "/api/collections/demo2/records", SUPERUSER, "{\"title\":\"new\"}", 400), "OnRecordCreateRequest"),
            txCheck(s("record_crud_test.go", "TestRecordCrudUpdate", 2895, "OnRecordUpdateRequest tx body write check", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", SUPERUSER, "{\"title\":\"new\"}", 400), "OnRecordUpdateRequest"),
            txCheck(s("collection_test.go", "TestCollectionsList", 132, "OnCollectionsListRequest tx body write check", "GET", "/api/collections", SUPERUSER, null, 400), "OnCollectionsListRequest"),
            txCheck(s("collection_test.go", "TestCollectionView", 233, "OnCollectionViewRequest tx body write check", "GET", "/api/collections/wsmn24bux7wo113", SUPERUSER, null, 400), "OnCollectionViewRequest"),
            txCheck(s("collection_test.go", "TestCollectionDelete", 414, "OnCollectionDeleteRequest tx body write check", "DELETE", "/api/collections/view2", SUPERUSER, null, 400), "OnCollectionDeleteRequest"),
            txCheck(s("collection_test.go", "TestCollectionCreate", 716, "OnCollectionCreateRequest tx body write check", "POST", "/api/collections", SUPERUSER, "{\"name\":\"new\",\"type\":\"base\"}", 400), "OnCollectionCreateRequest"),
            txCheck(s("collection_test.go", "TestCollectionUpdate", 1045, "OnCollectionUpdateRequest tx body write check", "PATCH", "/api/collections/demo1", SUPERUSER, "{}", 400), "OnCollectionUpdateRequest"),
            txCheck(s("collection_import_test.go", "TestCollectionsImport", 319, "OnCollectionsImportRequest tx body write check", "PUT", "/api/collections/import", SUPERUSER, "{\n\t\t\t\t\"deleteMissing\": true,\n\t\t\t\t\"collections\":[\n\t\t\t\t\t{\"name\": \"test123\"},\n\t\t\t\t\t{\n\t\t\t\t\t\t\"id\":\"wsmn24bux7wo113\",\n\t\t\t\t\t\t\"name\":\"demo1\",\n\t\t\t\t\t\t\"fields\":[\n\t\t\t\t\t\t\t{\n\t\t\t\t\t\t\t\t\"id\":\"_2hlxbmp\",\n\t\t\t\t\t\t\t\t\"name\":\"title\",\n\t\t\t\t\t\t\t\t\"type\":\"text\",\n\t\t\t\t\t\t\t\t\"required\":true\n\t\t\t\t\t\t\t}\n\t\t\t\t\t\t],\n\t\t\t\t\t\t\"indexes\": []\n\t\t\t\t\t}\n\t\t\t\t]\n\t\t\t}", 400), "OnCollectionsImportRequest"),
            txCheck(s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 83, "OnRecordAuthWithPasswordRequest tx body write check", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"test@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400), "OnRecordAuthWithPasswordRequest"),
            txCheck(s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 145, "OnRecordAuthRefreshRequest tx body write check", "POST", "/api/collections/users/auth-refresh", USER, null, 400), "OnRecordAuthRefreshRequest"),
            txCheck(s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 251, "OnRecordRequestOTPRequest tx body write check", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}", 400), "OnRecordRequestOTPRequest"),
            txCheck(s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 122, "OnRecordRequestVerificationRequest tx body write check", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"test@example.com\"}", 400), "OnRecordRequestVerificationRequest"),
            txCheck(s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 270, "OnRecordConfirmVerificationRequest tx body write check", "POST", "/api/collections/users/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E\"\n\t\t\t}", 400), "OnRecordConfirmVerificationRequest"),
            txCheck(s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 105, "OnRecordRequestPasswordResetRequest tx body write check", "POST", "/api/collections/users/request-password-reset", null, "{\"email\":\"test@example.com\"}", 400), "OnRecordRequestPasswordResetRequest"),
            txCheck(s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 318, "OnRecordConfirmPasswordResetRequest tx body write check", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 400), "OnRecordConfirmPasswordResetRequest"),
            txCheck(s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 122, "OnRecordRequestEmailChangeRequest tx body write check", "POST", "/api/collections/users/request-email-change", USER, "{\"newEmail\":\"change@example.com\"}", 400), "OnRecordRequestEmailChangeRequest", Setup.CAPTURE_MAILS),
            txCheck(s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 177, "OnRecordConfirmEmailChangeRequest tx body write check", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoyNTI0NjA0NDYxfQ.Y7mVlaEPhJiNPoIvIqbIosZU4c4lEhwysOrRR8c95iU\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400), "OnRecordConfirmEmailChangeRequest"),
            txCheck(s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 459, "OnRecordAuthWithOTPRequest tx body write check", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 400), "OnRecordAuthWithOTPRequest", USERS_NO_MFA_OTP_A15),
            txCheck(s("settings_test.go", "TestSettingsList", 63, "OnSettingsListRequest tx body write check", "GET", "/api/settings", SUPERUSER, null, 400), "OnSettingsListRequest"),
            txCheck(s("settings_test.go", "TestSettingsSet", 227, "OnSettingsUpdateRequest tx body write check", "PATCH", "/api/settings", SUPERUSER, VALID_SETTINGS, 400), "OnSettingsUpdateRequest"));
}
