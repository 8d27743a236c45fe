import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The default suite: a base collection {@code posts} (text {@code title}, number {@code views}; list, view and create
 * rules {@code ""}) with {@code --records} records, read by page (with and without the count), by id, and written.
 */
final class BasicSuite {
    private BasicSuite() {
    }

    static List<Scenario> setUp(Api api, Raw raw, int records) throws Exception {
        api.admin("POST", "/api/collections", """
                {"name":"posts","type":"base","listRule":"","viewRule":"","createRule":"",
                 "fields":[{"name":"title","type":"text"},{"name":"views","type":"number"}]}""");
        Bench.log("seeding " + records + " posts through the API");
        long t0 = System.nanoTime();
        List<String> ids = api.seed("posts", records, i -> body());
        Bench.seeded(records + " posts", (System.nanoTime() - t0) / 1e9);
        int pages = Math.max(1, records / 20);
        String path = "/api/collections/posts/records";
        List<String> list = new ArrayList<>();
        List<String> skipTotal = new ArrayList<>();
        List<String> create = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            list.add(Scenario.get(path + "?perPage=20&page=" + p));
            skipTotal.add(Scenario.get(path + "?perPage=20&skipTotal=1&page=" + p));
        }
        for (int i = 0; i < 10_000; i++) {
            create.add(Scenario.post(path, body()));
        }
        String page = "SELECT `posts`.* FROM `posts` LIMIT 20 OFFSET ?";
        String count = "SELECT COUNT(DISTINCT `posts`.`_rowid_`) AS total FROM `posts`";
        List<String> getOne = ids.stream().map(id -> Scenario.get(path + "/" + id)).toList();
        Scenario.RawOp rawGetOne = () -> raw.queries(() -> new Object[] {ids.get(ThreadLocalRandom.current().nextInt(ids.size()))},
                "SELECT * FROM `posts` WHERE `id` = ? LIMIT 1");
        return List.of(
                // no SQL: the floor of pb4j's request path, compared with a bare Helidon hello (HelloServer)
                new Scenario("health", List.of(Scenario.get("/api/health")), "", Scenario.NOTHING, Scenario.READERS,
                        Scenario.NONE),
                new Scenario("list perPage=20", list, "", Scenario.NOTHING, Scenario.READERS,
                        () -> raw.queries(() -> new Object[] {20 * ThreadLocalRandom.current().nextInt(pages)}, page, count)),
                new Scenario("list perPage=20 skipTotal=1", skipTotal, "", Scenario.NOTHING, Scenario.READERS,
                        () -> raw.queries(() -> new Object[] {20 * ThreadLocalRandom.current().nextInt(pages)}, page)),
                new Scenario("getOne by id", getOne, "", Scenario.NOTHING, Scenario.READERS, rawGetOne),
                new Scenario("create", create, "", Scenario.NOTHING, 1, () -> raw.insert("posts")),
                // what request logging costs: the same reads with logs.maxDays 0 (no entries) and 5 (the default),
                // twice in turn, so that a neighbour's load shows as a difference between the two rounds
                new Scenario("getOne, request logs off", getOne, "", logsMaxDays(0), Scenario.READERS, rawGetOne),
                new Scenario("getOne, request logs on", getOne, "", logsMaxDays(5), Scenario.READERS, rawGetOne),
                new Scenario("getOne, request logs off (2nd round)", getOne, "", logsMaxDays(0), Scenario.READERS, rawGetOne),
                new Scenario("getOne, request logs on (2nd round)", getOne, "", logsMaxDays(5), Scenario.READERS, rawGetOne));
    }

    /**
     * Sets {@code logs.maxDays} on the running server: {@code PATCH /api/settings} (PocketBase's settings API); a server
     * without it falls back to BenchServer's own {@code POST /bench/logs-max-days/N} ({@code --server=modules}).
     */
    private static Scenario.Step logsMaxDays(int days) {
        return server -> {
            try {
                server.admin("PATCH", "/api/settings", "{\"logs\":{\"maxDays\":" + days + "}}");
            } catch (IllegalStateException noSettingsApi) {
                server.admin("POST", "/bench/logs-max-days/" + days, null);
            }
        };
    }

    private static String body() {
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        return "{\"title\":\"post " + n + "\",\"views\":" + n + "}";
    }
}
