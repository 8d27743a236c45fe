package io.pb4j.core.internal.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a random string matching a regular expression, as PocketBase's {@code security.RandomStringByRegex}
 * does for {@code autogeneratePattern}: character classes with ranges and {@code \d \w \s}, {@code .}, literals,
 * groups with alternation and the quantifiers {@code ? * + {n} {n,} {n,m}} (unbounded repeats stop at 6, and like
 * PocketBase the upper bound of a range is exclusive). Anchors and negated classes are not supported.
 * Thread-safe.
 */
public final class RandomByRegex {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DEFAULT_MAX_REPEAT = 6;
    private static final int[] ANY_CHAR = {'A', 'Z', 'a', 'z', '0', '9'};

    private final String pattern;
    private int pos;

    private RandomByRegex(String pattern) {
        this.pattern = pattern;
    }

    /**
     * A random string for {@code pattern}.
     *
     * @throws IllegalArgumentException when the pattern is malformed or uses an unsupported construct
     */
    public static String generate(String pattern) {
        Node node = PARSED.get(pattern);
        if (node == null) {
            RandomByRegex parser = new RandomByRegex(pattern);
            node = parser.alternation();
            if (parser.pos < pattern.length()) {
                throw parser.error("unexpected " + pattern.charAt(parser.pos));
            }
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear(); // patterns come from collection schemas: few, unless something generates them
            }
            PARSED.put(pattern, node);
        }
        StringBuilder sb = new StringBuilder();
        node.write(sb, new Draws());
        return sb.toString();
    }

    /**
     * Parsed patterns: every record create generates its id from its collection's pattern, and parsing it anew was a
     * tenth of a create's CPU in the handler (bench/run --suite=cost --getone=false).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Node> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PARSED = 256;

    /**
     * The random draws of one string: bytes taken from the {@link SecureRandom} a block at a time (one call per id
     * instead of one per character; each call takes the generator's lock), each draw uniform by rejection.
     */
    private static final class Draws {
        private final byte[] block = new byte[64];
        private int next = block.length;

        /** A uniform random int in [0, n). */
        int below(int n) {
            if (n > 256) {
                return RANDOM.nextInt(n);
            }
            int limit = 256 - 256 % n; // bytes at or above it would favour the low values
            while (true) {
                if (next == block.length) {
                    RANDOM.nextBytes(block);
                    next = 0;
                }
                int b = block[next++] & 0xff;
                if (b < limit) {
                    return b % n;
                }
            }
        }
    }

    private sealed interface Node {
        void write(StringBuilder sb, Draws draws);
    }

    private record Literal(int codePoint) implements Node {
        public void write(StringBuilder sb, Draws draws) {
            sb.appendCodePoint(codePoint);
        }
    }

    private record CharClass(int[] pairs) implements Node {
        public void write(StringBuilder sb, Draws draws) {
            int total = 0;
            for (int i = 0; i < pairs.length; i += 2) {
                total += pairs[i + 1] - pairs[i] + 1;
            }
            int n = draws.below(total);
            for (int i = 0; i < pairs.length; i += 2) {
                int size = pairs[i + 1] - pairs[i] + 1;
                if (n < size) {
                    sb.appendCodePoint(pairs[i] + n);
                    return;
                }
                n -= size;
            }
        }
    }

    private record Concat(List<Node> parts) implements Node {
        public void write(StringBuilder sb, Draws draws) {
            for (Node p : parts) {
                p.write(sb, draws);
            }
        }
    }

    private record Alternate(List<Node> options) implements Node {
        public void write(StringBuilder sb, Draws draws) {
            options.get(draws.below(options.size())).write(sb, draws);
        }
    }

    private record Repeat(Node node, int min, int max) implements Node {
        public void write(StringBuilder sb, Draws draws) {
            int upper = max < 0 ? DEFAULT_MAX_REPEAT : max;
            upper = Math.max(upper, min);
            int n = upper == min ? min : min + draws.below(upper - min);
            for (int i = 0; i < n; i++) {
                node.write(sb, draws);
            }
        }
    }

    private Node alternation() {
        List<Node> options = new ArrayList<>();
        options.add(concat());
        while (peek('|')) {
            pos++;
            options.add(concat());
        }
        return options.size() == 1 ? options.getFirst() : new Alternate(List.copyOf(options));
    }

    private Node concat() {
        List<Node> parts = new ArrayList<>();
        while (pos < pattern.length() && !peek('|') && !peek(')')) {
            parts.add(quantified(atom()));
        }
        return new Concat(List.copyOf(parts)); // shared between threads once cached: immutable
    }

    private Node quantified(Node atom) {
        Node node = atom;
        while (pos < pattern.length()) {
            char c = pattern.charAt(pos);
            if (c == '?' || c == '*' || c == '+') {
                pos++;
                node = new Repeat(node, c == '+' ? 1 : 0, c == '?' ? 1 : -1);
            } else if (c == '{' && pattern.indexOf('}', pos) > 0
                    && pattern.substring(pos + 1, pattern.indexOf('}', pos)).matches("\\d+(,\\d*)?")) {
                int end = pattern.indexOf('}', pos);
                String[] bounds = pattern.substring(pos + 1, end).split(",", -1);
                int min = Integer.parseInt(bounds[0]);
                int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
                if (max >= 0 && max < min || min > 1000 || max > 1000) {
                    throw error("invalid repeat count");
                }
                pos = end + 1;
                node = new Repeat(node, min, max);
            } else {
                return node;
            }
            if (peek('?')) {
                pos++; // non-greedy makes no difference to generation
            }
        }
        return node;
    }

    private Node atom() {
        int c = pattern.codePointAt(pos);
        pos += Character.charCount(c);
        return switch (c) {
            case '(' -> group();
            case '[' -> charClass();
            case '.' -> new CharClass(ANY_CHAR);
            case '\\' -> escape(false);
            case '^', '$' -> throw error("unsupported pattern operator " + (char) c);
            case '*', '+', '?' -> throw error("missing argument to repetition operator");
            default -> new Literal(c);
        };
    }

    private Node group() {
        if (pattern.startsWith("?:", pos)) {
            pos += 2;
        } else if (pattern.startsWith("?P<", pos) || pattern.startsWith("?<", pos)) {
            pos = pattern.indexOf('>', pos) + 1;
            if (pos == 0) {
                throw error("invalid named capture");
            }
        }
        Node inner = alternation();
        if (!peek(')')) {
            throw error("missing closing )");
        }
        pos++;
        return inner;
    }

    private Node charClass() {
        if (peek('^')) {
            throw error("negated character classes are not supported");
        }
        List<Integer> pairs = new ArrayList<>();
        boolean first = true;
        while (pos < pattern.length() && (first || !peek(']'))) {
            first = false;
            int lo;
            if (peek('\\')) {
                pos++;
                Node escaped = escape(true);
                if (escaped instanceof CharClass cls) {
                    for (int p : cls.pairs()) {
                        pairs.add(p);
                    }
                    continue;
                }
                lo = ((Literal) escaped).codePoint();
            } else {
                lo = pattern.codePointAt(pos);
                pos += Character.charCount(lo);
            }
            int hi = lo;
            if (peek('-') && pos + 1 < pattern.length() && pattern.charAt(pos + 1) != ']') {
                pos++;
                hi = pattern.codePointAt(pos);
                pos += Character.charCount(hi);
                if (hi == '\\') {
                    hi = ((Literal) escape(true)).codePoint();
                }
                if (hi < lo) {
                    throw error("invalid character class range");
                }
            }
            pairs.add(lo);
            pairs.add(hi);
        }
        if (!peek(']')) {
            throw error("missing closing ]");
        }
        pos++;
        return new CharClass(pairs.stream().mapToInt(Integer::intValue).toArray());
    }

    private Node escape(boolean inClass) {
        if (pos >= pattern.length()) {
            throw error("trailing backslash at end of expression");
        }
        char c = pattern.charAt(pos++);
        return switch (c) {
            case 'd' -> new CharClass(new int[] {'0', '9'});
            case 'w' -> new CharClass(new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});
            case 's' -> new CharClass(new int[] {'\t', '\n', '\f', '\r', ' ', ' '});
            case 'n' -> new Literal('\n');
            case 't' -> new Literal('\t');
            case 'r' -> new Literal('\r');
            case 'f' -> new Literal('\f');
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw error("invalid escape sequence \\" + c);
                }
                yield new Literal(c);
            }
        };
    }

    private boolean peek(char c) {
        return pos < pattern.length() && pattern.charAt(pos) == c;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("error parsing regexp: " + message + ": `" + pattern + "`");
    }
}
