import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./build javadoc}: runs the JDK's javadoc over every pb4j module's exported packages (read from the
 * module-info sources), with the libraries from pb-cli/target/modules on the module path, into target/apidocs.
 * Exits with javadoc's status. Usage: java ApiDocs.java ROOT JAVA_HOME
 */
public class ApiDocs {
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        Path javadoc = Path.of(args[1], "bin", "javadoc");
        Path out = root.resolve("target/apidocs");
        List<String> command = new ArrayList<>(List.of(javadoc.toString(), "-d", out.toString(), "-quiet",
                "-Xdoclint:all,-missing", "-notimestamp", "-doctitle", "pb4j API", "-windowtitle", "pb4j API"));
        List<String> modules = new ArrayList<>();
        List<String> libraries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(root.resolve("pb-cli/target/modules"))) {
            jars.filter(p -> !p.getFileName().toString().startsWith("pb-")).forEach(p -> libraries.add(p.toString()));
        }
        Pattern name = Pattern.compile("module\\s+([\\w.]+)\\s*\\{");
        Pattern exports = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
        List<String> packages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("pb-")).sorted().toList()) {
                Path info = dir.resolve("src/main/java/module-info.java");
                if (!Files.isRegularFile(info)) {
                    continue;
                }
                String text = Files.readString(info);
                Matcher m = name.matcher(text);
                if (!m.find()) {
                    continue;
                }
                modules.add(m.group(1));
                command.addAll(List.of("--module-source-path", m.group(1) + "=" + dir.resolve("src/main/java")));
                Matcher e = exports.matcher(text);
                while (e.find()) {
                    packages.add(e.group(1));
                }
            }
        }
        command.addAll(List.of("--module-path", String.join(java.io.File.pathSeparator, libraries)));
        // every module is compiled, but only the exported packages are documented
        command.addAll(List.of("--module", String.join(",", modules)));
        command.addAll(List.of("--show-packages", "exported", "--show-module-contents", "api"));
        Process p = new ProcessBuilder(command).inheritIO().start();
        int status = p.waitFor();
        if (status == 0) {
            System.out.println("API docs of " + packages.size() + " exported packages in " + modules.size() + " modules: "
                    + out.resolve("index.html"));
        }
        System.exit(status);
    }
}
