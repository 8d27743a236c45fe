package io.pb4j.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PocketBase's rudimentary view query parser ({@code core/view.go}, {@code identifiersParser}): finds the selected
 * columns and the tables of the FROM and JOIN clauses, each as {@code original} expression and {@code alias}. It is a
 * heuristic, not an SQL parser: whatever it cannot place is left to the database.
 */
final class ViewQueryParser {
    private static final Pattern JOIN = Pattern.compile("(?im)\\s+(full\\s+outer\\s+join|left\\s+outer\\s+join|right\\s+outer\\s+join"
            + "|full\\s+join|cross\\s+join|inner\\s+join|outer\\s+join|left\\s+join|right\\s+join|join)\\s+?");
    private static final Pattern DISCARD = Pattern.compile("(?im)\\s+(where|group\\s+by|having|order|limit|with)\\s+?");
    private static final Pattern COMMENTS = Pattern.compile("(?m)(/\\*[\\s\\S]*?\\*/)|(--.+$)");

    record Identifier(String original, String alias) {
    }

    record Parsed(List<Identifier> columns, List<Identifier> tables) {
    }

    private ViewQueryParser() {
    }

    /** @throws IllegalArgumentException with PocketBase's message when the query cannot be split */
    static Parsed parse(String selectQuery) {
        String str = trimSemicolons(selectQuery.strip());
        str = COMMENTS.matcher(str).replaceAll(" ");
        str = JOIN.matcher(str).replaceAll(" __pb_join__ ");
        str = DISCARD.matcher(str).replaceAll(" __pb_discard__ ");

        SqlTokenizer tk = new SqlTokenizer(str, ", \n\t", true);
        boolean skip = false;
        String partType = "";
        StringBuilder active = null;
        StringBuilder selects = new StringBuilder();
        StringBuilder froms = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        for (String token = tk.scan(); token != null; token = tk.scan()) {
            String trimmed = token.strip().toLowerCase(Locale.ROOT);
            switch (trimmed) {
                case "select" -> {
                    skip = false;
                    partType = "select";
                    active = selects;
                }
                case "distinct" -> {
                    // not relevant for the identifiers
                }
                case "from" -> {
                    skip = false;
                    partType = "from";
                    active = froms;
                }
                case "__pb_join__" -> {
                    skip = false;
                    if ("join".equals(partType)) {
                        joins.append(',');
                    }
                    partType = "join";
                    active = joins;
                }
                case "__pb_discard__" -> skip = true;
                default -> {
                    if ("join".equals(partType) && "on".equals(trimmed)) {
                        skip = true;
                    }
                    if (!skip && active != null) {
                        active.append(' ').append(token);
                    }
                }
            }
        }
        List<Identifier> tables = new ArrayList<>(identifiers(froms.toString()));
        tables.addAll(identifiers(joins.toString()));
        return new Parsed(identifiers(selects.toString()), tables);
    }

    static String trimSemicolons(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ';') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ';') {
            end--;
        }
        return s.substring(start, end);
    }

    private static List<Identifier> identifiers(String raw) {
        List<Identifier> out = new ArrayList<>();
        for (String rawIdentifier : SqlTokenizer.scanAll(raw, ",")) {
            out.add(identifier(SqlTokenizer.scanAll(rawIdentifier, " \n\t")));
        }
        return out;
    }

    private static Identifier identifier(List<String> parts) {
        String original;
        String alias;
        switch (parts.size()) {
            case 3 -> {
                if (!parts.get(1).equalsIgnoreCase("as")) {
                    throw new IllegalArgumentException("invalid identifier part - expected \"as\", got " + parts.get(1));
                }
                original = parts.get(0);
                alias = parts.get(2);
            }
            case 2 -> {
                original = parts.get(0);
                alias = parts.get(1);
            }
            case 1 -> {
                original = parts.get(0);
                String[] sub = original.split("\\.", -1);
                alias = sub[sub.length - 1];
            }
            default -> throw new IllegalArgumentException("invalid identifier parts [" + String.join(" ", parts) + "]");
        }
        // single quotes are trimmed from aliases too: SQLite accepts them where an identifier is expected
        return new Identifier(trimIdentifier(original, "`\"[];"), trimIdentifier(alias, "`\"[];'"));
    }

    private static String trimIdentifier(String raw, String chars) {
        String[] parts = raw.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int start = 0;
            int end = p.length();
            while (start < end && chars.indexOf(p.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && chars.indexOf(p.charAt(end - 1)) >= 0) {
                end--;
            }
            parts[i] = p.substring(start, end);
        }
        return String.join(".", parts);
    }
}
