package io.pb4j.core.router;

import java.util.Locale;
import java.util.Set;

/**
 * PocketBase's {@code :excerpt(max, withEllipsis)} field modifier: HTML to plain text (the content of scripts,
 * styles, media and form elements dropped, whitespace collapsed, a space around block elements), cut to {@code max}
 * characters and trimmed, with {@code ...} appended when cut and asked for.
 */
record Excerpt(int max, boolean withEllipsis) {
    private static final Set<String> EXCLUDED = Set.of("head", "style", "script", "iframe", "embed", "applet", "object",
            "svg", "img", "picture", "dialog", "template", "button", "form", "textarea", "input", "select", "option");
    private static final Set<String> INLINE = Set.of("a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite",
            "code", "em", "i", "label", "q", "small", "span", "strong", "strike", "sub", "sup", "time");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");

    /** Parses the arguments of {@code excerpt(...)}; a bad argument list is an {@link IllegalArgumentException}. */
    static Excerpt of(String args) {
        String[] parts = args.split(",", -1);
        if (args.isBlank() || parts.length > 2) {
            throw new IllegalArgumentException("expected (max, withEllipsis?)");
        }
        int max;
        try {
            max = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max <= 0) {
            throw new IllegalArgumentException("max argument must be > 0");
        }
        boolean ellipsis = parts.length > 1 && Set.of("1", "t", "T", "TRUE", "true", "True").contains(parts[1].strip());
        return new Excerpt(max, ellipsis);
    }

    String apply(String html) {
        StringBuilder out = new StringBuilder();
        boolean[] prevSpace = {false};
        int i = 0;
        int n = html.length();
        while (i < n && out.length() <= max + 2) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                text(out, decode(html.substring(i, end)), prevSpace);
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int close = html.indexOf('>', i);
            if (close < 0) {
                text(out, decode(html.substring(i)), prevSpace);
                break;
            }
            String tag = html.substring(i + 1, close);
            boolean closing = tag.startsWith("/");
            String name = tag.replaceFirst("^/", "").split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
            i = close + 1;
            if (name.isEmpty() || name.startsWith("!") || name.startsWith("?")) {
                continue;
            }
            if (!closing && EXCLUDED.contains(name)) {
                if (!VOID.contains(name) && !tag.endsWith("/")) {
                    int end = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                    int gt = end < 0 ? -1 : html.indexOf('>', end);
                    i = gt < 0 ? n : gt + 1;
                }
                continue;
            }
            if (!INLINE.contains(name) && !prevSpace[0]) {
                out.append(' ');
                prevSpace[0] = true;
            }
        }
        String result = out.toString().strip();
        if (result.codePointCount(0, result.length()) > max) {
            result = result.substring(0, result.offsetByCodePoints(0, max)).strip();
            if (withEllipsis) {
                result += "...";
            }
        }
        return result;
    }

    private static void text(StringBuilder out, String raw, boolean[] prevSpace) {
        String txt = raw.replaceAll("\\s+", " ");
        if (prevSpace[0]) {
            txt = txt.stripLeading();
        }
        if (!txt.isEmpty()) {
            prevSpace[0] = txt.endsWith(" ");
            out.append(txt);
        }
    }

    /** The common named entities and numeric references. */
    private static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = s.substring(i + 1, semi);
                String decoded = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos", "#39" -> "'";
                    case "nbsp" -> "\u00a0";
                    default -> numeric(entity);
                };
                if (decoded != null) {
                    b.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
