package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import io.pb4j.http.PbScenario.Skipped;
import java.util.List;

/**
 * PocketBase's {@code apis/cron_test.go} ported as data: {@code GET /api/crons} with the system jobs and
 * {@code POST /api/crons/{id}} running a job in the background ({@link Setup#COUNTING_CRON_JOB}, checked by
 * {@link After#CRON_JOB_RAN_ONCE} / {@link After#CRON_JOB_NOT_RUN}).
 */
final class PocketBaseCronScenarios {
    private PocketBaseCronScenarios() {
    }

    static final List<PbScenario> PORTED = List.of(
            s("cron_test.go", "TestCronsList", 18, "unauthorized", "GET", "/api/crons", null, null, 401)
                    .expect("\"data\":{}"),
            s("cron_test.go", "TestCronsList", 26, "authorized as regular user", "GET", "/api/crons", USER, null, 403)
                    .expect("\"data\":{}"),
            s("cron_test.go", "TestCronsList", 37, "authorized as superuser (empty list)", "GET", "/api/crons", SUPERUSER, null, 200)
                    .setup(Setup.NO_CRON_JOBS).expect("[]"),
            s("cron_test.go", "TestCronsList", 51, "authorized as superuser", "GET", "/api/crons", SUPERUSER, null, 200)
                    .expect("{\"id\":\"__pbLogsCleanup__\",\"expression\":\"0 */6 * * *\"}",
                            "{\"id\":\"__pbDBOptimize__\",\"expression\":\"0 0 * * *\"}",
                            "{\"id\":\"__pbMFACleanup__\",\"expression\":\"0 * * * *\"}",
                            "{\"id\":\"__pbOTPCleanup__\",\"expression\":\"0 * * * *\"}"),
            s("cron_test.go", "TestCronsRun", 93, "unauthorized", "POST", "/api/crons/test", null, null, 401)
                    .setup(Setup.COUNTING_CRON_JOB).after(After.CRON_JOB_NOT_RUN).expect("\"data\":{}"),
            s("cron_test.go", "TestCronsRun", 104, "authorized as regular user", "POST", "/api/crons/test", USER, null, 403)
                    .setup(Setup.COUNTING_CRON_JOB).after(After.CRON_JOB_NOT_RUN).expect("\"data\":{}"),
            s("cron_test.go", "TestCronsRun", 118, "authorized as superuser (missing job)", "POST", "/api/crons/missing", SUPERUSER, null, 404)
                    .setup(Setup.COUNTING_CRON_JOB).after(After.CRON_JOB_NOT_RUN).expect("\"data\":{}"),
            s("cron_test.go", "TestCronsRun", 132, "authorized as superuser (existing job)", "POST", "/api/crons/test", SUPERUSER, null, 204)
                    .setup(Setup.COUNTING_CRON_JOB).after(After.CRON_JOB_RAN_ONCE));

    static final List<Skipped> SKIPPED = List.of();
}
