import java.util.List;

/**
 * One measured scenario: the HTTP requests it draws from at random (lines of {@code METHOD<TAB>PATH[<TAB>JSON BODY]}),
 * the Authorization header to send (empty for a guest), what to do on the server before it (set a rule, add an
 * index), and its raw sqlite-jdbc equivalent: {@code raw} when the harness writes the SQL itself, or null to replay
 * the statements the server ran for the scenario's first request (captured from {@code serve --dev}). The raw side
 * runs on {@code rawThreads} threads ({@link #READERS}: {@code --raw-threads}).
 */
record Scenario(String name, List<String> requests, String token, Step before, int rawThreads, RawOp raw) {
    static final int READERS = 0;


    /** An action against the running server (the one being measured, or the --dev one), e.g. a collection PATCH. */
    interface Step {
        void run(Api server) throws Exception;
    }

    /** Creates one worker's raw operation (its own connection and prepared statements). */
    interface RawOp {
        Load.Op create() throws Exception;
    }

    static final Step NOTHING = server -> { };

    /** No raw side: the scenario does no SQL (health); the report leaves its raw columns empty. */
    static final RawOp NONE = () -> () -> { };

    static String get(String path) {
        return "GET\t" + path;
    }

    static String post(String path, String json) {
        return "POST\t" + path + "\t" + json;
    }
}
