package io.pb4j.js.internal.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Go templates' predefined functions (and PocketBase's {@code raw}), truth, printing and escaping. */
final class Funcs {
    private Funcs() {
    }

    static Object call(String name, List<Object> a) {
        return switch (name) {
            case "and" -> {
                need(name, a, 1);
                Object last = null;
                for (Object x : a) {
                    last = x;
                    if (!truth(x)) {
                        break;
                    }
                }
                yield last;
            }
            case "or" -> {
                need(name, a, 1);
                Object last = null;
                for (Object x : a) {
                    last = x;
                    if (truth(x)) {
                        break;
                    }
                }
                yield last;
            }
            case "not" -> {
                need(name, a, 1);
                yield !truth(a.getFirst());
            }
            case "len" -> {
                need(name, a, 1);
                yield switch (a.getFirst()) {
                    case String s -> (long) s.getBytes(StandardCharsets.UTF_8).length;
                    case Collection<?> c -> (long) c.size();
                    case Map<?, ?> m -> (long) m.size();
                    case null, default -> throw new TemplateException("error calling len: len of " + text(a.getFirst(), false));
                };
            }
            case "index" -> {
                need(name, a, 1);
                Object v = a.getFirst();
                for (int i = 1; i < a.size(); i++) {
                    Object k = a.get(i);
                    if (v instanceof List<?> l) {
                        int idx = (int) number(k);
                        if (idx < 0 || idx >= l.size()) {
                            throw new TemplateException("error calling index: index out of range: " + idx);
                        }
                        v = l.get(idx);
                    } else if (v instanceof Map<?, ?> m) {
                        v = m.get(String.valueOf(k));
                    } else {
                        throw new TemplateException("error calling index: can't index item of type " + typeName(v));
                    }
                }
                yield v;
            }
            case "slice" -> {
                need(name, a, 1);
                Object v = a.getFirst();
                int from = a.size() > 1 ? (int) number(a.get(1)) : 0;
                if (v instanceof String s) {
                    yield s.substring(from, a.size() > 2 ? (int) number(a.get(2)) : s.length());
                }
                if (v instanceof List<?> l) {
                    yield new ArrayList<>(l.subList(from, a.size() > 2 ? (int) number(a.get(2)) : l.size()));
                }
                throw new TemplateException("error calling slice: can't slice item of type " + typeName(v));
            }
            case "print" -> sprint(a);
            case "println" -> {
                List<String> parts = new ArrayList<>();
                a.forEach(x -> parts.add(text(x, false)));
                yield String.join(" ", parts) + "\n";
            }
            case "printf" -> {
                need(name, a, 1);
                yield printf(String.valueOf(a.getFirst()), a.subList(1, a.size()));
            }
            case "eq" -> {
                need(name, a, 2);
                boolean any = false;
                for (int i = 1; i < a.size(); i++) {
                    any |= compare(a.getFirst(), a.get(i)) == 0;
                }
                yield any;
            }
            case "ne" -> {
                need(name, a, 2);
                yield compare(a.get(0), a.get(1)) != 0;
            }
            case "lt" -> compare(two(name, a).get(0), a.get(1)) < 0;
            case "le" -> compare(two(name, a).get(0), a.get(1)) <= 0;
            case "gt" -> compare(two(name, a).get(0), a.get(1)) > 0;
            case "ge" -> compare(two(name, a).get(0), a.get(1)) >= 0;
            case "html" -> new Template.SafeHtml(escape(sprint(a)));
            case "raw" -> new Template.SafeHtml(sprint(a));
            case "urlquery" -> URLEncoder.encode(sprint(a), StandardCharsets.UTF_8);
            case "js" -> sprint(a).replace("\\", "\\\\").replace("'", "\\'").replace("\"", "\\\"")
                    .replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026").replace("=", "\\u003D");
            default -> throw new TemplateException("function \"" + name + "\" not defined");
        };
    }

    private static void need(String name, List<Object> a, int n) {
        if (a.size() < n) {
            throw new TemplateException("wrong number of args for " + name + ": want at least " + n + " got " + a.size());
        }
    }

