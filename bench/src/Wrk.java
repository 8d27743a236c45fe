import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load through wrk (Debian's wrk 4.1.0): a Lua script sends a random line of the scenario's request file per
 * request for the whole measured window. wrk costs the shared cores far less CPU than HttpClient. There is no request
 * bound here: wrk divides by its full {@code -d} window even when the script stops its threads early, so a bound
 * reached inside the window made every fast scenario read bound ÷ window (health and the bare hello both 19 999/s).
 */
final class Wrk {
    private static final Pattern RESULT = Pattern.compile(
            "WRK requests=(\\d+) duration_us=(\\d+) errors=(\\d+) status_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

    private static final String SCRIPT = """
            local auth, reqs = "%s", {}
            for line in io.lines("%s") do
              local method, path, body = line:match("^(%%u+)\\t([^\\t]+)\\t?(.*)$")
              reqs[#reqs + 1] = {method, path, body}
            end
            local count = 0
            setup = function(thread) count = count + 1; thread:set("seed", count) end
            init = function(args) math.randomseed(os.time() * 100 + seed) end
            request = function()
              local r = reqs[math.random(#reqs)]
              local headers = {}
              if auth ~= "" then headers["Authorization"] = auth end
              if r[3] ~= "" then
                headers["Content-Type"] = "application/json"
                return wrk.format(r[1], r[2], headers, r[3])
              end
              return wrk.format(r[1], r[2], headers)
            end
            done = function(s, latency)
              local e = s.errors
              io.write(string.format("WRK requests=%%d duration_us=%%d errors=%%d status_errors=%%d p50_us=%%d p99_us=%%d\\n",
                s.requests, s.duration, e.connect + e.read + e.write + e.timeout, e.status,
                latency:percentile(50), latency:percentile(99)))
            end
            """;

    private Wrk() {
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    /** A warm-up run (discarded), then the measured run, of the requests in {@code requests} (one per line). */
    static Load.Stats run(String base, Path requests, String token, int connections, Duration warmup,
            Duration measure) throws Exception {
        int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
        Path script = requests.resolveSibling(requests.getFileName() + ".lua");
        Files.writeString(script, SCRIPT.formatted(token, requests));
        wrk(base, script, threads, connections, warmup);
        Matcher m = RESULT.matcher(wrk(base, script, threads, connections, measure));
        if (!m.find()) {
            throw new IllegalStateException("no result from wrk");
        }
        long requestsDone = Long.parseLong(m.group(1));
        long socketErrors = Long.parseLong(m.group(3));
        long statusErrors = Long.parseLong(m.group(4));
        String error = socketErrors + statusErrors == 0 ? "" : "wrk: " + socketErrors + " socket errors, " + statusErrors + " non-2xx/3xx";
        return new Load.Stats(requestsDone - statusErrors, socketErrors + statusErrors, Long.parseLong(m.group(2)) / 1e6,
                Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3, error);
    }

    private static String wrk(String base, Path script, int threads, int connections, Duration d) throws Exception {
        List<String> cmd = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + Math.max(1, d.toSeconds()) + "s",
                "--timeout", "10s", "-s", script.toString(), base);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }
}
