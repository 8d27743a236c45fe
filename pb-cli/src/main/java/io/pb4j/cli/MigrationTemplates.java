package io.pb4j.cli;

import io.pb4j.core.Collection;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Java twins of PocketBase's Go migration templates (plugins/migratecmd): a class implementing
 * {@code io.pb4j.core.migrate.Migration}, in the package named after the migrations dir, whose {@link
 * io.pb4j.core.migrate.Migration#file()} is PocketBase's {@code <unix>_<name>} with {@code .java}. A Java class name
 * cannot start with a digit, so the class (and its source file) is {@code M<unix>_<name>}.
 */
final class MigrationTemplates {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("abstract", "assert", "boolean", "break",
            "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum",
            "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    private MigrationTemplates() {
    }

    /** A migration to write: its recorded name, its class and source. */
    record Source(String file, String className, String text) {
        String fileName() {
            return className + ".java";
        }
    }

    /** The class and file names for {@code <unix>_<name>}. */
    static Source named(long unix, String name, Path dir, Body body) {
        String base = unix + "_" + name;
        String className = "M" + base;
        return new Source(base + ".java", className, render(packageOf(dir), className, base + ".java", body));
    }

    /** The up and down method bodies. */
    record Body(String up, String down) {
    }

    static Body blank() {
        return new Body("        // add up queries...\n", "        // add down queries...\n");
    }

    /** PocketBase's collections snapshot: up imports them all (no deletion of missing ones); down does nothing. */
    static Body snapshot(List<Collection> collections) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < collections.size(); i++) {
            array.append(i == 0 ? "\n" : ",\n").append("    ").append(pretty(exported(collections.get(i)), "    "));
        }
        array.append(collections.isEmpty() ? "]" : "\n]");
        String up = "        String jsonData = " + textBlock(array.toString()) + ";\n\n"
                + "        app.importCollections(jsonArray(jsonData), false);\n";
        return new Body(up, "");
    }

    /** Automigrate of a created collection: up saves it, down deletes it. */
    static Body created(Collection collection) {
        return new Body(save(collection), delete(collection));
    }

    /** Automigrate of a deleted collection: up deletes it, down saves it back. */
    static Body deleted(Collection collection) {
        return new Body(delete(collection), save(collection));
    }

    /** Automigrate of an updated collection: up saves the new state over it, down the old one. */
    static Body updated(Collection before, Collection after) {
        return new Body(save(after), save(before));
    }

    /**
     * The collection as PocketBase's templates keep it: its API JSON without timestamps and OAuth2 providers (their
     * secrets do not belong in source files).
     */
    static JsonObject exported(Collection c) {
        var b = JSON.createObjectBuilder(c.toJson()).remove("created").remove("updated");
        if (c.toJson().get("oauth2") instanceof JsonObject oauth2) {
            b.add("oauth2", JSON.createObjectBuilder(oauth2).remove("providers"));
        }
        return b.build();
    }

    private static String save(Collection c) {
        return "        String jsonData = " + textBlock(pretty(exported(c), "")) + ";\n\n"
                + "        JsonObject collection = jsonObject(jsonData);\n"
                + "        app.save(Collection.fromJson(collection, app.findCollection(collection.getString(\"id\"))));\n";
    }

    private static String delete(Collection c) {
        return "        app.delete(app.findCollection(" + javaString(c.id()) + ").orElseThrow());\n";
    }

    private static String render(Optional<String> pkg, String className, String file, Body body) {
        String code = body.up() + body.down();
        boolean objects = code.contains("jsonObject(");
        boolean arrays = code.contains("jsonArray(");
        StringBuilder s = new StringBuilder();
        pkg.ifPresent(p -> s.append("package ").append(p).append(";\n\n"));
        if (code.contains("Collection.fromJson")) {
            s.append("import io.pb4j.core.Collection;\n");
        }
        s.append("import io.pb4j.core.PocketBase;\nimport io.pb4j.core.migrate.Migration;\n");
        if (objects || arrays) {
            s.append("import jakarta.json.Json;\nimport jakarta.json.JsonObject;\nimport java.io.StringReader;\n");
        }
        if (arrays) {
            s.append("import java.util.List;\n");
        }
        String qualified = pkg.map(p -> p + ".").orElse("") + className;
        s.append("\n/**\n * A pb4j migration. Register it as a service: {@code provides io.pb4j.core.migrate.Migration with ")
                .append(qualified).append(";}\n * in your module-info, or a line {@code ").append(qualified)
                .append("} in META-INF/services/io.pb4j.core.migrate.Migration.\n */\n")
                .append("public final class ").append(className).append(" implements Migration {\n")
                .append("    @Override\n    public String file() {\n        return ").append(javaString(file)).append(";\n    }\n\n")
                .append("    @Override\n    public void up(PocketBase app) {\n").append(body.up()).append("    }\n\n")
                .append("    @Override\n    public void down(PocketBase app) {\n").append(body.down()).append("    }\n");
        if (objects) {
            s.append("""

                        private static JsonObject jsonObject(String text) {
                            try (var reader = Json.createReader(new StringReader(text))) {
                                return reader.readObject();
                            }
                        }
                    """);
        }
        if (arrays) {
            s.append("""

                        private static List<JsonObject> jsonArray(String text) {
                            try (var reader = Json.createReader(new StringReader(text))) {
                                return reader.readArray().getValuesAs(JsonObject.class);
                            }
                        }
                    """);
        }
        return s.append("}\n").toString();
    }

    /** The migrations dir's name as the package, as PocketBase names the Go package; none when it is no identifier. */
    private static Optional<String> packageOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String p = name == null ? "" : name.toString();
        boolean valid = p.matches("[A-Za-z_$][A-Za-z0-9_$]*") && !KEYWORDS.contains(p);
        return valid ? Optional.of(p) : Optional.empty();
    }

    /** A text block holding {@code text} exactly (backslashes and triple quotes escaped). */
    private static String textBlock(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"");
        StringBuilder out = new StringBuilder("\"\"\"\n");
        for (String line : escaped.split("\n", -1)) {
            out.append("                ").append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.append("\"\"\"").toString();
    }

    private static String javaString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** JSON with sorted keys and 4-space indents, as Go marshals a map with MarshalIndent (no HTML escaping). */
    static String pretty(JsonValue value, String indent) {
        return switch (value) {
            case JsonObject o when o.isEmpty() -> "{}";
            case JsonObject o -> {
                StringBuilder b = new StringBuilder("{\n");
                var sorted = new TreeMap<>(o);
                int i = 0;
                for (var entry : sorted.entrySet()) {
                    b.append(indent).append("    ").append(quote(entry.getKey())).append(": ")
                            .append(pretty(entry.getValue(), indent + "    ")).append(++i < sorted.size() ? ",\n" : "\n");
                }
                yield b.append(indent).append('}').toString();
            }
            case JsonArray a when a.isEmpty() -> "[]";
            case JsonArray a -> {
                StringBuilder b = new StringBuilder("[\n");
                for (int i = 0; i < a.size(); i++) {
                    b.append(indent).append("    ").append(pretty(a.get(i), indent + "    ")).append(i + 1 < a.size() ? ",\n" : "\n");
                }
                yield b.append(indent).append(']').toString();
            }
            case JsonString s -> quote(s.getString());
            default -> value.toString();
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
