package io.pb4j.js.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * PocketBase's {@code security.RandomStringByRegex}: a random string matching a pattern of Go's regexp syntax
 * (Perl flags by default): literals and escapes, classes ({@code [a-z_]}, {@code [^...]}, {@code \d \w \s} and
 * their negations, {@code [[:alpha:]]}), {@code .} (one of A–Z, a–z, 0–9), groups, alternation and the
 * repetitions {@code ? * + {n} {n,} {n,m}} (an open one repeats at most 6 times). As in Go, anchors and an empty
 * pattern are errors ("unsupported pattern operator").
 */
final class RandomByRegex {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_RUNE = 0x10FFFF;
    /** Go's syntax.PerlX: without it (e.g. syntax.POSIX, 0) {@code \d}, {@code \w}, {@code \s} and {@code (?:} are errors. */
    private static final int PERL_X = 64;
    private static final int LITERAL = 2;

    private final String p;
    private final boolean perl;
    private int i;

    private RandomByRegex(String pattern, int flags) {
        this.p = pattern;
        this.perl = (flags & PERL_X) != 0;
    }

    /** A random string for {@code pattern}; {@code flags} as Go's {@code syntax.Flags} (212, Perl, when none). */
    static String generate(String pattern, int flags) {
        Node n;
        if ((flags & LITERAL) != 0) {
            n = new Lit(pattern.codePoints().toArray());
        } else {
            RandomByRegex r = new RandomByRegex(pattern, flags);
            n = r.alternation();
            if (r.i < r.p.length()) {
                throw new IllegalArgumentException("error parsing regexp: unexpected ): `" + pattern + "`");
            }
        }
        StringBuilder sb = new StringBuilder();
        n.write(sb);
        return sb.toString();
    }

    private sealed interface Node {
        void write(StringBuilder sb);
    }

    private record Lit(int[] runes) implements Node {
        public void write(StringBuilder sb) {
            if (runes.length == 0) {
                throw new IllegalArgumentException("unsupported pattern operator 2");
            }
            for (int r : runes) {
                sb.appendCodePoint(r);
            }
        }
    }

    private record Unsupported(int op) implements Node {
        public void write(StringBuilder sb) {
            throw new IllegalArgumentException("unsupported pattern operator " + op);
        }
    }

    /** Pairs of inclusive rune ranges, as Go's {@code OpCharClass}. */
    private record CharClass(List<int[]> ranges) implements Node {
        public void write(StringBuilder sb) {
            long total = 0;
            for (int[] r : ranges) {
                total += r[1] - r[0] + 1;
            }
            if (total == 0) {
                throw new IllegalArgumentException("no runes to choose from");
            }
            long n = (long) (RANDOM.nextDouble() * total);
            for (int[] r : ranges) {
                long size = r[1] - r[0] + 1;
                if (n < size) {
                    int c = (int) (r[0] + n);
                    // Go writes an invalid rune (a surrogate half) as U+FFFD
                    sb.appendCodePoint(c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c);
                    return;
                }
                n -= size;
            }
        }
    }

    private record Alt(List<Node> subs) implements Node {
        public void write(StringBuilder sb) {
            subs.get(RANDOM.nextInt(subs.size())).write(sb);
        }
    }

    private record Concat(List<Node> subs) implements Node {
        public void write(StringBuilder sb) {
            if (subs.isEmpty()) {
                throw new IllegalArgumentException("unsupported pattern operator 2");
            }
            subs.forEach(s -> s.write(sb));
        }
    }

    private record Repeat(Node sub, int min, int max) implements Node {
        public void write(StringBuilder sb) {
            int hi = max < 0 ? 6 : max;
            hi = Math.max(hi, min);
            int n = min + (hi == min ? 0 : RANDOM.nextInt(hi - min));
            for (int k = 0; k < n; k++) {
                sub.write(sb);
            }
        }
    }

