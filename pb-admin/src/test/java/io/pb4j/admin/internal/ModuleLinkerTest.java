package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's modules joined into one: the same evaluation as the browser's ES modules, or a refusal. */
class ModuleLinkerTest {
    private static Map<String, String> modules(String... nameAndSource) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndSource.length; i += 2) {
            m.put(nameAndSource[i], nameAndSource[i + 1]);
        }
        return m;
    }

    @Test
    void theJoinedModulesRunAsTheModulesDoImportsFirstDepthFirstOnceEach(@TempDir Path dir) throws Exception {
        String linked = ModuleLinker.link(modules(
                "main.js", """
                        import { log } from "pb/log.js";
                        import { greet as hello, Greeter } from "pb/greet.js";
                        import {
                            twice,
                        } from "pb/twice.js";
                        log("main " + hello("x") + " " + new Greeter().name + " " + twice(21));
                        console.log(log.lines.join("|"));
                        """,
                "greet.js", """
                        import { log } from "pb/log.js";
                        log("greet");
                        // a module's own names stay its own: twice.js has a helper of the same name
                        function helper(s) { return `hi ${s}`; }
                        export function greet(s) { return helper(s); }
                        export class Greeter { name = "g"; }
                        """,
                "twice.js", """
                        import { log } from "pb/log.js";
                        log("twice");
                        const helper = 2;
                        export const twice = (n) => n * helper;
                        export async function unused() {}
                        """,
                "log.js", """
                        const lines = [];
                        export function log(s) { lines.push(s); }
                        log.lines = lines;
                        """,
                "unreached.js", "export const x = 1;\n"), "main.js");
        assertThat(linked).doesNotContain("unreached.js", "import ", "export ");
        Path file = dir.resolve("bundle.mjs");
        Files.writeString(file, linked);
        E2eRun.Result run = E2eRun.run(dir, List.of("node", file.toString()), Map.of(), Duration.ofSeconds(30));
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output().strip()).isEqualTo("greet|twice|main hi x g 42");
    }

    @Test
    void theDashboardsOwnModulesJoin() {
        String bundle = new String(Assets.load().find(mainAsset()).orElseThrow().plain(), java.nio.charset.StandardCharsets.UTF_8);
        for (String module : List.of("dom.js", "api.js", "main.js", "records.js", "collections.js", "realtime.js", "settings.js", "logs.js")) {
            assertThat(bundle).contains("// " + module + "\n");
        }
        assertThat(bundle).doesNotContain("from \"pb/");
    }

    private static String mainAsset() {
        String index = Assets.load().index();
        int at = index.indexOf(Assets.PREFIX + "main.");
        return index.substring(at + Assets.PREFIX.length(), index.indexOf('"', at));
    }

    @Test
    void syntaxOutsideTheSubsetIsRefusedWithTheModulesName() {
        for (String source : List.of("export default function x() {}\n", "export let page;\n", "const a = 1;\nexport { a };\n",
                "import * as api from \"pb/api.js\";\n", "const m = await import(\"pb/api.js\");\n", "import \"pb/api.js\";\n")) {
            assertThatThrownBy(() -> ModuleLinker.link(modules("main.js", "import { x } from \"pb/bad.js\";\n", "bad.js", source, "api.js", ""), "main.js"))
                    .as(source).isInstanceOf(IllegalStateException.class).hasMessageContaining("bad.js uses");
        }
    }

    @Test
    void aCycleAMissingModuleOrAMissingExportIsRefused() {
        assertThatThrownBy(() -> ModuleLinker.link(modules("main.js", "import { a } from \"pb/a.js\";\n",
                "a.js", "import { b } from \"pb/b.js\";\nexport const a = 1;\n", "b.js", "import { a } from \"pb/a.js\";\nexport const b = 1;\n"), "main.js"))
                .hasMessageContaining("cycle: main.js → a.js → b.js → a.js");
        assertThatThrownBy(() -> ModuleLinker.link(modules("main.js", "import { a } from \"pb/a.js\";\n"), "main.js"))
                .hasMessageContaining("main.js imports pb/a.js, which ui/files.txt does not name");
        assertThatThrownBy(() -> ModuleLinker.link(modules("main.js", "import { b } from \"pb/a.js\";\n", "a.js", "export const a = 1;\n"), "main.js"))
                .hasMessageContaining("main.js imports b from pb/a.js, which does not export it");
    }
}
