package io.pb4j.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the dashboard's ES modules into one, once at start-up: the browser then reads one file from its cache,
 * compiles one script and evaluates it, instead of 20 of each before the first page (the records grid's first
 * paint, bench/RESULTS.md). No bundler runs at build time: the modules keep to a small subset of the syntax, which
 * this checks, and each becomes a function scope, evaluated in the order ES modules are (imports first, depth first)
 * and returning its exports:
 * <ul>
 *   <li>{@code import { a, b as c } from "pb/x.js";} becomes {@code const { a, b: c } = pb$x;}</li>
 *   <li>{@code export function|async function|class|const NAME} loses its {@code export}, and NAME is returned.</li>
 * </ul>
 * Anything else that imports or exports (default exports, {@code export let} whose later assignments an importer
 * would have to see, {@code export {…}}, dynamic {@code import()}, import cycles) is refused with the module's name,
 * so a new module fails the build's tests instead of the browser.
 */
final class ModuleLinker {
    private static final String SPECIFIER = "pb/";
    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s*\\{([^}]*)}\\s*from\\s*\"pb/([a-z0-9-]+\\.js)\";?[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern EXPORT = Pattern.compile(
            "^export\\s+(?=(?:async\\s+function\\*?|function\\*?|class|const)\\s+([A-Za-z_$][\\w$]*))", Pattern.MULTILINE);
    private static final Pattern ANY_IMPORT = Pattern.compile("^\\s*import\\b|\\bimport\\s*\\(", Pattern.MULTILINE);
    private static final Pattern ANY_EXPORT = Pattern.compile("^\\s*export\\b", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*");

    private ModuleLinker() {
    }

    /** One module's source with its imports and exports rewritten, and the names it imports from each module. */
    private record Linked(String body, Map<String, List<String>> imports, List<String> exports) {
    }

    /**
     * The single module that evaluates {@code entry} and everything it imports, from the sources by file name
     * ({@code dom.js}); modules nothing reaches are left out.
     *
     * @throws IllegalStateException when a module uses syntax outside the subset, imports a missing module or
     *                               takes part in an import cycle
     */
    static String link(Map<String, String> sources, String entry) {
        Map<String, Linked> linked = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        visit(entry, sources, linked, new LinkedHashSet<>(), order);
        StringBuilder out = new StringBuilder(sources.values().stream().mapToInt(String::length).sum() + 4096);
        out.append("// The dashboard's modules, joined at start-up (pb-admin ModuleLinker): each is one function scope.\n");
        for (String name : order) {
            Linked m = linked.get(name);
            out.append("// ").append(name).append('\n');
            if (!name.equals(entry)) {
                out.append("const ").append(variable(name)).append(" = ");
            }
            out.append("(() => {\n").append(m.body());
            if (!m.body().endsWith("\n")) {
                out.append('\n');
            }
            if (!name.equals(entry)) {
                out.append("return { ").append(String.join(", ", m.exports())).append(" };\n");
            }
            out.append("})();\n");
        }
        return out.toString();
    }

    private static void visit(String name, Map<String, String> sources, Map<String, Linked> linked, Set<String> path,
            List<String> order) {
        if (linked.containsKey(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new IllegalStateException("the dashboard's modules import each other in a cycle: " + String.join(" → ", path) + " → " + name);
        }
        String source = sources.get(name);
        if (source == null) {
            List<String> importers = List.copyOf(path);
            throw new IllegalStateException("the dashboard module " + (importers.size() > 1 ? importers.get(importers.size() - 2) : name)
                    + " imports pb/" + name + ", which ui/files.txt does not name");
        }
        Linked m = rewrite(name, source);
        m.imports().forEach((dependency, names) -> {
            visit(dependency, sources, linked, path, order);
            // a name the module does not export would be undefined here, where the browser refuses to link
            names.stream().filter(n -> !linked.get(dependency).exports().contains(n)).findFirst().ifPresent(n -> {
                throw new IllegalStateException("the dashboard module " + name + " imports " + n + " from pb/" + dependency + ", which does not export it");
            });
        });
        path.remove(name);
        linked.put(name, m);
        order.add(name);
    }

    private static Linked rewrite(String name, String source) {
        Map<String, List<String>> imports = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder(source.length());
        Matcher im = IMPORT.matcher(source);
        int last = 0;
        while (im.find()) {
            body.append(source, last, im.start());
            List<String> bindings = new ArrayList<>();
            for (String binding : im.group(1).split(",")) {
                String[] parts = binding.strip().split("\\s+as\\s+");
                if (parts[0].isEmpty()) {
                    continue; // a trailing comma
                }
                if (parts.length > 2 || !NAME.matcher(parts[0]).matches() || (parts.length == 2 && !NAME.matcher(parts[1]).matches())) {
                    throw unsupported(name, "import { " + im.group(1).strip() + " }");
                }
                bindings.add(parts.length == 2 ? parts[0] + ": " + parts[1] : parts[0]);
                imports.computeIfAbsent(im.group(2), k -> new ArrayList<>()).add(parts[0]);
            }
            body.append("const { ").append(String.join(", ", bindings)).append(" } = ").append(variable(im.group(2))).append(';');
            last = im.end();
        }
        body.append(source, last, source.length());
        String withoutImports = body.toString();
        Matcher stray = ANY_IMPORT.matcher(withoutImports);
        if (stray.find()) {
            throw unsupported(name, lineAt(withoutImports, stray.start()));
        }

        List<String> exports = new ArrayList<>();
        Matcher ex = EXPORT.matcher(withoutImports);
        StringBuilder out = new StringBuilder(withoutImports.length());
        last = 0;
        while (ex.find()) {
            out.append(withoutImports, last, ex.start());
            exports.add(ex.group(1));
            last = ex.end();
        }
        out.append(withoutImports, last, withoutImports.length());
        String linked = out.toString();
        Matcher leftover = ANY_EXPORT.matcher(linked);
        if (leftover.find()) {
            throw unsupported(name, lineAt(linked, leftover.start()));
        }
        return new Linked(linked, imports, exports);
    }

    /** The name of the constant that holds a module's exports: {@code pb$settings_server} for settings-server.js. */
    private static String variable(String fileName) {
        return "pb$" + fileName.substring(0, fileName.length() - ".js".length()).replace('-', '_');
    }

    private static String lineAt(String text, int index) {
        int end = text.indexOf('\n', index);
        return text.substring(index, end < 0 ? text.length() : end).strip();
    }

    private static IllegalStateException unsupported(String module, String what) {
        return new IllegalStateException("the dashboard module " + module + " uses `" + what + "`, which pb-admin's "
                + "ModuleLinker does not join: import with `import { a, b as c } from \"" + SPECIFIER + "x.js\";` and export "
                + "with `export function|async function|class|const NAME`");
    }
}