    private Node alternation() {
        List<Node> alts = new ArrayList<>();
        alts.add(concat());
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            alts.add(concat());
        }
        return alts.size() == 1 ? alts.get(0) : new Alt(alts);
    }

    private Node concat() {
        List<Node> items = new ArrayList<>();
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Node atom = atom();
            items.add(repeat(atom));
        }
        return items.size() == 1 ? items.get(0) : new Concat(items);
    }

    private Node repeat(Node atom) {
        while (i < p.length()) {
            char c = p.charAt(i);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = -1;
                i++;
            } else if (c == '+') {
                min = 1;
                max = -1;
                i++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                i++;
            } else if (c == '{' && p.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                int end = p.indexOf('}', i);
                String[] parts = p.substring(i + 1, end).split(",", -1);
                min = Integer.parseInt(parts[0]);
                max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : Integer.parseInt(parts[1]);
                if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
                    throw new IllegalArgumentException("error parsing regexp: invalid repeat count: `" + p.substring(i, end + 1) + "`");
                }
                i = end + 1;
            } else {
                return atom;
            }
            if (i < p.length() && p.charAt(i) == '?') {
                i++; // non-greedy: the same strings
            }
            atom = new Repeat(atom, min, max);
        }
        return atom;
    }

    private Node atom() {
        char c = p.charAt(i);
        switch (c) {
            case '(' -> {
                i++;
                if (p.startsWith("?:", i)) {
                    if (!perl) {
                        throw new IllegalArgumentException("error parsing regexp: missing argument to repetition operator: `?`");
                    }
                    i += 2;
                } else if (p.startsWith("?P<", i) || p.startsWith("?<", i)) {
                    i = p.indexOf('>', i) + 1;
                } else if (p.startsWith("?", i) && perl) {
                    i = p.indexOf(')', i) + 1; // flags such as (?i): the runes are written as given
                    return new Concat(List.of());
                }
                Node inner = alternation();
                if (i >= p.length() || p.charAt(i) != ')') {
                    throw new IllegalArgumentException("error parsing regexp: missing closing ): `" + p + "`");
                }
                i++;
                return inner;
            }
            case '[' -> {
                return charClass();
            }
            case '.' -> {
                i++;
                return new CharClass(List.of(new int[] {'A', 'Z'}, new int[] {'a', 'z'}, new int[] {'0', '9'}));
            }
            case '^', '$' -> {
                i++;
                return new Unsupported(c == '^' ? 9 : 10);
            }
            case '\\' -> {
                i++;
                return escape(false).node();
            }
            case '*', '+', '?' -> throw new IllegalArgumentException("error parsing regexp: missing argument to repetition operator: `" + c + "`");
            default -> {
                int cp = p.codePointAt(i);
                i += Character.charCount(cp);
                return new Lit(new int[] {cp});
            }
        }
    }

    /** An escape after the backslash: a class ({@code \d}), an anchor or a literal rune. */
    private record Escaped(Node node, List<int[]> ranges) {
    }

    private Escaped escape(boolean inClass) {
        if (i >= p.length()) {
            throw new IllegalArgumentException("error parsing regexp: trailing backslash at end of expression: ``");
        }
        char c = p.charAt(i++);
        List<int[]> cls = switch (c) {
            case 'd' -> List.of(new int[] {'0', '9'});
            case 'w' -> List.of(new int[] {'0', '9'}, new int[] {'A', 'Z'}, new int[] {'_', '_'}, new int[] {'a', 'z'});
            case 's' -> List.of(new int[] {'\t', '\n'}, new int[] {'\f', '\r'}, new int[] {' ', ' '});
            case 'D' -> negate(List.of(new int[] {'0', '9'}));
            case 'W' -> negate(List.of(new int[] {'0', '9'}, new int[] {'A', 'Z'}, new int[] {'_', '_'}, new int[] {'a', 'z'}));
            case 'S' -> negate(List.of(new int[] {'\t', '\n'}, new int[] {'\f', '\r'}, new int[] {' ', ' '}));
            default -> null;
        };
        if (cls != null) {
            if (!perl) {
                throw new IllegalArgumentException("error parsing regexp: invalid escape sequence: `\\" + c + "`");
            }
            return new Escaped(new CharClass(cls), cls);
        }
        if (!inClass && (c == 'b' || c == 'B' || c == 'A' || c == 'z')) {
            return new Escaped(new Unsupported(c == 'b' ? 11 : c == 'B' ? 12 : c == 'A' ? 7 : 10), null);
        }
        int rune = switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'f' -> '\f';
            case 'v' -> 0x0B;
            case 'a' -> 0x07;
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw new IllegalArgumentException("error parsing regexp: invalid escape sequence: `\\" + c + "`");
                }
                yield c;
            }
        };
        return new Escaped(new Lit(new int[] {rune}), List.of(new int[] {rune, rune}));
    }

    private Node charClass() {
        i++; // [
        boolean negated = i < p.length() && p.charAt(i) == '^';
        if (negated) {
            i++;
        }
        List<int[]> ranges = new ArrayList<>();
        boolean first = true;
        while (i < p.length() && (p.charAt(i) != ']' || first)) {
            first = false;
            if (p.startsWith("[:", i)) {
                int end = p.indexOf(":]", i);
                ranges.addAll(posix(p.substring(i + 2, end)));
                i = end + 2;
                continue;
            }
            int lo;
            if (p.charAt(i) == '\\') {
                i++;
                Escaped e = escape(true);
                if (e.ranges().size() != 1 || e.ranges().get(0)[0] != e.ranges().get(0)[1]) {
                    ranges.addAll(e.ranges());
                    continue;
                }
                lo = e.ranges().get(0)[0];
            } else {
                lo = p.codePointAt(i);
                i += Character.charCount(lo);
            }
            int hi = lo;
            if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                if (p.charAt(i) == '\\') {
                    i++;
                    hi = escape(true).ranges().get(0)[0];
                } else {
                    hi = p.codePointAt(i);
                    i += Character.charCount(hi);
                }
                if (hi < lo) {
                    throw new IllegalArgumentException("error parsing regexp: invalid character class range");
                }
            }
            ranges.add(new int[] {lo, hi});
        }
        if (i >= p.length()) {
            throw new IllegalArgumentException("error parsing regexp: missing closing ]: `" + p + "`");
        }
        i++; // ]
        List<int[]> merged = merge(ranges);
        return new CharClass(negated ? negate(merged) : merged);
    }

    private static List<int[]> posix(String name) {
        return switch (name) {
            case "alpha" -> List.of(new int[] {'A', 'Z'}, new int[] {'a', 'z'});
            case "digit" -> List.of(new int[] {'0', '9'});
            case "alnum" -> List.of(new int[] {'0', '9'}, new int[] {'A', 'Z'}, new int[] {'a', 'z'});
            case "upper" -> List.of(new int[] {'A', 'Z'});
            case "lower" -> List.of(new int[] {'a', 'z'});
            case "space" -> List.of(new int[] {'\t', '\r'}, new int[] {' ', ' '});
            case "xdigit" -> List.of(new int[] {'0', '9'}, new int[] {'A', 'F'}, new int[] {'a', 'f'});
            case "word" -> List.of(new int[] {'0', '9'}, new int[] {'A', 'Z'}, new int[] {'_', '_'}, new int[] {'a', 'z'});
            case "punct" -> List.of(new int[] {'!', '/'}, new int[] {':', '@'}, new int[] {'[', '`'}, new int[] {'{', '~'});
            default -> throw new IllegalArgumentException("error parsing regexp: invalid character class range: `[:" + name + ":]`");
        };
    }

    private static List<int[]> merge(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1] + 1) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return out;
    }

    /** The complement over every rune (Perl flags include ClassNL, so newline too). */
    private static List<int[]> negate(List<int[]> ranges) {
        List<int[]> out = new ArrayList<>();
        int next = 0;
        for (int[] r : merge(ranges)) {
            if (r[0] > next) {
                out.add(new int[] {next, r[0] - 1});
            }
            next = r[1] + 1;
        }
        if (next <= MAX_RUNE) {
            out.add(new int[] {next, MAX_RUNE});
        }
        return out;
    }
}
