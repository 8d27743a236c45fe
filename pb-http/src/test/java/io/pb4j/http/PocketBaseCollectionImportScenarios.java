package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import io.pb4j.http.PbScenario.Skipped;
import java.util.List;

/**
 * The scenarios of PocketBase v0.39.11's {@code apis/collection_import_test.go} ({@code PUT /api/collections/import}).
 * Their AfterTestFunc checks (collection counts, the created index, the rollback) are asserted by
 * {@link CollectionsImportApiTest}.
 */
final class PocketBaseCollectionImportScenarios {
    private PocketBaseCollectionImportScenarios() {
    }

    private static final String FILE = "collection_import_test.go";
    private static final String FUNC = "TestCollectionsImport";
    private static final String URL = "/api/collections/import";

    static final List<PbScenario> PORTED = List.of(
            s(FILE, FUNC, 19, "unauthorized", "PUT", URL, null, null, 401)
                    .expect("\"data\":{}"),
            s(FILE, FUNC, 27, "authorized as regular user", "PUT", URL, USER, null, 403)
                    .expect("\"data\":{}"),
            s(FILE, FUNC, 38, "authorized as superuser + empty collections", "PUT", URL, SUPERUSER, "{\"collections\":[]}", 400)
                    .expect("\"data\":{", "\"collections\":{\"code\":\"validation_required\"")
                    .unchecked("AfterTestFunc (16 collections): CollectionsImportApiTest"),
            s(FILE, FUNC, 63, "authorized as superuser + collections validator failure", "PUT", URL, SUPERUSER,
                    "{\"collections\":[{\"name\":\"import1\"},{\"name\":\"import2\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"expand\",\"type\":\"text\"}]}]}", 400)
                    .expect("\"data\":{", "\"collections\":{\"code\":\"validation_collections_import_failure\"", "import2", "fields")
                    .notExpect("Raw error:")
                    .unchecked("AfterTestFunc (16 collections): CollectionsImportApiTest"),
            s(FILE, FUNC, 179, "authorized as superuser + successful collections create", "PUT", URL, SUPERUSER,
                    "{\"collections\":[{\"name\":\"import1\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}]},"
                            + "{\"name\":\"import2\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}],\"indexes\":[\"create index idx_test on import2 (test)\"]},"
                            + "{\"name\":\"auth_without_fields\",\"type\":\"auth\"}]}", 204)
                    .unchecked("AfterTestFunc (19 collections, index idx_test): CollectionsImportApiTest"),
            s(FILE, FUNC, 245, "authorized as superuser + create/update/delete", "PUT", URL, SUPERUSER,
                    "{\"deleteMissing\":true,\"collections\":[{\"name\":\"test123\"},{\"id\":\"wsmn24bux7wo113\",\"name\":\"demo1\","
                            + "\"fields\":[{\"id\":\"_2hlxbmp\",\"name\":\"title\",\"type\":\"text\",\"required\":true}],\"indexes\":[]}]}", 204)
                    .unchecked("AfterTestFunc (system collections + 2): CollectionsImportApiTest"));

    static final List<Skipped> SKIPPED = List.of(
            new Skipped(FILE, FUNC, 114, "authorized as superuser + non-validator failure",
                    "hooks (BeforeTestFunc binds a failing OnCollectionCreate hook; the raw-error path is in CollectionsImportApiTest)"));
}
