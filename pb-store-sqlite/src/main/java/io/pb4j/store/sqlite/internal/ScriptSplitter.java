package io.pb4j.store.sqlite.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an SQL script into its statements at the {@code ;} that end them: not inside quotes, identifiers,
 * comments or a {@code CREATE TRIGGER ... BEGIN ... END} body. Blank statements are dropped.
 */
final class ScriptSplitter {
    private ScriptSplitter() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            switch (c) {
                case '\'', '"', '`' -> i = skipQuoted(script, i, c);
                case '[' -> i = skipQuoted(script, i, ']');
                case '-' -> i = script.startsWith("--", i) ? skipTo(script, i, "\n") : i + 1;
                case '/' -> i = script.startsWith("/*", i) ? skipTo(script, i + 2, "*/") : i + 1;
                case ';' -> {
                    String statement = script.substring(start, i);
                    if (!isOpenTrigger(statement)) {
                        add(out, statement);
                        start = i + 1;
                    }
                    i++;
                }
                default -> i++;
            }
        }
        add(out, script.substring(start));
        return out;
    }

    private static void add(List<String> out, String statement) {
        if (!stripComments(statement).isBlank()) {
            out.add(statement.strip());
        }
    }

    /** A trigger's body holds {@code ;}s; its statement ends only after its {@code END}. */
    private static boolean isOpenTrigger(String statement) {
        String words = stripComments(statement).strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!words.matches("CREATE (TEMP |TEMPORARY )?TRIGGER .*")) {
            return false;
        }
        return !words.matches("(?s).*\\bEND$");
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?(\\*/|$)", " ").replaceAll("--[^\n]*", " ");
    }

    private static int skipQuoted(String s, int from, char close) {
        int i = from + 1;
        while (i < s.length()) {
            if (s.charAt(i) == close) {
                // a doubled quote is an escaped one
                if (close != ']' && i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int skipTo(String s, int from, String end) {
        int at = s.indexOf(end, from);
        return at < 0 ? s.length() : at + end.length();
    }
}
