package io.pb4j.js.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $template} for its common use, filling placeholders: {@code $template.loadString(text)} or
 * {@code .loadFiles(path...)} then {@code .render({name: "x"})} replaces {@code {{.name}}} (and nested
 * {@code {{.a.b}}}) with the HTML-escaped value, as Go's html/template does for text. Go's actions ({@code if},
 * {@code range}, pipelines) are not supported.
 */
public final class JsTemplate {
    private static final Pattern FIELD = Pattern.compile("\\{\\{-?\\s*\\.([A-Za-z0-9_.]*)\\s*-?}}");

    public Renderer loadString(String text) {
        return new Renderer(text);
    }

    public Renderer loadFiles(String... paths) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String p : paths) {
            b.append(Files.readString(Path.of(p)));
        }
        return new Renderer(b.toString());
    }

    /** A loaded template. */
    public static final class Renderer {
        private final String text;

        Renderer(String text) {
            this.text = text;
        }

        public String render(Value data) {
            Matcher m = FIELD.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Value v = data;
                String path = m.group(1);
                if (!path.isEmpty()) {
                    for (String part : path.split("\\.")) {
                        v = v == null || !v.hasMembers() ? null : v.getMember(part);
                    }
                }
                String s = v == null || v.isNull() ? "" : v.isString() ? v.asString() : String.valueOf(Convert.toJava(v));
                m.appendReplacement(out, Matcher.quoteReplacement(escape(s)));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;").replace("'", "&#39;");
        }
    }
}
