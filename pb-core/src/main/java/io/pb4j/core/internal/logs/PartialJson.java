package io.pb4j.core.internal.logs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PocketBase v0.40's cap on a log entry's data: JSON above the limit is cut at the limit and decoded as far as it goes
 * ("truncated to the last valid decoded character"): whole entries stay, a string cut short keeps what was read, a cut
 * key, number or literal is left out; then {@code "__pb_truncated__": true} is added. Not thread-safe (one per use).
 */
final class PartialJson {
    static final String TRUNCATED_KEY = "__pb_truncated__";

    private final String text;
    private int pos;
    /** Set when the text ended inside the value being read. */
    private boolean ended;

    private PartialJson(String text) {
        this.text = text;
    }

    /** {@code json} unchanged when it fits in {@code maxBytes} UTF-8 bytes, else its cut and marked form. */
    static String limit(String json, int maxBytes) {
        if (json.length() <= maxBytes / 3 || LogJson.utf8Length(json) <= maxBytes) {
            return json;
        }
        PartialJson p = new PartialJson(LogJson.utf8Prefix(json, maxBytes));
        Map<String, Object> data = new LinkedHashMap<>();
        if (p.skipSpace() && p.peek() == '{') {
            p.pos++;
            p.members(data);
        }
        data.put(TRUNCATED_KEY, Boolean.TRUE);
        return LogJson.write(data);
    }

    /** Reads the members of an object (after its brace) into {@code out} until its end or the text's end. */
    private void members(Map<String, Object> out) {
        while (skipSpace()) {
            char c = peek();
            if (c == '}') {
                pos++;
                return;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            if (c != '"') {
                ended = true;
                return;
            }
            String key = string();
            if (ended || !skipSpace() || peek() != ':') {
                ended = true;
                return;
            }
            pos++;
            if (!skipSpace()) {
                ended = true;
                return;
            }
            Object value = value();
            if (value != Absent.VALUE) {
                out.put(key, value);
            }
            if (ended) {
                return;
            }
        }
        ended = true;
    }

    private List<Object> elements() {
        List<Object> out = new ArrayList<>();
        while (skipSpace()) {
            char c = peek();
            if (c == ']') {
                pos++;
                return out;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            Object value = value();
            if (value != Absent.VALUE) {
                out.add(value);
            }
            if (ended) {
                return out;
            }
        }
        ended = true;
        return out;
    }

    /** A value; {@link Absent#VALUE} for a number or literal the text cut short. */
    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{') {
            pos++;
            Map<String, Object> m = new LinkedHashMap<>();
            members(m);
            return m;
        }
        if (c == '[') {
            pos++;
            return elements();
        }
        int start = pos;
        while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (pos >= text.length()) {
            ended = true;
            return Absent.VALUE;
        }
        String token = text.substring(start, pos);
        return switch (token) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> {
                try {
                    yield new BigDecimal(token);
                } catch (NumberFormatException e) {
                    ended = true;
                    yield Absent.VALUE;
                }
            }
        };
    }

    /** A string (at its opening quote); when the text ends inside it, what was decoded so far. */
    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                break;
            }
            char esc = text.charAt(pos + 1);
            if (esc == 'u') {
                if (pos + 6 > text.length()) {
                    break;
                }
                sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                pos += 6;
                continue;
            }
            sb.append(switch (esc) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> esc;
            });
            pos += 2;
        }
        pos = text.length();
        ended = true;
        return sb.toString();
    }

    private boolean skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos < text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    /** Marks a value that was cut short and is left out. */
    private enum Absent {
        VALUE
    }
}
