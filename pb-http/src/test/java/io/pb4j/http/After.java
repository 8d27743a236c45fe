package io.pb4j.http;

import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Checks of the stored state (on the scenario's own server) that stand in for the AfterTestFunc of some PocketBase scenarios. */
enum After {
    /** The settings secrets of PocketBase's "submitting valid data" scenario are stored. */
    SETTINGS_SECRETS_STORED {
        @Override
        List<String> problems(TestServer server) {
            return SettingsChecks.secretsStored(server);
        }
    },
    /** One mail to test@example.com, a verification one ({@link Setup#CAPTURE_MAILS}). */
    TEST_MAIL_VERIFICATION {
        @Override
        List<String> problems(TestServer server) {
            return SettingsChecks.oneTestMail(server, "Verify");
        }
    },
    /** One mail to test@example.com, a password reset one. */
    TEST_MAIL_PASSWORD_RESET {
        @Override
        List<String> problems(TestServer server) {
            return SettingsChecks.oneTestMail(server, "Reset password");
        }
    },
    /** One mail to test@example.com, an email change one. */
    TEST_MAIL_EMAIL_CHANGE {
        @Override
        List<String> problems(TestServer server) {
            return SettingsChecks.oneTestMail(server, "Confirm new email");
        }
    },
    /** One mail to test@example.com, an OTP one. */
    TEST_MAIL_OTP {
        @Override
        List<String> problems(TestServer server) {
            return SettingsChecks.oneTestMail(server, "one-time password");
        }
    },
    /** backup_test.go's {@code ensureNoBackups}. */
    NO_BACKUPS {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server);
        }
    },
    /** One backup, named {@code pb_backup_…}. */
    ONE_GENERATED_BACKUP {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server, "pb_backup_*");
        }
    },
    /** The one backup {@code test.zip}. */
    ONE_BACKUP_TEST_ZIP {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server, "test.zip");
        }
    },
    /** Exactly one backup of any name. */
    ONE_BACKUP {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server, "*");
        }
    },
    /** The four test backups unchanged. */
    TEST_BACKUPS_KEPT {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server, "test1.zip", "test2.zip", "test3.zip", "@test4.zip");
        }
    },
    /** The test backups without test1.zip. */
    TEST1_DELETED {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server, "test2.zip", "test3.zip", "@test4.zip");
        }
    },
    /** The test backups without @test4.zip. */
    TEST4_DELETED {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.backups(server, "test1.zip", "test2.zip", "test3.zip");
        }
    },
    /** The {@link Setup#COUNTING_CRON_JOB} job did not run. */
    CRON_JOB_NOT_RUN {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.cronCalls(server, 0);
        }
    },
    /** The {@link Setup#COUNTING_CRON_JOB} job ran once. */
    CRON_JOB_RAN_ONCE {
        @Override
        List<String> problems(TestServer server) {
            return BackupSetups.cronCalls(server, 1);
        }
    },
    /** PocketBase's batch file upload check: batch1 has 3 files, batch2 none, batch3 one, lcl9d87w22ml6jy one. */
    DEMO3_BATCH_FILES {
        @Override
        List<String> problems(TestServer server) {
            Collection demo3 = server.app.findCollection("demo3").orElseThrow();
            List<String> out = new ArrayList<>();
            java.util.Map<String, Integer> expected = new java.util.LinkedHashMap<>();
            expected.put("batch1", 3);
            expected.put("batch2", 0);
            expected.put("batch3", 1);
            expected.forEach((title, n) -> {
                Record r = server.app.findFirstRecordByData(demo3, "title", title).orElse(null);
                int found = r == null ? -1 : r.getStringSlice("files").size();
                if (found != n) {
                    out.add("after: expected " + n + " file(s) on " + title + ", found " + found);
                }
            });
            Record batch4 = server.app.findRecordById(demo3, "lcl9d87w22ml6jy").orElseThrow();
            if (batch4.getStringSlice("files").size() != 1) {
                out.add("after: expected 1 file on lcl9d87w22ml6jy, found " + batch4.getStringSlice("files"));
            }
            return out;
        }
    },
    /** nologin/dc49k6jgejn40h3 keeps the 3 auth origins of {@link Setup#NOLOGIN_AUTH_ORIGINS} (its password is unchanged). */
    NOLOGIN_AUTH_ORIGINS_KEPT {
        @Override
        List<String> problems(TestServer server) {
            int count = nologinAuthOrigins(server);
            return count == 3 ? List.of() : List.of("after: expected 3 _authOrigins of dc49k6jgejn40h3, found " + count);
        }
    },
    /** nologin/dc49k6jgejn40h3 has the password 123456789 and no auth origins left (a password change resets them). */
    NOLOGIN_NEW_PASSWORD_AUTH_ORIGINS_RESET {
        @Override
        List<String> problems(TestServer server) {
            List<String> out = new ArrayList<>();
            Collection nologin = server.app.findCollection("nologin").orElseThrow();
            Record record = server.app.findRecordById(nologin, Setup.NOLOGIN_ID).orElseThrow();
            if (!record.validatePassword("123456789")) {
                out.add("after: the password of dc49k6jgejn40h3 was not changed to 123456789");
            }
            int count = nologinAuthOrigins(server);
            if (count != 0) {
                out.add("after: expected the _authOrigins of dc49k6jgejn40h3 removed, found " + count);
            }
            return out;
        }
    },
    /** users/test@example.com is still unverified (the OTP was not sent to its email) and keeps its 2 external auths. */
    USER_UNVERIFIED_EXTERNAL_AUTHS_KEPT {
        @Override
        List<String> problems(TestServer server) {
            List<String> out = new ArrayList<>();
            Collection users = server.app.findCollection("users").orElseThrow();
            Record user = server.app.findRecordById(users, MailSetups.USER_ID).orElseThrow();
            if (user.getBool("verified")) {
                out.add("after: expected test@example.com to stay unverified (sentTo is not its email)");
            }
            int count = server.app.store().read(s -> s.query("SELECT id FROM _externalAuths WHERE recordRef = ?",
                    List.of(MailSetups.USER_ID))).size();
            if (count != 2) {
                out.add("after: expected the 2 _externalAuths of test@example.com kept, found " + count);
            }
            return out;
        }
    },
    /** users/test@example.com has exactly one {@code _mfas} row (the first step of an MFA sign-in created it). */
    USER_ONE_MFA {
        @Override
        List<String> problems(TestServer server) {
            int count = userMfas(server);
            return count == 1 ? List.of() : List.of("after: expected 1 _mfas row of test@example.com, found " + count);
        }
    },
    /** users/test@example.com has no {@code _mfas} row. */
    USER_NO_MFA {
        @Override
        List<String> problems(TestServer server) {
            int count = userMfas(server);
            return count == 0 ? List.of() : List.of("after: expected no _mfas row of test@example.com, found " + count);
        }
    },
    /** users/4q1xlclmfloku33 (deleted) has no {@code _externalAuths} left, and its storage folder is gone. */
    USER_EXTERNAL_AUTHS_DELETED {
        @Override
        List<String> problems(TestServer server) {
            List<String> out = new ArrayList<>();
            int count = server.app.store().read(s -> s.query("SELECT id FROM _externalAuths WHERE recordRef = ?",
                    List.of(MailSetups.USER_ID))).size();
            if (count != 0) {
                out.add("after: expected the _externalAuths of 4q1xlclmfloku33 deleted, found " + count);
            }
            if (java.nio.file.Files.exists(server.dir.resolve("storage").resolve("_pb_users_auth_").resolve(MailSetups.USER_ID))) {
                out.add("after: expected the storage folder of 4q1xlclmfloku33 deleted");
            }
            return out;
        }
    },
    /** The SQL console created the table {@code test_sql_table}. */
    SQL_TABLE_CREATED {
        @Override
        List<String> problems(TestServer server) {
            return sqlTableRows(server) >= 0 ? List.of() : List.of("after: missing the expected new table test_sql_table");
        }
    },
    /** The SQL console created {@code test_sql_table} with exactly one row. */
    SQL_TABLE_ONE_ROW {
        @Override
        List<String> problems(TestServer server) {
            int rows = sqlTableRows(server);
            return rows == 1 ? List.of() : List.of("after: expected exactly 1 row in test_sql_table, found " + rows);
        }
    },
    /** The failed SQL console script left no {@code test_sql_table} behind (its transaction was rolled back). */
    SQL_TABLE_ABSENT {
        @Override
        List<String> problems(TestServer server) {
            return sqlTableRows(server) < 0 ? List.of() : List.of("after: expected table test_sql_table to not be created");
        }
    },
    /** The new demo3 record was stored without its hidden title. */
    DEMO3_NEW_TITLE_EMPTY("demo3", "abcde1234567890", "title", ""),
    /** The new demo3 record was stored with its hidden title. */
    DEMO3_NEW_TITLE_SAVED("demo3", "abcde1234567890", "title", "test_create"),
    /** demo3/1tmknxy2868d869 kept its hidden title. */
    DEMO3_TITLE_UNCHANGED("demo3", "1tmknxy2868d869", "title", "test1"),
    /** demo3/1tmknxy2868d869 got its hidden title updated. */
    DEMO3_TITLE_UPDATED("demo3", "1tmknxy2868d869", "title", "test_update"),
    /** nologin/phhq3wr65cap535 has the password 12345678. */
    NOLOGIN_PHHQ_PASSWORD_CHANGED("nologin", "phhq3wr65cap535", "password", "12345678"),
    /** users/oap640cot4yru2s has the password 12345678. */
    USER_OAP_PASSWORD_CHANGED("users", "oap640cot4yru2s", "password", "12345678"),
    /** No mail went out for the scenario's request (waits 100 ms first, as the scenario's Delay, for a mail sent in the background). */
    NO_MAIL_SENT {
        @Override
        List<String> problems(TestServer server) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int sent = MAILS.get(server).getAndSet(0);
            return sent == 0 ? List.of() : List.of("after: expected no mail, " + sent + " sent");
        }
    };

    private static final Map<TestServer, AtomicInteger> MAILS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Makes the server drop every mail (PocketBase's TestMailer) and count it, for {@link #NO_MAIL_SENT}; returns the
     * counter.
     */
    static AtomicInteger countMails(TestServer server) {
        AtomicInteger sent = MAILS.computeIfAbsent(server, k -> new AtomicInteger());
        server.nodes().forEach(node -> node.onMailerSend().bind(e -> sent.incrementAndGet()));
        return sent;
    }

    private final String collection;
    private final String id;
    private final String field;
    private final String value;

    After() {
        this("", "", "", "");
    }

    /** A check that the stored record {@code collection/id} has {@code field} = {@code value} ({@code password}: verifies). */
    After(String collection, String id, String field, String value) {
        this.collection = collection;
        this.id = id;
        this.field = field;
        this.value = value;
    }

    /** What the stored state shows wrong, one line each; empty when it is as PocketBase's AfterTestFunc expects. */
    List<String> problems(TestServer server) {
        Collection c = server.app.findCollection(collection).orElseThrow();
        Record record = server.app.findRecordById(c, id).orElse(null);
        if (record == null) {
            return List.of("after: " + collection + "/" + id + " not found");
        }
        boolean ok = field.equals("password") ? record.validatePassword(value) : record.getString(field).equals(value);
        return ok ? List.of() : List.of("after: expected " + collection + "/" + id + " " + field + " = " + value
                + (field.equals("password") ? "" : ", found " + record.getString(field)));
    }

    private static int userMfas(TestServer server) {
        return server.app.store().read(s -> s.query("SELECT id FROM _mfas WHERE recordRef = ?", List.of(MailSetups.USER_ID))).size();
    }

    /** The rows of {@code test_sql_table}, -1 when there is no such table. */
    private static int sqlTableRows(TestServer server) {
        return server.app.store().read(s -> s.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'test_sql_table'",
                List.of()).isEmpty() ? -1 : s.query("SELECT * FROM test_sql_table", List.of()).size());
    }

    private static int nologinAuthOrigins(TestServer server) {
        return server.app.store().read(s -> s.query("SELECT id FROM _authOrigins WHERE recordRef = ?", List.of(Setup.NOLOGIN_ID)))
                .size();
    }
}
