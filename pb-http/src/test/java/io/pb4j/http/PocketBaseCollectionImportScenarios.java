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

    /** The BeforeTestFunc of "non-validator failure": every collection create fails with {@code custom_error}. */
    private static final PbScenario.Step FAILING_ON_COLLECTION_CREATE = new PbScenario.Step(
            "onCollectionCreate throws custom_error", server -> server.nodes().forEach(node -> node.onCollectionCreate().bindFunc(e -> {
                throw new IllegalStateException("custom_error");
            })));

    /** The AfterTestFunc of the failing imports: the fixture's collections, no more. */
    private static final PbScenario.Check COLLECTIONS_UNCHANGED = new PbScenario.Check("no import1/import2 collection",
            server -> server.app.findCollection("import1").isPresent() || server.app.findCollection("import2").isPresent()
                    ? List.of("an imported collection was kept") : List.of());

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
                    .unchecked("AfterTestFunc (16 collections): CollectionsImportApiTest")
                    .events("*", 0, "OnCollectionsImportRequest", 1, "OnCollectionCreate", 2, "OnCollectionCreateExecute", 2,
                            "OnCollectionAfterCreateError", 2, "OnModelCreate", 2, "OnModelCreateExecute", 2, "OnModelAfterCreateError", 2),
            s(FILE, FUNC, 114, "authorized as superuser + non-validator failure", "PUT", URL, SUPERUSER,
                    "{\"collections\":[{\"name\":\"import1\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}]},"
                            + "{\"name\":\"import2\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}],\"indexes\":[\"create index idx_test on import2 (test)\"]}]}", 400)
                    .setup(FAILING_ON_COLLECTION_CREATE)
                    .expect("\"data\":{", "\"collections\":{\"code\":\"validation_collections_import_failure\"", "Raw error:", "custom_error")
                    .after(COLLECTIONS_UNCHANGED)
                    .events("*", 0, "OnCollectionsImportRequest", 1, "OnCollectionCreate", 1, "OnCollectionAfterCreateError", 1,
                            "OnModelCreate", 1, "OnModelAfterCreateError", 1),
            s(FILE, FUNC, 179, "authorized as superuser + successful collections create", "PUT", URL, SUPERUSER,
                    "{\"collections\":[{\"name\":\"import1\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}]},"
                            + "{\"name\":\"import2\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}],\"indexes\":[\"create index idx_test on import2 (test)\"]},"
                            + "{\"name\":\"auth_without_fields\",\"type\":\"auth\"}]}", 204)
                    .unchecked("AfterTestFunc (19 collections, index idx_test): CollectionsImportApiTest")
                    .events("*", 0, "OnCollectionsImportRequest", 1, "OnCollectionCreate", 3, "OnCollectionCreateExecute", 3,
                            "OnCollectionAfterCreateSuccess", 3, "OnModelCreate", 3, "OnModelCreateExecute", 3, "OnModelAfterCreateSuccess", 3),
            s(FILE, FUNC, 245, "authorized as superuser + create/update/delete", "PUT", URL, SUPERUSER,
                    "{\"deleteMissing\":true,\"collections\":[{\"name\":\"test123\"},{\"id\":\"wsmn24bux7wo113\",\"name\":\"demo1\","
                            + "\"fields\":[{\"id\":\"_2hlxbmp\",\"name\":\"title\",\"type\":\"text\",\"required\":true}],\"indexes\":[]}]}", 204)
                    .unchecked("AfterTestFunc (system collections + 2): CollectionsImportApiTest"));

    static final List<Skipped> SKIPPED = List.of();
}
