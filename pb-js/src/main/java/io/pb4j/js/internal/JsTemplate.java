package io.pb4j.js.internal;

import io.pb4j.js.internal.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $template} registry: {@code $template.loadFiles(path...)} or {@code .loadString(text)}, then
 * {@code .render(data)} runs Go html/template actions ({@code {{.a.b}}}, {@code if}/{@code else}, {@code range},
 * {@code with}, {@code define}/{@code template}/{@code block}, variables, pipelines and Go's predefined functions,
 * plus PocketBase's {@code raw}) with HTML escaping of printed values. Parsed templates are cached by their file list
 * or text, as PocketBase's registry caches them (until the hooks reload).
 */
public final class JsTemplate {
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    public Renderer loadString(String text) {
        return new Renderer(() -> cache.computeIfAbsent("s:" + text, k -> Template.parse(text)));
    }

    public Renderer loadFiles(String... paths) {
        return new Renderer(() -> cache.computeIfAbsent("f:" + String.join(",", paths), k -> {
            LinkedHashMap<String, String> files = new LinkedHashMap<>();
            for (String p : paths) {
                try {
                    files.put(Path.of(p).getFileName().toString(), Files.readString(Path.of(p)));
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException("open " + p + ": " + ex.getMessage(), ex);
                }
            }
            return Template.parseFiles(files);
        }));
    }

    /** A loaded template; loading and parse errors surface on {@code render}, as in PocketBase. */
    public static final class Renderer {
        private final java.util.function.Supplier<Template> template;

        Renderer(java.util.function.Supplier<Template> template) {
            this.template = template;
        }

        public String render(Value data) {
            return template.get().execute(Convert.toJava(data));
        }
    }
}
