package io.pb4j.http.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.internal.ratelimit.RateLimitRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PocketBase v0.39.11's TestRateLimitsFindRateLimitRule (core/settings_model_test.go), case for case. */
class RateLimitRulesTest {
    private static final RateLimitRules RULES = new RateLimitRules(true, List.of(), List.of(
            new Rule("abc", "", 0, 0),
            new Rule("def", "@guest", 0, 0),
            new Rule("/test/a", "@guest", 0, 0),
            new Rule("POST /test/a", "", 0, 0),
            new Rule("/test/a/", "@auth", 0, 0),
            new Rule("POST /test/a/", "", 0, 0)));

    private static String find(List<String> labels, String... audiences) {
        return RULES.find(labels, List.of(audiences)).map(Rule::label).orElse("");
    }

    @Test
    void findsTheFirstExactThenPrefixRulePerLabelInOrder() {
        assertThat(find(List.of())).isEmpty();
        assertThat(find(List.of("missing"))).isEmpty();
        assertThat(find(List.of("abc"))).isEqualTo("abc");
        assertThat(find(List.of("abc"), "@guest")).isEmpty();
        assertThat(find(List.of("abc"), "@auth")).isEmpty();
        assertThat(find(List.of("def"), "@guest")).isEqualTo("def");
        assertThat(find(List.of("def"), "@auth")).isEmpty();
        assertThat(find(List.of("/test"))).isEmpty();
        assertThat(find(List.of("/test/a"))).isEqualTo("/test/a");
        assertThat(find(List.of("/test/a"), "@auth")).isEqualTo("/test/a/");
        assertThat(find(List.of("/test/a"), "@guest")).isEqualTo("/test/a");
        assertThat(find(List.of("GET /test/a"))).isEmpty();
        assertThat(find(List.of("POST /test/a"))).isEqualTo("POST /test/a");
        assertThat(find(List.of("/test/a/b/c"))).isEqualTo("/test/a/");
        assertThat(find(List.of("/test/a/b/c"), "@auth")).isEqualTo("/test/a/");
        assertThat(find(List.of("/test/a/b/c"), "@guest")).isEmpty();
        assertThat(find(List.of("GET /test/a/b/c"))).isEmpty();
        assertThat(find(List.of("POST /test/a/b/c"))).isEqualTo("POST /test/a/");
        assertThat(find(List.of("/test/a", "abc"))).isEqualTo("/test/a");
    }
}
