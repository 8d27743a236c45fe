package io.pb4j.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of a log entry's data and message: PocketBase's (Go map JSON) and v0.40's caps (log_model_test.go). */
class LogDataTest {
    private static final int DATA_LIMIT = 16 << 10;

    @Test
    void dataIsWrittenWithSortedKeysGoNumbersAndGoEscapes() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", "/api/x?a=<b>&c");
        data.put("execTime", 9.681131);
        data.put("status", 200);
        data.put("nested", Map.of("z", 1, "a", List.of(10.0, 1e-7, 1e21, true)));
        data.put("auth", "");
        data.put("details", null);
        assertThat(LogJson.write(data)).isEqualTo("{\"auth\":\"\",\"details\":null,\"execTime\":9.681131,"
                + "\"nested\":{\"a\":[10,1e-7,1e+21,true],\"z\":1},\"status\":200,\"url\":\"/api/x?a=\\u003cb\\u003e\\u0026c\"}");
    }

    @Test
    void numbersTakeGosShortestFormOnEitherSideOfThePlainRange() {
        List<Double> values = List.of(0.001, 0.0009999, 0.5, -2.0, 100.25, 1234567.5, 9999999.0, 1e7, 123456789.125, 1e-6,
                0.1 + 0.2, 1e20, 0.0);
        assertThat(LogJson.write(Map.of("n", values))).isEqualTo("{\"n\":[0.001,0.0009999,0.5,-2,100.25,1234567.5,9999999,"
                + "10000000,123456789.125,0.000001,0.30000000000000004,100000000000000000000,0]}");
    }

    @Test
    void createdIsTheCanonicalDateTimeText() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochMilli(random.nextLong(-5_000_000_000_000L, 300_000_000_000_000L));
            assertThat(LogWriter.created(t)).isEqualTo(io.pb4j.core.DateTimes.format(t));
        }
        java.time.Instant now = java.time.Instant.parse("2026-12-07T13:05:02.071Z");
        assertThat(LogWriter.created(now)).isEqualTo("2026-12-07 13:05:02.071Z");
    }

    @Test
    void dataAtTheLimitIsKeptAsItIs() {
        Map<String, Object> data = Map.of("a", "test1", "b", "test2", "c", "a".repeat(DATA_LIMIT - 32));
        String json = LogJson.write(data);
        assertThat(json).hasSize(DATA_LIMIT);
        assertThat(PartialJson.limit(json, DATA_LIMIT)).isSameAs(json);
    }

    @Test
    void dataAboveTheLimitIsCutToTheLastDecodedCharacterAndMarked() {
        String c = "a".repeat(DATA_LIMIT - 32) + "x";
        String json = LogJson.write(Map.of("a", "test1", "b", "test2", "c", c));
        assertThat(PartialJson.limit(json, DATA_LIMIT))
                .isEqualTo("{\"__pb_truncated__\":true,\"a\":\"test1\",\"b\":\"test2\",\"c\":\"" + c + "\"}");
    }

    @Test
    void aCustomLimitCutsInsideTheLastString() {
        String json = LogJson.write(Map.of("a", "test1", "b", "test2", "c", "a".repeat(40)));
        assertThat(PartialJson.limit(json, 40))
                .isEqualTo("{\"__pb_truncated__\":true,\"a\":\"test1\",\"b\":\"test2\",\"c\":\"" + "a".repeat(10) + "\"}");
    }

    @Test
    void aCutNumberOrKeyIsLeftOutAndNestedValuesKeepWhatWasRead() {
        String json = "{\"a\":{\"x\":[1,2,\"abc\"]},\"b\":12345}";
        assertThat(PartialJson.limit(json, json.length() - 3)).isEqualTo("{\"__pb_truncated__\":true,\"a\":{\"x\":[1,2,\"abc\"]}}");
        assertThat(PartialJson.limit(json, 18)).isEqualTo("{\"__pb_truncated__\":true,\"a\":{\"x\":[1,2,\"ab\"]}}");
        assertThat(PartialJson.limit(json, 28)).isEqualTo("{\"__pb_truncated__\":true,\"a\":{\"x\":[1,2,\"abc\"]}}");
    }

    @Test
    void aMultiByteCharacterIsNeverSplit() {
        String json = LogJson.write(Map.of("c", "ééé"));
        // {"c":" is 6 bytes, each é is 2: a cut at 9 bytes keeps one é whole and drops the half one
        assertThat(PartialJson.limit(json, 9)).isEqualTo("{\"__pb_truncated__\":true,\"c\":\"é\"}");
    }

    @Test
    void idsHavePocketBasesShapeAndSortByTime() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        String earlier = LogWriter.id(1_765_000_000_000L, random);
        String later = LogWriter.id(1_765_000_000_001L, random);
        assertThat(earlier).matches("[a-z0-9]{15}");
        assertThat(later).matches("[a-z0-9]{15}").isGreaterThan(earlier);
        assertThat(LogWriter.id(1_765_000_000_000L, random)).isNotEqualTo(earlier).startsWith(earlier.substring(0, 8));
    }

    @Test
    void messagesAreCutAt8000Characters() {
        assertThat(LogWriter.cut("a".repeat(8000))).hasSize(8000);
        assertThat(LogWriter.cut("a".repeat(8000) + "x")).isEqualTo("a".repeat(8000));
        String emoji = "😀".repeat(8001);
        assertThat(LogWriter.cut(emoji).codePointCount(0, LogWriter.cut(emoji).length())).isEqualTo(8000);
    }
}