    private static List<Object> two(String name, List<Object> a) {
        if (a.size() != 2) {
            throw new TemplateException("wrong number of args for " + name + ": want 2 got " + a.size());
        }
        return a;
    }

    private static int compare(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (x instanceof String a && y instanceof String b) {
            return a.compareTo(b);
        }
        if (x instanceof Boolean a && y instanceof Boolean b) {
            return a.equals(b) ? 0 : 1;
        }
        if (x == null || y == null) {
            return Objects.equals(x, y) ? 0 : 1;
        }
        throw new TemplateException("incompatible types for comparison");
    }

    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new TemplateException("cannot index slice/array with type " + typeName(v));
    }

    static String typeName(Object v) {
        return switch (v) {
            case null -> "nil";
            case String s -> "string";
            case Long l -> "int";
            case Number n -> "float64";
            case Boolean b -> "bool";
            case List<?> l -> "[]interface {}";
            case Map<?, ?> m -> "map[string]interface {}";
            default -> v.getClass().getSimpleName();
        };
    }

    /** Go's truth: false, 0, nil and empty strings, lists and maps are false. */
    static boolean truth(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** A field chain: each name is a map key (a missing key gives nil). */
    static Object path(Object v, List<String> names) {
        for (String n : names) {
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> m) {
                v = m.get(n);
            } else {
                throw new TemplateException("can't evaluate field " + n + " in type " + typeName(v));
            }
        }
        return v;
    }

    /** Go's {@code %v}; {@code output} prints nil as nothing, as html/template does. */
    static String text(Object v, boolean output) {
        return switch (v) {
            case null -> output ? "" : "<nil>";
            case String s -> s;
            case Double d -> d == Math.rint(d) && Math.abs(d) < 1e21 ? String.valueOf(d.longValue()) : String.valueOf(d);
            case List<?> l -> {
                List<String> parts = new ArrayList<>();
                l.forEach(x -> parts.add(text(x, false)));
                yield "[" + String.join(" ", parts) + "]";
            }
            case Map<?, ?> m -> {
                List<String> parts = new ArrayList<>();
                new TreeMap<>(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()),
                        Map.Entry::getValue, (p, q) -> p))).forEach((k, x) -> parts.add(k + ":" + text(x, false)));
                yield "map[" + String.join(" ", parts) + "]";
            }
            default -> String.valueOf(v);
        };
    }

    /** Go's {@code fmt.Sprint}: spaces between operands when neither is a string. */
    private static String sprint(List<Object> a) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            if (i > 0 && !(a.get(i) instanceof String) && !(a.get(i - 1) instanceof String)) {
                b.append(' ');
            }
            b.append(text(a.get(i), false));
        }
        return b.toString();
    }

    /** Go's {@code fmt.Sprintf} for the common verbs: {@code %v %s %d %f %.Nf %q %t %x %%}. */
    private static String printf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            while (j < format.length() && "+-# 0123456789.".indexOf(format.charAt(j)) >= 0) {
                j++;
            }
            if (j >= format.length()) {
                out.append(format, i, j);
                break;
            }
            String flags = format.substring(i + 1, j);
            char verb = format.charAt(j);
            i = j;
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object v = args.get(next++);
            out.append(switch (verb) {
                case 'd' -> v instanceof Number n ? String.format("%" + flags + "d", n.longValue()) : "%!d(" + typeName(v) + "=" + text(v, false) + ")";
                case 'f', 'e', 'g' -> v instanceof Number n ? String.format("%" + (flags.isEmpty() && verb == 'f' ? ".6" : flags) + verb, n.doubleValue())
                        : "%!" + verb + "(" + typeName(v) + "=" + text(v, false) + ")";
                case 'q' -> "\"" + text(v, false).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                case 't' -> String.valueOf(v);
                case 'x' -> v instanceof Number n ? Long.toHexString(n.longValue())
                        : java.util.HexFormat.of().formatHex(text(v, false).getBytes(StandardCharsets.UTF_8));
                default -> flags.isEmpty() ? text(v, false) : String.format("%" + flags + "s", text(v, false));
            });
        }
        return out.toString();
    }

    /** Go's html/template escaping of text. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                case '+' -> "&#43;";
                case '\0' -> "\uFFFD";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(s.charAt(i));
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
