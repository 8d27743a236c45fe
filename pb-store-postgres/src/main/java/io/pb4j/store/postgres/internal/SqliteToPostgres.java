package io.pb4j.store.postgres.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewrites the SQLite-flavoured SQL that PocketBase's schema is made of (and that pb-core, collection indexes and
 * applications write) into PostgreSQL. Lexical and conservative: it knows the shapes pb4j emits, not all of SQLite.
 * Thread-safe; results are cached per statement text, so each distinct statement is translated once.
 *
 * <p>What it does: backtick identifiers become double-quoted ones; mixed-case bare identifiers are quoted (SQLite
 * ignores identifier case, PostgreSQL folds bare ones to lower case); {@code ==} is {@code =}; {@code x IS y} and
 * {@code x IS NOT y} become {@code IS [NOT] DISTINCT FROM}; {@code LIKE} is {@code ILIKE} (SQLite's LIKE ignores ASCII
 * case); {@code TRUE}/{@code FALSE} are {@code 1}/{@code 0} (booleans are stored as SQLite stores them);
 * {@code rowid} is the hidden {@code _rowid_} column; {@code COALESCE(x, '')} compares as text. In DDL, SQLite's column
 * types become the domains of {@code compat.sql}, double-quoted defaults become string literals, {@code COLLATE NOCASE}
 * becomes {@code lower(x)} and each new table gets its {@code _rowid_}.
 */
final class SqliteToPostgres {
    /** The hidden insertion-order column every table gets (SQLite's rowid). */
    static final String ROWID = "_rowid_";
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    /** SQLite functions that compat.sql provides under a {@code pb_} name (PostgreSQL has some as keywords). */
    private static final Set<String> FUNCTIONS = Set.of("json_array", "json_object", "json_extract", "json_valid",
            "json_type", "json_array_length", "json_set", "json_each", "strftime", "iif", "hex", "randomblob", "datetime", "date",
            "time", "unixepoch", "instr", "typeof");
    private static final Set<String> TYPES = Set.of("JSON", "BOOLEAN", "NUMERIC", "TEXT", "INTEGER", "REAL", "BLOB");

    private SqliteToPostgres() {
    }

