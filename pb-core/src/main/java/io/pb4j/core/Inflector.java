package io.pb4j.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** PocketBase's {@code tools/inflector} string helpers, shared by file names, backup names, migrations and options. */
public final class Inflector {
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\W_]+");

    private Inflector() {
    }

    /**
     * PocketBase's {@code inflector.Snakecase}: words split at every run of non-word characters (ASCII, as Go's
     * {@code \W}) and underscores, a {@code _} before a capital that follows a non-capital, all lower case:
     * {@code "AddPosts"} → {@code add_posts}, {@code "HTTPServer"} → {@code httpserver}.
     */
    public static String snakecase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : WORD_SPLIT.split(text)) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('_');
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(word.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
