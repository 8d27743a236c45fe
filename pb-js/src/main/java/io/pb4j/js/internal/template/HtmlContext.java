package io.pb4j.js.internal.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Go's {@code html/template} contexts for printed values: an incremental scan of what the template wrote so far
 * tells where the next value lands (text, an attribute value, a URL attribute, a {@code <script>} or {@code on*}
 * handler and whether inside a JS string, a {@code <style>} or {@code style} attribute), and {@link #escape} applies
 * Go's escapers for it: HTML text/attribute escaping, the URL filter ({@code javascript:} and other schemes become
 * {@code #ZgotmplZ}) with URL normalising or query escaping, JS values as JSON (strings quoted, {@code < > &}
 * as {@code \u003c} …) or JS string escaping, and the CSS value filter ({@code ZgotmplZ}).
 */
final class HtmlContext {
    private static final String FAILSAFE = "ZgotmplZ";
    private static final Set<String> URL_ATTRS = Set.of("action", "archive", "background", "cite", "classid", "codebase",
            "data", "formaction", "href", "icon", "longdesc", "manifest", "poster", "profile", "src", "usemap", "xmlns");

    enum State { TEXT, TAG, ATTR_NAME, AFTER_NAME, BEFORE_VALUE, VALUE, RAW_ELEMENT, COMMENT }

    enum Kind { PLAIN, URL, JS, CSS }

    private State state = State.TEXT;
    private int scanned;
    private final StringBuilder tagName = new StringBuilder();
    private boolean endTag;
    private final StringBuilder attrName = new StringBuilder();
    private Kind kind = Kind.PLAIN;
    /** The attribute value's quote, or ' ' for an unquoted value. */
    private char delim;
    private final StringBuilder value = new StringBuilder();
    /** A script or style element's name, while inside it. */
    private String element = "";
    /** The JS or CSS string quote we are in (0: none). */
    private char quote;
    private boolean escaped;

    /** Scans what was written since the last call and escapes {@code v} for where it lands. */
    String escape(CharSequence out, Object v) {
        scan(out);
        String s = v instanceof Template.SafeHtml h ? h.html() : Funcs.text(v, true);
        return switch (state) {
            case VALUE -> attribute(v, s);
            case RAW_ELEMENT -> element.equals("script") ? js(v, s) : element.equals("style") ? css(s) : Funcs.escape(s);
            case TAG, ATTR_NAME, AFTER_NAME, BEFORE_VALUE -> nospace(s);
            default -> v instanceof Template.SafeHtml ? s : Funcs.escape(s);
        };
    }

    private String attribute(Object v, String s) {
        String inner = switch (kind) {
            case URL -> url(s);
            case JS -> js(v, s);
            case CSS -> css(s);
            case PLAIN -> s;
        };
        return delim == ' ' ? nospace(inner) : Funcs.escape(inner);
    }

    private String url(String s) {
        String before = value.toString();
        if (before.isEmpty()) {
            int colon = s.indexOf(':');
            if (colon >= 0 && !s.substring(0, colon).contains("/")) {
                String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("mailto")) {
                    return "#" + FAILSAFE;
                }
            }
        }
        boolean query = before.contains("?") || before.contains("#");
        return processUrl(s, !query);
    }

    /** Go's {@code processURLOnto}: percent-encodes (lower-case hex) what a URL part may not hold. */
    static String processUrl(String s, boolean norm) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean keep = switch (c) {
                case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']', '%' -> norm;
                case '-', '.', '_', '~' -> true;
                default -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            };
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02x", c));
            }
        }
        return b.toString();
    }

    private String js(Object v, String s) {
        if (quote != 0) {
            return jsString(s);
        }
        String json = jsValue(v instanceof Template.SafeHtml ? s : v);
        boolean pad = !json.isEmpty() && (identPart(json.charAt(0)) || identPart(json.charAt(json.length() - 1)));
        return pad ? " " + json + " " : json;
    }

    private static boolean identPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Go's {@code json.Marshal} of a value, with its HTML-safe escapes. */
    static String jsValue(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> quoteJson(s);
            case Boolean b -> b.toString();
            case Number n -> Funcs.text(n instanceof Integer || n instanceof Long ? n : n.doubleValue(), true);
            case List<?> l -> {
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < l.size(); i++) {
                    b.append(i > 0 ? "," : "").append(jsValue(l.get(i)));
                }
                yield b.append(']').toString();
            }
            case Map<?, ?> m -> {
                StringBuilder b = new StringBuilder("{");
                new java.util.TreeMap<>(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> String.valueOf(e.getKey()), Map.Entry::getValue, (p, q) -> p))).forEach((k, x) -> {
                            b.append(b.length() > 1 ? "," : "").append(quoteJson(k)).append(':').append(jsValue(x));
                        });
                yield b.append('}').toString();
            }
            default -> quoteJson(String.valueOf(v));
        };
    }

    private static String quoteJson(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Go's {@code jsStrEscaper}: text inside a JS string literal. */
    static String jsString(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append("\\/");
                case '"', '`', '&', '\'', '+', '<', '>', '\u000b', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Go's {@code cssValueFilter} outside a CSS string, its escaper inside one. */
    private String css(String s) {
        if (quote != 0) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ("\0\t\n\f\r\"&'()+/:;<>\\{}".indexOf(c) >= 0) {
                    b.append('\\').append(Integer.toHexString(c));
                    if (i + 1 < s.length() && (Character.digit(s.charAt(i + 1), 16) >= 0 || s.charAt(i + 1) == ' ')) {
                        b.append(' ');
                    }
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\0\"'()/;@[\\]`{}<>".indexOf(c) >= 0 || (c == '-' && i > 0 && s.charAt(i - 1) == '-')) {
                return FAILSAFE;
            }
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                id.append(Character.toLowerCase(c));
            }
        }
        return id.indexOf("expression") >= 0 || id.indexOf("mozbinding") >= 0 ? FAILSAFE : s;
    }

    /** Go's {@code htmlNospaceEscaper}: an unquoted attribute value (or a value written inside a tag). */
    private static String nospace(String s) {
        if (s.isEmpty()) {
            return FAILSAFE;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t', '\n', '\u000b', '\f', '\r', ' ', '"', '\'', '+', '=', '`' -> b.append("&#").append((int) c).append(';');
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\0' -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private void scan(CharSequence out) {
        for (; scanned < out.length(); scanned++) {
            step(out, scanned, out.charAt(scanned));
        }
    }

    private void step(CharSequence out, int i, char c) {
        switch (state) {
            case TEXT -> {
                if (c == '<' && startsWith(out, i, "<!--")) {
                    state = State.COMMENT;
                } else if (c == '<' && i + 1 < out.length() && (Character.isLetter(out.charAt(i + 1)) || out.charAt(i + 1) == '/')) {
                    state = State.TAG;
                    tagName.setLength(0);
                    endTag = out.charAt(i + 1) == '/';
                    scanned = i + (endTag ? 1 : 0);
                    // the name follows
                    int j = i + (endTag ? 2 : 1);
                    while (j < out.length() && (Character.isLetterOrDigit(out.charAt(j)) || out.charAt(j) == '-')) {
                        tagName.append(Character.toLowerCase(out.charAt(j)));
                        j++;
                    }
                    scanned = j - 1;
                }
            }
            case COMMENT -> {
                if (c == '>' && i >= 2 && out.charAt(i - 1) == '-' && out.charAt(i - 2) == '-') {
                    state = State.TEXT;
                }
            }
            case RAW_ELEMENT -> {
                if (quote == 0 && c == '<' && startsWith(out, i, "</" + element)) {
                    state = State.TAG;
                    endTag = true;
                    tagName.setLength(0);
                    tagName.append(element);
                    element = "";
                    scanned = i + 1 + tagName.length();
                } else {
                    stringState(c);
                }
            }
            case TAG -> {
                if (c == '>') {
                    endOfTag();
                } else if (!Character.isWhitespace(c) && c != '/') {
                    state = State.ATTR_NAME;
                    attrName.setLength(0);
                    attrName.append(Character.toLowerCase(c));
                }
            }
            case ATTR_NAME -> {
                if (c == '=') {
                    beginValue();
                } else if (c == '>') {
                    endOfTag();
                } else if (Character.isWhitespace(c)) {
                    state = State.AFTER_NAME;
                } else {
                    attrName.append(Character.toLowerCase(c));
                }
            }
            case AFTER_NAME -> {
                if (c == '=') {
                    beginValue();
                } else if (c == '>') {
                    endOfTag();
                } else if (!Character.isWhitespace(c)) {
                    state = State.ATTR_NAME;
                    attrName.setLength(0);
                    attrName.append(Character.toLowerCase(c));
                }
            }
            case BEFORE_VALUE -> {
                if (c == '"' || c == '\'') {
                    delim = c;
                    state = State.VALUE;
                } else if (c == '>') {
                    endOfTag();
                } else if (!Character.isWhitespace(c)) {
                    delim = ' ';
                    state = State.VALUE;
                    value.append(c);
                    stringState(c);
                }
            }
            case VALUE -> {
                if (delim == ' ' ? Character.isWhitespace(c) || c == '>' : c == delim) {
                    state = State.TAG;
                    if (c == '>') {
                        endOfTag();
                    }
                } else {
                    value.append(c);
                    stringState(c);
                }
            }
        }
    }

    private void beginValue() {
        state = State.BEFORE_VALUE;
        value.setLength(0);
        quote = 0;
        escaped = false;
        String name = attrName.toString();
        int colon = name.indexOf(':');
        String local = colon >= 0 ? name.substring(colon + 1) : name;
        if (local.startsWith("data-")) {
            local = local.substring(5);
        }
        kind = local.startsWith("on") ? Kind.JS : local.equals("style") ? Kind.CSS
                : URL_ATTRS.contains(local) || local.contains("src") || local.contains("uri") || local.contains("url") ? Kind.URL
                : Kind.PLAIN;
    }

    private void endOfTag() {
        String name = tagName.toString();
        if (!endTag && (name.equals("script") || name.equals("style") || name.equals("textarea") || name.equals("title"))) {
            state = State.RAW_ELEMENT;
            element = name;
            kind = name.equals("script") ? Kind.JS : name.equals("style") ? Kind.CSS : Kind.PLAIN;
            quote = 0;
            escaped = false;
        } else {
            state = State.TEXT;
        }
    }

    /** Tracks JS and CSS string literals (quotes, backslash escapes) in scripts, styles and their attributes. */
    private void stringState(char c) {
        if (kind != Kind.JS && kind != Kind.CSS) {
            return;
        }
        if (quote != 0) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'' || (c == '`' && kind == Kind.JS)) {
            quote = c;
        }
    }

    private static boolean startsWith(CharSequence s, int i, String prefix) {
        if (i + prefix.length() > s.length()) {
            return false;
        }
        return s.subSequence(i, i + prefix.length()).toString().equalsIgnoreCase(prefix);
    }

}
