package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the public surface of every pb4j module in the image: its exports, opens, requires, uses and provides must
 * equal {@code src/test/resources/descriptors/<module>.txt}. A change of surface is then always deliberate: rerun
 * with {@code -Dpb4j.updateGolden=true} and commit the new files (see pb-cli/README.md).
 */
class ModuleDescriptorsIT {
    private static final Path IMAGE = Path.of(System.getProperty("pb4j.image", "target/image"));
    private static final Path GOLDEN = Path.of(System.getProperty("pb4j.goldenDir", "src/test/resources/descriptors"));
    private static final boolean UPDATE = Boolean.getBoolean("pb4j.updateGolden");
    /**
     * Modules an image holds only when built with them (pb-js: {@code -Dpb4j.js}, pb-store-postgres:
     * {@code -Dpb4j.postgres}); checked when they are there.
     */
    private static final Set<String> OPTIONAL_MODULES = Set.of("io.pb4j.js", "io.pb4j.store.postgres");

    @Test
    void everyPb4jModuleInTheImageMatchesItsGoldenDescriptor() throws IOException {
        Map<String, String> actual = pb4jDescriptorsInImage();
        assertThat(actual).as("pb4j modules in %s", IMAGE).containsKeys("io.pb4j.core", "io.pb4j.cli");

        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            try (Stream<Path> old = Files.list(GOLDEN)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".txt")
                        && !OPTIONAL_MODULES.contains(p.getFileName().toString().replace(".txt", ""))).toList()) {
                    Files.delete(file);
                }
            }
            for (var entry : actual.entrySet()) {
                Files.writeString(GOLDEN.resolve(entry.getKey() + ".txt"), entry.getValue(), StandardCharsets.UTF_8);
            }
            return;
        }

        Map<String, String> expected = new TreeMap<>();
        if (Files.isDirectory(GOLDEN)) {
            try (Stream<Path> files = Files.list(GOLDEN)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    String name = file.getFileName().toString();
                    expected.put(name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String module : union(actual.keySet(), expected.keySet())) {
            if (!expected.containsKey(module)) {
                problems.add(module + ": in the image but has no golden file\n" + actual.get(module));
            } else if (!actual.containsKey(module)) {
                if (!OPTIONAL_MODULES.contains(module)) {
                    problems.add(module + ": has a golden file but is not in the image");
                }
            } else if (!expected.get(module).equals(actual.get(module))) {
                problems.add(module + ": descriptor changed\n--- golden\n" + expected.get(module) + "--- image\n"
                        + actual.get(module));
            }
        }
        assertThat(problems)
                .as("module descriptors differ from %s; if the change is intended, run "
                        + "'./build -pl pb-cli -am verify -Dpb4j.updateGolden=true' and commit the files", GOLDEN)
                .isEmpty();
    }

    /** Module name to rendered descriptor, read from the image's own jimage through its jrt file system. */
    private static Map<String, String> pb4jDescriptorsInImage() throws IOException {
        var result = new TreeMap<String, String>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", IMAGE.toString()));
                Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path dir : modules.toList()) {
                String name = dir.getFileName().toString().replace("/", "");
                if (!name.startsWith("io.pb4j.")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(dir.resolve("module-info.class"))) {
                    result.put(name, render(ModuleDescriptor.read(in)));
                }
            }
        }
        return result;
    }

    /** One sorted line per directive; versions are left out so a release does not touch the files. */
    static String render(ModuleDescriptor d) {
        var lines = new TreeSet<String>();
        d.exports().forEach(e -> lines.add("exports " + e.source() + targets(e.targets())));
        d.opens().forEach(o -> lines.add("opens " + o.source() + targets(o.targets())));
        d.requires().forEach(r -> lines.add("requires " + r.name() + modifiers(r.modifiers())));
        d.uses().forEach(u -> lines.add("uses " + u));
        d.provides().forEach(p -> lines.add("provides " + p.service() + " with "
                + p.providers().stream().sorted().collect(Collectors.joining(", "))));
        String header = "module " + d.name() + (d.isOpen() ? " (open)" : "") + "\n";
        return header + lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    private static String targets(Set<String> targets) {
        return targets.isEmpty() ? "" : " to " + targets.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String modifiers(Set<? extends Enum<?>> modifiers) {
        return modifiers.stream().map(m -> " " + m.name().toLowerCase()).sorted().collect(Collectors.joining());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
