package io.pb4j.http;

import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** HTTP-level stand-ins (as the fixture's superuser) for the BeforeTestFunc of some PocketBase scenarios. */
enum Setup {
    /** PocketBase's {@code tests.StubLogsData}: {@code _logs} holds just its two request entries. */
    STUB_LOGS {
        @Override
        void apply(TestServer server) {
            PocketBaseLogsScenarios.stubLogs(server);
        }
    },
    /** PocketBase's {@code tests.StubMFARecords}: {@code _mfas} rows user1_0, superuser2_0…4, superuser3_0…1. */
    STUB_MFAS {
        @Override
        void apply(TestServer server) {
            StubRecords.mfas(server);
        }
    },
    /** An {@code _mfas} row {@code aaaaaaaaaaaaaaa} (method {@code test}) for users/test@example.com. */
    STUB_MFA_AAA {
        @Override
        void apply(TestServer server) {
            StubRecords.mfa(server, "aaaaaaaaaaaaaaa", "users", "test@example.com", "test");
        }
    },
    /** {@code users.mfa.rule = "1=2"}, stored directly (as PocketBase's test saves the collection). */
    USERS_MFA_RULE_NEVER {
        @Override
        void apply(TestServer server) {
            StubRecords.usersMfaRule(server, "1=2");
        }
    },
    /** {@code demo3.title} hidden. */
    HIDE_DEMO3_TITLE {
        @Override
        void apply(TestServer server) {
            hideTitle(server, null);
        }
    },
    /** {@code demo3.title} hidden and {@code demo3.listRule = "title ~ 'test'"}. */
    HIDE_DEMO3_TITLE_LIST_RULE {
        @Override
        void apply(TestServer server) {
            hideTitle(server, "title ~ 'test'");
        }
    },
    /** demo1 gets the index {@code exist_test} on {@code updated}. */
    DEMO1_INDEX_EXIST_TEST {
        @Override
        void apply(TestServer server) {
            JsonObject demo1 = get(server, "/api/collections/demo1");
            JsonArrayBuilder idx = Json.createArrayBuilder(demo1.getJsonArray("indexes"))
                    .add("CREATE INDEX `exist_test` ON `demo1` (`updated`)");
            server.expect("PATCH", "/api/collections/demo1", PocketBaseScenarios.SUPERUSER,
                    Json.createObjectBuilder().add("indexes", idx).build().toString(), 200);
        }
    },
    /** settings {@code batch.enabled = false}. */
    BATCH_DISABLED {
        @Override
        void apply(TestServer server) {
            batch(server, "enabled", JsonValue.FALSE);
        }
    },
    /** settings {@code batch.maxRequests = 2}. */
    BATCH_MAX_REQUESTS_2 {
        @Override
        void apply(TestServer server) {
            batch(server, "maxRequests", Json.createValue(2));
        }
    },
    /** settings {@code batch.maxBodySize = 10}. */
    BATCH_MAX_BODY_SIZE_10 {
        @Override
        void apply(TestServer server) {
            batch(server, "maxBodySize", Json.createValue(10));
        }
    },
    /** PocketBase's {@code createTestBackups} (backup_test.go): test1.zip, test2.zip, test3.zip, @test4.zip. */
    TEST_BACKUPS {
        @Override
        void apply(TestServer server) {
            BackupSetups.testBackups(server);
        }
    },
    /** {@code app.Store().Set(core.StoreKeyActiveBackup, "")}: a backup with a generated name is in progress. */
    ACTIVE_BACKUP {
        @Override
        void apply(TestServer server) {
            BackupSetups.holdActiveBackup(server, "");
        }
    },
    /** {@link #TEST_BACKUPS}, then an active backup with a generated name. */
    TEST_BACKUPS_ACTIVE_BACKUP {
        @Override
        void apply(TestServer server) {
            BackupSetups.testBackups(server);
            BackupSetups.holdActiveBackup(server, "");
        }
    },
    /** {@link #TEST_BACKUPS}, then the active backup {@code test1.zip}. */
    TEST_BACKUPS_ACTIVE_TEST1 {
        @Override
        void apply(TestServer server) {
            BackupSetups.testBackups(server);
            BackupSetups.holdActiveBackup(server, "test1.zip");
        }
    },
    /** {@link #TEST_BACKUPS}, then the active backup {@code new.zip}. */
    TEST_BACKUPS_ACTIVE_NEW {
        @Override
        void apply(TestServer server) {
            BackupSetups.testBackups(server);
            BackupSetups.holdActiveBackup(server, "new.zip");
        }
    },
    /** A stored backup file named {@code test} (content {@code 123}). */
    BACKUP_FILE_TEST {
        @Override
        void apply(TestServer server) {
            BackupSetups.backupFile(server, "test");
        }
    },
    /** {@link #TEST_BACKUPS} with {@code trustedProxy.headers = ["x-test-ip"]} and {@code superuserIPs = ["127.0.0.1"]}. */
    TEST_BACKUPS_SUPERUSER_IP_LOCAL {
        @Override
        void apply(TestServer server) {
            BackupSetups.testBackups(server);
            BackupSetups.superuserIp(server, "127.0.0.1");
        }
    },
    /** {@link #TEST_BACKUPS} with {@code trustedProxy.headers = ["x-test-ip"]} and {@code superuserIPs = ["0.0.0.0"]}. */
    TEST_BACKUPS_SUPERUSER_IP_OTHER {
        @Override
        void apply(TestServer server) {
            BackupSetups.testBackups(server);
            BackupSetups.superuserIp(server, "0.0.0.0");
        }
    },
    /** Settings {@code trustedProxy.headers = ["x-test-ip"]} and {@code superuserIPs = ["127.0.0.1"]}. */
    SUPERUSER_IP_LOCAL {
        @Override
        void apply(TestServer server) {
            BackupSetups.superuserIp(server, "127.0.0.1");
        }
    },
    /** Settings {@code trustedProxy.headers = ["x-test-ip"]} and {@code superuserIPs = ["0.0.0.0"]}. */
    SUPERUSER_IP_OTHER {
        @Override
        void apply(TestServer server) {
            BackupSetups.superuserIp(server, "0.0.0.0");
        }
    },
    /** {@code app.Cron().RemoveAll()}. */
    NO_CRON_JOBS {
        @Override
        void apply(TestServer server) {
            server.nodes().forEach(node -> node.cron().removeAll());
        }
    },
    /** cron_test.go's job {@code test} (every minute) that counts its calls. */
    COUNTING_CRON_JOB {
        @Override
        void apply(TestServer server) {
            BackupSetups.countingCronJob(server);
        }
    },
    // settings rateLimits enabled with these rules ("label=maxRequests", duration 0), as the RateLimit scenarios set them
    RATE_LIMIT_VIEW2_LIST("abc=100", "*:list=100", "view2:list=0"),
    RATE_LIMIT_ANY_LIST("abc=100", "*:list=0"),
    RATE_LIMIT_NUMERIC_ID_VIEW_VIEW("abc=100", "*:view=100", "numeric_id_view:view=0"),
    RATE_LIMIT_ANY_VIEW("abc=100", "*:view=0"),
    RATE_LIMIT_USERS_FILE("abc=100", "*:file=100", "users:file=0"),
    RATE_LIMIT_ANY_FILE("abc=100", "*:file=0"),
    /** {@code demo3.createRule = "@request.body.testPayload != 123"}. */
    DEMO3_CREATE_PAYLOAD_NOT_123 {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo3", PocketBaseScenarios.SUPERUSER,
                    "{\"createRule\":\"@request.body.testPayload != 123\"}", 200);
        }
    },
    /** {@code demo3.createRule = "@request.body.testPayload = 123"}. */
    DEMO3_CREATE_PAYLOAD_123 {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo3", PocketBaseScenarios.SUPERUSER,
                    "{\"createRule\":\"@request.body.testPayload = 123\"}", 200);
        }
    },
    /** {@code demo3.updateRule = "@request.body.testPayload != 123"}. */
    DEMO3_UPDATE_PAYLOAD_NOT_123 {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo3", PocketBaseScenarios.SUPERUSER,
                    "{\"updateRule\":\"@request.body.testPayload != 123\"}", 200);
        }
    },
    /** {@code demo3.updateRule = "@request.body.testPayload = 123"}. */
    DEMO3_UPDATE_PAYLOAD_123 {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo3", PocketBaseScenarios.SUPERUSER,
                    "{\"updateRule\":\"@request.body.testPayload = 123\"}", 200);
        }
    },
    /** demo1: {@code file_one.maxSize = 5}, {@code file_many.maxSize = 10, maxSelect = 2}, {@code json.maxSize = 2}. */
    DEMO1_SMALL_BODY_LIMIT {
        @Override
        void apply(TestServer server) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            for (JsonValue v : get(server, "/api/collections/demo1").getJsonArray("fields")) {
                JsonObject f = v.asJsonObject();
                fields.add(switch (f.getString("name")) {
                    case "file_one" -> Json.createObjectBuilder(f).add("maxSize", 5).build();
                    case "file_many" -> Json.createObjectBuilder(f).add("maxSize", 10).add("maxSelect", 2).build();
                    case "json" -> Json.createObjectBuilder(f).add("maxSize", 2).build();
                    default -> f;
                });
            }
            server.expect("PATCH", "/api/collections/demo1", PocketBaseScenarios.SUPERUSER,
                    Json.createObjectBuilder().add("fields", fields).build().toString(), 200);
        }
    },
    /** {@code demo1.viewRule = ""} (public view access). */
    DEMO1_VIEW_PUBLIC {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo1", PocketBaseScenarios.SUPERUSER, "{\"viewRule\":\"\"}", 200);
        }
    },
    /** {@code demo1.viewRule = "@request.auth.verified = true"}. */
    DEMO1_VIEW_VERIFIED {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo1", PocketBaseScenarios.SUPERUSER,
                    "{\"viewRule\":\"@request.auth.verified = true\"}", 200);
        }
    },
    /** {@code demo1.viewRule = "@request.auth.verified = false"}. */
    DEMO1_VIEW_UNVERIFIED {
        @Override
        void apply(TestServer server) {
            server.expect("PATCH", "/api/collections/demo1", PocketBaseScenarios.SUPERUSER,
                    "{\"viewRule\":\"@request.auth.verified = false\"}", 200);
        }
    },
    RATE_LIMIT_DEMO5_DELETE("abc=100", "*:delete=100", "demo5:delete=0"),
    RATE_LIMIT_ANY_DELETE("abc=100", "*:delete=0"),
    RATE_LIMIT_DEMO2_CREATE("abc=100", "*:create=100", "demo2:create=0"),
    RATE_LIMIT_ANY_CREATE("abc=100", "*:create=0"),
    RATE_LIMIT_DEMO2_UPDATE("abc=100", "*:update=100", "demo2:update=0"),
    RATE_LIMIT_ANY_UPDATE("abc=100", "*:update=0"),
    RATE_LIMIT_USERS_AUTH_WITH_PASSWORD("abc=100", "*:authWithPassword=100", "users:auth=100", "users:authWithPassword=0"),
    RATE_LIMIT_ANY_AUTH_WITH_PASSWORD("abc=100", "*:auth=100", "*:authWithPassword=0"),
    RATE_LIMIT_USERS_AUTH("abc=100", "*:authWithPassword=100", "users:auth=0"),
    RATE_LIMIT_ANY_AUTH("abc=100", "*:auth=0"),
    RATE_LIMIT_USERS_AUTH_REFRESH("abc=100", "*:authRefresh=100", "users:authRefresh=0"),
    RATE_LIMIT_ANY_AUTH_REFRESH("abc=100", "*:authRefresh=0"),
    RATE_LIMIT_NOLOGIN_LIST_AUTH_METHODS("abc=100", "*:listAuthMethods=100", "nologin:listAuthMethods=0"),
    RATE_LIMIT_ANY_LIST_AUTH_METHODS("abc=100", "*:listAuthMethods=0"),
    RATE_LIMIT_USERS_AUTH_WITH_OAUTH2("abc=100", "*:authWithOAuth2=100", "users:auth=100", "users:authWithOAuth2=0"),
    RATE_LIMIT_ANY_AUTH_WITH_OAUTH2("abc=100", "*:auth=100", "*:authWithOAuth2=0"),
    RATE_LIMIT_USERS_AUTH_OAUTH2("abc=100", "*:authWithOAuth2=100", "users:auth=0"),
    RATE_LIMIT_USERS_AUTH_WITH_OTP("abc=100", "*:authWithOTP=100", "users:auth=100", "users:authWithOTP=0"),
    RATE_LIMIT_ANY_AUTH_WITH_OTP("abc=100", "*:auth=100", "*:authWithOTP=0"),
    RATE_LIMIT_USERS_AUTH_OTP("abc=100", "*:authWithOTP=100", "users:auth=0"),
    RATE_LIMIT_USERS_REQUEST_OTP("abc=100", "*:requestOTP=100", "users:requestOTP=0"),
    RATE_LIMIT_ANY_REQUEST_OTP("abc=100", "*:requestOTP=0"),
    RATE_LIMIT_USERS_REQUEST_VERIFICATION("abc=100", "*:requestVerification=100", "users:requestVerification=0"),
    RATE_LIMIT_ANY_REQUEST_VERIFICATION("abc=100", "*:requestVerification=0"),
    RATE_LIMIT_NOLOGIN_CONFIRM_VERIFICATION("abc=100", "*:confirmVerification=100", "nologin:confirmVerification=0"),
    RATE_LIMIT_ANY_CONFIRM_VERIFICATION("abc=100", "*:confirmVerification=0"),
    RATE_LIMIT_USERS_REQUEST_PASSWORD_RESET("abc=100", "*:requestPasswordReset=100", "users:requestPasswordReset=0"),
    RATE_LIMIT_ANY_REQUEST_PASSWORD_RESET("abc=100", "*:requestPasswordReset=0"),
    RATE_LIMIT_USERS_CONFIRM_PASSWORD_RESET("abc=100", "*:confirmPasswordReset=100", "users:confirmPasswordReset=0"),
    RATE_LIMIT_ANY_CONFIRM_PASSWORD_RESET("abc=100", "*:confirmPasswordReset=0"),
    RATE_LIMIT_USERS_REQUEST_EMAIL_CHANGE("abc=100", "*:requestEmailChange=100", "users:requestEmailChange=0"),
    RATE_LIMIT_ANY_REQUEST_EMAIL_CHANGE("abc=100", "*:requestEmailChange=0"),
    RATE_LIMIT_USERS_CONFIRM_EMAIL_CHANGE("abc=100", "*:confirmEmailChange=100", "users:confirmEmailChange=0"),
    RATE_LIMIT_ANY_CONFIRM_EMAIL_CHANGE("abc=100", "*:confirmEmailChange=0"),
    /** PocketBase's TestMailer: every mail is accepted and dropped (an onMailerSend handler that stops the chain). */
    TEST_MAILER {
        @Override
        void apply(TestServer server) {
            server.nodes().forEach(node -> node.onMailerSend().bind(e -> { }));
        }
    },
    /** An {@code onFileTokenRequest} handler that answers with the token {@code test}. */
    FILE_TOKEN_HOOK_TEST {
        @Override
        void apply(TestServer server) {
            server.nodes().forEach(node -> node.onFileTokenRequest().bind(e -> {
                e.token("test");
                e.next();
            }));
        }
    },
    /** PocketBase's TestMailer, keeping each mail for {@link SettingsChecks#oneTestMail}. */
    CAPTURE_MAILS {
        @Override
        void apply(TestServer server) {
            SettingsChecks.captureMails(server);
        }
    },
    /** {@code users.otp.enabled = false}. */
    USERS_OTP_DISABLED {
        @Override
        void apply(TestServer server) {
            MailSetups.usersOption(server, "otp", false);
        }
    },
    /** {@code users.passwordAuth.enabled = false}. */
    USERS_PASSWORD_AUTH_DISABLED {
        @Override
        void apply(TestServer server) {
            MailSetups.usersOption(server, "passwordAuth", false);
        }
    },
    /** OTP {@code aaaaaaaaaaaaaaa} of users/test@example.com, password 123456. */
    OTP_A15 {
        @Override
        void apply(TestServer server) {
            MailSetups.otp(server, "a".repeat(15), MailSetups.USERS_ID, MailSetups.USER_ID, "123456", java.time.Duration.ZERO, "");
        }
    },
    /** OTP {@code aaaaaaaaaaaaaaa} of clients/test@example.com, password 123456. */
    OTP_A15_CLIENTS {
        @Override
        void apply(TestServer server) {
            MailSetups.otp(server, "a".repeat(15), MailSetups.CLIENTS_ID, MailSetups.CLIENT_ID, "123456", java.time.Duration.ZERO, "");
        }
    },
    /** OTP {@code aaaaaaaaaaaaaaa} of users/test@example.com, password 1234567890. */
    OTP_A15_OTHER_PASSWORD {
        @Override
        void apply(TestServer server) {
            MailSetups.otp(server, "a".repeat(15), MailSetups.USERS_ID, MailSetups.USER_ID, "1234567890", java.time.Duration.ZERO, "");
        }
    },
    /** OTP {@code aaaaaaaaaaaaaaa} of users/test@example.com, password 123456, created 3 years ago. */
    OTP_A15_EXPIRED {
        @Override
        void apply(TestServer server) {
            MailSetups.otp(server, "a".repeat(15), MailSetups.USERS_ID, MailSetups.USER_ID, "123456", java.time.Duration.ofDays(3 * 365), "");
        }
    },
    /** users/test@example.com unverified, MFA off, and its OTP {@code aaaaaaaaaaaaaaa} (123456) sent to its email. */
    OTP_A15_SENT_TO_UNVERIFIED {
        @Override
        void apply(TestServer server) {
            MailSetups.userColumn(server, "verified", false);
            MailSetups.usersOption(server, "mfa", false);
            MailSetups.otp(server, "a".repeat(15), MailSetups.USERS_ID, MailSetups.USER_ID, "123456", java.time.Duration.ZERO,
                    "test@example.com");
        }
    },
    /** users/test@example.com unverified, MFA off, and its OTP {@code aaaaaaaaaaaaaaa} (123456) with an empty sentTo. */
    OTP_A15_UNVERIFIED_NO_MFA {
        @Override
        void apply(TestServer server) {
            MailSetups.userColumn(server, "verified", false);
            MailSetups.usersOption(server, "mfa", false);
            OTP_A15.apply(server);
        }
    },
    /** OTPs otp_0..otp_9 of users/test@example.com, the last 2 expired. */
    OTPS_8_RECENT_2_EXPIRED {
        @Override
        void apply(TestServer server) {
            MailSetups.otps(server, 10, 2);
        }
    },
    /** OTPs otp_0..otp_9 of users/test@example.com, none expired, otp_9 the newest. */
    OTPS_10_RECENT {
        @Override
        void apply(TestServer server) {
            MailSetups.otps(server, 10, 0);
        }
    },
    /** users/test@example.com verified (tokenKey kept, as PocketBase's test restores it). */
    USER_VERIFIED {
        @Override
        void apply(TestServer server) {
            MailSetups.userColumn(server, "verified", true);
        }
    },
    /** users/test@example.com renamed to test_update@example.com (tokenKey kept). */
    USER_EMAIL_CHANGED {
        @Override
        void apply(TestServer server) {
            MailSetups.userColumn(server, "email", "test_update@example.com");
        }
    },
    /** Three {@code _authOrigins} of nologin/dc49k6jgejn40h3 (fingerprints abc_0…abc_2), saved as PocketBase's test saves them. */
    NOLOGIN_AUTH_ORIGINS {
        @Override
        void apply(TestServer server) {
            Collection nologin = server.app.findCollection("nologin").orElseThrow();
            Collection origins = server.app.findCollection("_authOrigins").orElseThrow();
            for (int i = 0; i < 3; i++) {
                server.app.save(Record.create(origins).set("collectionRef", nologin.id()).set("recordRef", NOLOGIN_ID)
                        .set("fingerprint", "abc_" + i));
            }
        }
    },
    /** clients/test@example.com's username set to {@code username_as_email@example.com}, stored without validation. */
    CLIENT_USERNAME_AS_EMAIL {
        @Override
        void apply(TestServer server) {
            server.app.store().write(s -> {
                s.execute("UPDATE clients SET username = ? WHERE id = ?", List.of("username_as_email@example.com", MailSetups.CLIENT_ID));
                return null;
            });
        }
    },
    /** The unique {@code clients.username} index rebuilt without a collation (as PocketBase's updateIdentityIndex). */
    CLIENTS_USERNAME_INDEX_NO_COLLATE {
        @Override
        void apply(TestServer server) {
            clientsIdentityIndex(server, "username", "");
        }
    },
    /** The unique {@code clients.username} index rebuilt with {@code COLLATE nocase}. */
    CLIENTS_USERNAME_INDEX_NOCASE {
        @Override
        void apply(TestServer server) {
            clientsIdentityIndex(server, "username", "nocase");
        }
    },
    /** The unique {@code clients.email} index rebuilt with {@code COLLATE nocase}. */
    CLIENTS_EMAIL_INDEX_NOCASE {
        @Override
        void apply(TestServer server) {
            clientsIdentityIndex(server, "email", "nocase");
        }
    },
    /**
     * The verification resend lock of users/test@example.com set (PocketBase sets it in app.Store(); pb4j keeps it in
     * pb-auth, so one request-verification sets it here), mails dropped and counted from then on.
     */
    VERIFICATION_RESEND_LOCKED {
        @Override
        void apply(TestServer server) {
            resendLocked(server, "/api/collections/users/request-verification");
        }
    },
    /** As {@link #VERIFICATION_RESEND_LOCKED}, for the password-reset resend lock. */
    PASSWORD_RESET_RESEND_LOCKED {
        @Override
        void apply(TestServer server) {
            resendLocked(server, "/api/collections/users/request-password-reset");
        }
    },
    /** PocketBase's {@code tests.StubOTPRecords}: OTPs of superusers test2/test3 and of users/test@example.com. */
    STUB_OTPS {
        @Override
        void apply(TestServer server) {
            MailSetups.stubOtps(server);
        }
    };

    /** nologin/test@example.com. */
    static final String NOLOGIN_ID = "dc49k6jgejn40h3";

    private final List<String> rateLimitRules;

    Setup(String... rateLimitRules) {
        this.rateLimitRules = List.of(rateLimitRules);
    }

    /** Applies the setup; by default it enables the rate-limit rules the constant was declared with. */
    void apply(TestServer server) {
        JsonArrayBuilder rules = Json.createArrayBuilder();
        for (String rule : rateLimitRules) {
            int eq = rule.lastIndexOf('=');
            rules.add(Json.createObjectBuilder().add("label", rule.substring(0, eq)).add("audience", "")
                    .add("duration", 0).add("maxRequests", Integer.parseInt(rule.substring(eq + 1))));
        }
        JsonObject settings = server.app.settings();
        server.app.saveSettingsNoValidate(Json.createObjectBuilder(settings)
                .add("rateLimits", Json.createObjectBuilder().add("enabled", true).add("excludedIPs", Json.createArrayBuilder())
                        .add("rules", rules)).build());
    }

    /** Changes one key of the settings' {@code batch} object (PocketBase's tests set {@code app.Settings().Batch.*}). */
    private static void batch(TestServer server, String key, JsonValue value) {
        JsonObject settings = server.app.settings();
        server.app.saveSettingsNoValidate(Json.createObjectBuilder(settings)
                .add("batch", Json.createObjectBuilder(settings.getJsonObject("batch")).add(key, value)).build());
    }

    private static JsonObject get(TestServer server, String path) {
        String body = server.expect("GET", path, PocketBaseScenarios.SUPERUSER, null, 200);
        return Json.createReader(new StringReader(body)).readObject();
    }

    /**
     * Replaces the unique single-column index of {@code clients.<column>} with the one PocketBase's
     * {@code updateIdentityIndex} builds (same name and WHERE, the column quoted and collated), saved over HTTP.
     */
    private static void clientsIdentityIndex(TestServer server, String column, String collate) {
        JsonObject clients = get(server, "/api/collections/clients");
        String name = "_" + clients.getString("id") + "_" + column + "_idx";
        JsonArrayBuilder indexes = Json.createArrayBuilder();
        String where = null;
        for (JsonValue v : clients.getJsonArray("indexes")) {
            String index = ((jakarta.json.JsonString) v).getString();
            if (index.contains("`" + name + "`")) {
                int w = index.indexOf(" WHERE ");
                where = w < 0 ? "" : index.substring(w);
            } else {
                indexes.add(index);
            }
        }
        if (where == null) {
            throw new IllegalStateException("clients has no index " + name);
        }
        indexes.add("CREATE UNIQUE INDEX `" + name + "` ON `clients` (`" + column + "`"
                + (collate.isEmpty() ? "" : " COLLATE " + collate) + ")" + where);
        server.expect("PATCH", "/api/collections/clients", PocketBaseScenarios.SUPERUSER,
                Json.createObjectBuilder().add("indexes", indexes).build().toString(), 200);
    }

    /** Sends one mail request for test@example.com (its mail sent in the background sets the lock), then resets the count. */
    private static void resendLocked(TestServer server, String path) {
        java.util.concurrent.atomic.AtomicInteger sent = After.countMails(server);
        server.expect("POST", path, null, "{\"email\":\"test@example.com\"}", 204);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        try {
            while (sent.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // the lock is set right after the mail callback returns
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sent.getAndSet(0) != 1) {
            throw new IllegalStateException("the priming request sent no mail");
        }
    }

    private static void hideTitle(TestServer server, String listRule) {
        JsonObject demo3 = get(server, "/api/collections/demo3");
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (JsonValue v : demo3.getJsonArray("fields")) {
            JsonObject f = v.asJsonObject();
            fields.add(f.getString("name").equals("title") ? Json.createObjectBuilder(f).add("hidden", true).build() : f);
        }
        var patch = Json.createObjectBuilder().add("fields", fields);
        if (listRule != null) {
            patch.add("listRule", listRule);
        }
        server.expect("PATCH", "/api/collections/demo3", PocketBaseScenarios.SUPERUSER, patch.build().toString(), 200);
    }
}
