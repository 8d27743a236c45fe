package io.pb4j.core.internal.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text alternative of an HTML mail body, like PocketBase's {@code html2Text}: head, style and script are
 * dropped, links become {@code text [url]}, block ends and {@code <br>} become line breaks, the other tags go, and
 * entities are decoded.
 */
final class HtmlText {
    private static final Pattern DROPPED = Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1\\s*>");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|h[1-6]|li|tr)\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private HtmlText() {
    }

    static String toText(String html) {
        String s = DROPPED.matcher(html).replaceAll("");
        Matcher links = LINK.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (links.find()) {
            String text = TAG.matcher(links.group(2)).replaceAll("").strip();
            String url = links.group(1);
            links.appendReplacement(sb, Matcher.quoteReplacement(text.isEmpty() || text.equals(url) ? url : text + " [" + url + "]"));
        }
        links.appendTail(sb);
        s = BREAK.matcher(sb.toString()).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#34;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            String t = line.strip().replaceAll("[ \\t]+", " ");
            if (!t.isEmpty()) {
                out.append(t).append('\n');
            }
        }
        return out.toString().strip();
    }
}
