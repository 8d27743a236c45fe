package io.pb4j.core.internal.settings;

import io.pb4j.core.ValidationError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * PocketBase's settings validation ({@code Settings.PostValidate} and the {@code Validate} of each config): every
 * section is checked and reports its errors nested by key ({@code {"meta":{"appURL":{…}}}}, list items by index); per
 * value the first failing rule wins, as ozzo-validation reports it.
 */
public final class SettingsValidator {
    private static final Pattern RULE_LABEL = Pattern.compile("^(\\w+ /[\\w/-]*|/[\\w/-]*|^\\w+:\\w+|\\*:\\w+|\\w+)$");

    private SettingsValidator() {
    }

    /** The errors of a settings object of {@link SettingsShape#SETTINGS}'s shape; empty when it is valid. */
    public static Map<String, Object> validate(JsonObject settings) {
        Map<String, Object> errors = new TreeMap<>();
        nest(errors, "superuserIPs", each(settings.getJsonArray("superuserIPs"), Checks::ipOrSubnet));
        nest(errors, "meta", meta(settings.getJsonObject("meta")));
        nest(errors, "logs", logs(settings.getJsonObject("logs")));
        nest(errors, "smtp", smtp(settings.getJsonObject("smtp")));
        nest(errors, "s3", s3(settings.getJsonObject("s3")));
        nest(errors, "backups", backups(settings.getJsonObject("backups")));
        nest(errors, "batch", batch(settings.getJsonObject("batch")));
        nest(errors, "rateLimits", rateLimits(settings.getJsonObject("rateLimits")));
        return errors;
    }

    private static Map<String, Object> meta(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        String accent = c.getString("accentColor");
        put(e, "accentColor", Checks.length(accent, 7, 7).or(() -> Checks.hexColor(accent)));
        String appName = c.getString("appName");
        put(e, "appName", Checks.required(appName).or(() -> Checks.length(appName, 1, 255)));
        String appUrl = c.getString("appURL");
        put(e, "appURL", Checks.required(appUrl).or(() -> Checks.url(appUrl)));
        String senderName = c.getString("senderName");
        put(e, "senderName", Checks.required(senderName).or(() -> Checks.length(senderName, 1, 255)));
        String senderAddress = c.getString("senderAddress");
        put(e, "senderAddress", Checks.email(senderAddress).or(() -> Checks.required(senderAddress)));
        return e;
    }

    private static Map<String, Object> logs(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        put(e, "maxDays", Checks.min(num(c, "maxDays"), 0));
        put(e, "maxDataSize", Checks.min(num(c, "maxDataSize"), 0));
        return e;
    }

    private static Map<String, Object> smtp(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        boolean enabled = c.getBoolean("enabled");
        String host = c.getString("host");
        put(e, "host", when(enabled, Checks.required(host)).or(() -> Checks.host(host)));
        long port = num(c, "port");
        put(e, "port", when(enabled, Checks.required(port)).or(() -> Checks.min(port, 0)));
        put(e, "authMethod", Checks.in(c.getString("authMethod"), List.of("LOGIN", "PLAIN")));
        put(e, "localName", Checks.host(c.getString("localName")));
        return e;
    }

    private static Map<String, Object> s3(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        boolean enabled = c.getBoolean("enabled");
        String endpoint = c.getString("endpoint");
        put(e, "endpoint", Checks.url(endpoint).or(() -> when(enabled, Checks.required(endpoint))));
        for (String key : List.of("bucket", "region", "accessKey", "secret")) {
            put(e, key, when(enabled, Checks.required(c.getString(key, ""))));
        }
        return e;
    }

    private static Map<String, Object> backups(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        nest(e, "s3", s3(c.getJsonObject("s3")));
        String cron = c.getString("cron");
        put(e, "cron", cron.isEmpty() ? Optional.empty()
                : cronProblem(cron).map(p -> Checks.error("validation_invalid_cron", p)));
        long keep = num(c, "cronMaxKeep");
        put(e, "cronMaxKeep", when(!cron.isEmpty(), Checks.required(keep)).or(() -> Checks.min(keep, 1)));
        return e;
    }

    private static Map<String, Object> batch(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        boolean enabled = c.getBoolean("enabled");
        for (String key : List.of("maxRequests", "timeout")) {
            long v = num(c, key);
            put(e, key, when(enabled, Checks.required(v)).or(() -> Checks.min(v, 0)));
        }
        put(e, "maxBodySize", Checks.min(num(c, "maxBodySize"), 0));
        return e;
    }

    private static Map<String, Object> rateLimits(JsonObject c) {
        Map<String, Object> e = new TreeMap<>();
        JsonArray rules = c.getJsonArray("rules");
        if (c.getBoolean("enabled") && rules.isEmpty()) {
            e.put("rules", ValidationError.required());
        } else {
            Map<String, Object> conflict = conflictingRule(rules);
            nest(e, "rules", conflict.isEmpty() ? eachRule(rules) : conflict);
        }
        nest(e, "excludedIPs", each(c.getJsonArray("excludedIPs"), Checks::ipOrSubnet));
        return e;
    }

    /** PocketBase's {@code checkUniqueRuleLabel}: the first rule whose label+audience prefixes or extends an earlier one. */
    private static Map<String, Object> conflictingRule(JsonArray rules) {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonObject rule = rules.getJsonObject(i);
            String key = rule.getString("label") + "@@" + rule.getString("audience");
            if (existing.stream().anyMatch(k -> k.startsWith(key) || key.startsWith(k))) {
                ValidationError err = Checks.error("validation_conflicting_rate_limit_rule",
                        "Rate limit rule configuration with label " + rule.getString("label")
                                + " already exists or conflicts with another rule.",
                        Map.of("label", rule.getString("label")));
                return Map.of(String.valueOf(i), Map.of("label", err));
            }
            existing.add(key);
        }
        return Map.of();
    }

    private static Map<String, Object> eachRule(JsonArray rules) {
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonObject rule = rules.getJsonObject(i);
            Map<String, Object> e = new TreeMap<>();
            String label = rule.getString("label");
            put(e, "label", Checks.required(label).or(() -> Checks.match(label, RULE_LABEL)));
            long max = num(rule, "maxRequests");
            put(e, "maxRequests", Checks.required(max).or(() -> Checks.min(max, 1)));
            long duration = num(rule, "duration");
            put(e, "duration", Checks.required(duration).or(() -> Checks.min(duration, 1)));
            put(e, "audience", Checks.in(rule.getString("audience"), List.of("", "@guest", "@auth")));
            nest(out, String.valueOf(i), e);
        }
        return out;
    }

    /** ozzo's {@code Each(Required, check)}: the errors of the items by index. */
    private static Map<String, Object> each(JsonArray items, Function<String, Optional<ValidationError>> check) {
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            String v = items.get(i) instanceof JsonString s ? s.getString() : "";
            put(out, String.valueOf(i), Checks.required(v).or(() -> check.apply(v)));
        }
        return out;
    }

    private static Optional<ValidationError> when(boolean condition, Optional<ValidationError> error) {
        return condition ? error : Optional.empty();
    }

    private static long num(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
    }

    private static void put(Map<String, Object> errors, String key, Optional<ValidationError> error) {
        error.ifPresent(err -> errors.put(key, err));
    }

    private static void nest(Map<String, Object> errors, String key, Map<String, Object> nested) {
        if (!nested.isEmpty()) {
            errors.put(key, nested);
        }
    }

    /** Why {@code backups.cron} is not an expression the scheduler accepts, empty when it is. */
    private static Optional<String> cronProblem(String expression) {
        try {
            io.pb4j.core.cron.Schedule.parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
