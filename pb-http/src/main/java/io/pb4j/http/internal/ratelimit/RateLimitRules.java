package io.pb4j.http.internal.ratelimit;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings' {@code rateLimits} ({@code enabled}, {@code excludedIPs}, {@code rules}), read once per change of the
 * settings. Immutable.
 *
 * @param rules in settings order: PocketBase's {@code FindRateLimitRule} takes the first match
 */
record RateLimitRules(boolean enabled, List<String> excludedIps, List<Rule> rules) {
    /** The audiences a guest's and an authenticated request's rule may have. */
    static final List<String> GUEST_AUDIENCES = List.of("", "@guest");
    static final List<String> AUTH_AUDIENCES = List.of("", "@auth");

    RateLimitRules {
        excludedIps = List.copyOf(excludedIps);
        rules = List.copyOf(rules);
    }

    /**
     * One rule: a label (a tag such as {@code users:create}, a path, or a path prefix ending in {@code /}), an audience
     * ({@code ""}, {@code @guest} or {@code @auth}), {@code maxRequests} per {@code duration} seconds.
     */
    record Rule(String label, String audience, long duration, int maxRequests) {
    }

    static RateLimitRules from(JsonObject settings) {
        JsonObject config = settings.get("rateLimits") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        List<String> excluded = new ArrayList<>();
        if (config.get("excludedIPs") instanceof JsonArray ips) {
            ips.forEach(v -> {
                if (v instanceof JsonString s) {
                    excluded.add(s.getString());
                }
            });
        }
        List<Rule> rules = new ArrayList<>();
        if (config.get("rules") instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject r) {
                    rules.add(new Rule(r.getString("label", ""), r.getString("audience", ""), number(r, "duration"),
                            (int) number(r, "maxRequests")));
                }
            }
        }
        return new RateLimitRules(config.getBoolean("enabled", false), excluded, rules);
    }

    private static long number(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.longValue() : 0;
    }

    /**
     * PocketBase's {@code FindRateLimitRule}: for each label in order, the first rule with exactly that label, else the
     * first prefix rule (label ending in {@code /}) that the label with a trailing slash starts with; only rules of one
     * of {@code audiences} count (any rule when it is empty).
     */
    java.util.Optional<Rule> find(List<String> labels, List<String> audiences) {
        List<Rule> prefixRules = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            for (Rule rule : rules) {
                if (label.equals(rule.label()) && allowed(rule, audiences)) {
                    return java.util.Optional.of(rule);
                }
                if (i == 0 && rule.label().endsWith("/")) {
                    prefixRules.add(rule);
                }
            }
            for (Rule rule : prefixRules) {
                if ((label + "/").startsWith(rule.label()) && allowed(rule, audiences)) {
                    return java.util.Optional.of(rule);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean allowed(Rule rule, List<String> audiences) {
        return audiences.isEmpty() || audiences.contains(rule.audience());
    }
}