    static String translate(String sql) {
        String cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        String out = new SqliteToPostgres.Run(tokenize(sql)).run();
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(sql, out);
        }
        return out;
    }

    enum Kind { WORD, QUOTED, STRING, NUMBER, SPACE, COMMENT, PUNCT }

    record Token(Kind kind, String text) {
        boolean is(String word) {
            return (kind == Kind.WORD) && text.equalsIgnoreCase(word);
        }

        boolean punct(String p) {
            return kind == Kind.PUNCT && text.equals(p);
        }
    }

    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.SPACE, sql.substring(start, i)));
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                out.add(new Token(Kind.COMMENT, sql.substring(start, i)));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.add(new Token(Kind.COMMENT, sql.substring(start, i)));
            } else if (c == '\'' || c == '"' || c == '`') {
                i = closing(sql, i, c);
                String body = sql.substring(start + 1, Math.max(start + 1, i - 1));
                if (c == '\'') {
                    out.add(new Token(Kind.STRING, sql.substring(start, i)));
                } else {
                    // an identifier: body with its own doubled quotes undone
                    out.add(new Token(Kind.QUOTED, body.replace(String.valueOf(c) + c, String.valueOf(c))));
                }
            } else if (c == '[' && i + 1 < n && (Character.isLetter(sql.charAt(i + 1)) || sql.charAt(i + 1) == '_')
                    && sql.indexOf(']', i) > 0 && isBracketIdentifier(sql, i)) {
                i = sql.indexOf(']', i) + 1;
                out.add(new Token(Kind.QUOTED, sql.substring(start + 1, i - 1)));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i)));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(start, i)));
            } else {
                i++;
                if (i < n && ("==".equals(sql.substring(start, i + 1)) || "!=".equals(sql.substring(start, i + 1))
                        || "<>".equals(sql.substring(start, i + 1)) || "<=".equals(sql.substring(start, i + 1))
                        || ">=".equals(sql.substring(start, i + 1)) || "||".equals(sql.substring(start, i + 1))
                        || "::".equals(sql.substring(start, i + 1)))) {
                    i++;
                }
                out.add(new Token(Kind.PUNCT, sql.substring(start, i)));
            }
        }
        return out;
    }

    /** A {@code [name]} is an identifier only where no array subscript could be (after a space, comma or paren). */
    private static boolean isBracketIdentifier(String sql, int at) {
        int end = sql.indexOf(']', at);
        if (!sql.substring(at + 1, end).matches("[A-Za-z_][A-Za-z0-9_ ]*")) {
            return false;
        }
        int p = at - 1;
        while (p >= 0 && Character.isWhitespace(sql.charAt(p))) {
            p--;
        }
        return p < 0 || "(,".indexOf(sql.charAt(p)) >= 0 || Character.isWhitespace(sql.charAt(at - 1));
    }

    private static int closing(String sql, int open, char q) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** One translation: the tokens, rewritten in place. */
    private static final class Run {
        private final List<Token> t;
        private final boolean ddl;
        private final boolean createTable;

        Run(List<Token> tokens) {
            this.t = tokens;
            List<Token> words = tokens.stream().filter(x -> x.kind() == Kind.WORD).limit(4).toList();
            String head = words.stream().map(x -> x.text().toUpperCase(Locale.ROOT)).reduce("", (a, b) -> a + " " + b);
            this.createTable = head.startsWith(" CREATE TABLE") || head.startsWith(" CREATE TEMP TABLE")
                    || head.startsWith(" CREATE TEMPORARY TABLE");
            this.ddl = createTable || head.startsWith(" ALTER TABLE");
        }

        /** Depths with a {@code LEFT JOIN} still waiting for its {@code ON} (PostgreSQL requires one). */
        private final java.util.BitSet joinWithoutOn = new java.util.BitSet();
        private int depth;

        private static final Set<String> CLAUSE_END = Set.of("WHERE", "LEFT", "JOIN", "INNER", "CROSS", "GROUP", "ORDER",
                "LIMIT", "UNION", "HAVING", "EXCEPT", "INTERSECT", "OFFSET", "WINDOW");

        private void closeJoin(StringBuilder out) {
            if (depth >= 0 && joinWithoutOn.get(depth)) {
                joinWithoutOn.clear(depth);
                int end = out.length();
                while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
                    end--;
                }
                out.insert(end, " ON TRUE");
            }
        }

        String run() {
            StringBuilder out = new StringBuilder();
            int tableParen = -1;
            for (int i = 0; i < t.size(); i++) {
                Token tok = t.get(i);
                if (tok.kind() == Kind.WORD && CLAUSE_END.contains(tok.text().toUpperCase(Locale.ROOT))) {
                    closeJoin(out);
                    if (tok.is("JOIN") && !prevWord(i, "CROSS") && !prevWord(i, "NATURAL")) {
                        joinWithoutOn.set(depth);
                    }
                } else if (tok.is("ON") || tok.is("USING")) {
                    joinWithoutOn.clear(depth);
                } else if (tok.punct(")") || tok.punct(";")) {
                    closeJoin(out);
                }
                switch (tok.kind()) {
                    case QUOTED -> {
                        if (ddl && prevWord(i, "DEFAULT")) {
                            out.append('\'').append(tok.text().replace("'", "''")).append('\'');
                        } else {
                            out.append(quote(tok.text()));
                        }
                    }
                    case WORD -> i = word(i, out);
                    case PUNCT -> {
                        String p = tok.text();
                        if (p.equals("==")) {
                            out.append('=');
                        } else if (p.equals("(")) {
                            depth++;
                            if (createTable && tableParen < 0) {
                                tableParen = depth;
                            }
                            out.append(p);
                        } else if (p.equals(")")) {
                            if (createTable && depth == tableParen) {
                                out.append(", ").append(quote(ROWID)).append(" BIGSERIAL");
                                tableParen = Integer.MAX_VALUE;
                            }
                            depth--;
                            out.append(p);
                        } else {
                            out.append(p);
                        }
                    }
                    default -> out.append(tok.text());
                }
            }
            closeJoin(out);
            return out.toString();
        }

        private int word(int i, StringBuilder out) {
            Token tok = t.get(i);
            String w = tok.text();
            String upper = w.toUpperCase(Locale.ROOT);
            int next = nextSignificant(i);
            boolean call = next >= 0 && t.get(next).punct("(");
            switch (upper) {
                case "TRUE" -> {
                    out.append('1');
                    return i;
                }
                case "FALSE" -> {
                    out.append('0');
                    return i;
                }
                case "LIKE" -> {
                    out.append("ILIKE");
                    return i;
                }
                case "ROWID", "_ROWID_" -> {
                    if (!call && !prevPunct(i, "\"")) {
                        out.append(quote(ROWID));
                        return i;
                    }
                }
                case "IS" -> {
                    return is(i, next, out);
                }
                case "COALESCE" -> {
                    if (call) {
                        return coalesce(i, next, out);
                    }
                }
                case "COLLATE" -> {
                    // COLLATE NOCASE: indexes compare lower(x); other collations are dropped (SQLite's BINARY is C)
                    if (next >= 0 && t.get(next).kind() == Kind.WORD) {
                        if (t.get(next).is("NOCASE")) {
                            wrapLastOperandInLower(out);
                        }
                        return next;
                    }
                }
                default -> {
                }
            }
            if (call && FUNCTIONS.contains(w.toLowerCase(Locale.ROOT))) {
                out.append("pb_").append(w.toLowerCase(Locale.ROOT));
                return i;
            }
            if (ddl && TYPES.contains(upper) && !call) {
                out.append(switch (upper) {
                    case "JSON" -> "pb_json";
                    case "BOOLEAN" -> "pb_bool";
                    case "NUMERIC", "REAL" -> "pb_number";
                    case "TEXT" -> "TEXT COLLATE \"C\"";
                    case "INTEGER" -> "BIGINT";
                    default -> "BYTEA";
                });
                return i;
            }
            if (!call && isMixedCase(w)) {
                out.append(quote(w));
                return i;
            }
            out.append(w);
            return i;
        }

        /** {@code a IS b} / {@code a IS NOT b} with b not NULL: PostgreSQL's null-safe comparison. */
        private int is(int i, int next, StringBuilder out) {
            if (next < 0) {
                out.append(t.get(i).text());
                return i;
            }
            Token n = t.get(next);
            if (n.is("NOT")) {
                int after = nextSignificant(next);
                if (after >= 0 && (t.get(after).is("NULL") || t.get(after).is("DISTINCT"))) {
                    out.append("IS");
                    return i;
                }
                out.append("IS DISTINCT FROM");
                return next;
            }
            if (n.is("NULL") || n.is("DISTINCT") || n.is("JSON")) {
                out.append("IS");
                return i;
            }
            out.append("IS NOT DISTINCT FROM");
            return i;
        }

        /** {@code COALESCE(x, '')}: x may be a number or a bool; comparing with '' works on text only. */
        private int coalesce(int i, int open, StringBuilder out) {
            int d = 0;
            int comma = -1;
            int close = -1;
            for (int k = open; k < t.size(); k++) {
                Token x = t.get(k);
                if (x.punct("(")) {
                    d++;
                } else if (x.punct(")")) {
                    d--;
                    if (d == 0) {
                        close = k;
                        break;
                    }
                } else if (x.punct(",") && d == 1 && comma < 0) {
                    comma = k;
                }
            }
            if (comma < 0 || close < 0) {
                out.append(t.get(i).text());
                return i;
            }
            int second = nextSignificant(comma);
            boolean emptyText = second >= 0 && t.get(second).kind() == Kind.STRING
                    && (t.get(second).text().equals("''") || t.get(second).text().equals("'[]'"))
                    && nextSignificant(second) == close;
            if (!emptyText) {
                out.append(t.get(i).text());
                return i;
            }
            String first = new Run(t.subList(open + 1, comma)).run();
            String fallback = t.get(second).text();
            out.append("COALESCE((").append(first).append(")::text, ").append(fallback).append(')');
            return close;
        }

        /** Rewrites the operand just written (an identifier or a parenthesised expression) as lower(operand). */
        private void wrapLastOperandInLower(StringBuilder out) {
            int end = out.length();
            while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            int start = end;
            if (start > 0 && out.charAt(start - 1) == '"') {
                start = out.lastIndexOf("\"", start - 2);
            } else if (start > 0 && out.charAt(start - 1) == ')') {
                int d = 0;
                for (int k = start - 1; k >= 0; k--) {
                    if (out.charAt(k) == ')') {
                        d++;
                    } else if (out.charAt(k) == '(' && --d == 0) {
                        start = k;
                        break;
                    }
                }
            } else {
                while (start > 0 && (Character.isLetterOrDigit(out.charAt(start - 1)) || out.charAt(start - 1) == '_'
                        || out.charAt(start - 1) == '.' || out.charAt(start - 1) == '?')) {
                    start--;
                }
            }
            String operand = out.substring(start, end);
            out.replace(start, out.length(), "lower(" + operand + ")");
        }

        private int nextSignificant(int i) {
            for (int k = i + 1; k < t.size(); k++) {
                Kind kind = t.get(k).kind();
                if (kind != Kind.SPACE && kind != Kind.COMMENT) {
                    return k;
                }
            }
            return -1;
        }

        private boolean prevWord(int i, String word) {
            for (int k = i - 1; k >= 0; k--) {
                Kind kind = t.get(k).kind();
                if (kind != Kind.SPACE && kind != Kind.COMMENT) {
                    return t.get(k).is(word);
                }
            }
            return false;
        }

        private boolean prevPunct(int i, String p) {
            return i > 0 && t.get(i - 1).punct(p);
        }
    }

    /** Both cases present: an identifier, never a keyword (pb4j writes keywords in one case). */
    private static boolean isMixedCase(String w) {
        boolean lower = false;
        boolean upper = false;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
        }
        return lower && upper;
    }
}
