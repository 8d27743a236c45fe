import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes META-INF/services/<service> for every "provides" of a compiled module-info, so that a jar works on the
 * class path too (ServiceLoader reads module-info only on the module path). Run by the build after compilation:
 * java ServiceFiles.java target/classes. Files of services the module no longer provides are removed.
 */
public class ServiceFiles {
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path moduleInfo = classes.resolve("module-info.class");
        if (!Files.isRegularFile(moduleInfo)) {
            return;
        }
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            descriptor = ModuleDescriptor.read(in);
        }
        Path dir = classes.resolve("META-INF/services");
        Set<String> written = new TreeSet<>();
        for (ModuleDescriptor.Provides p : descriptor.provides()) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(p.service()), String.join("\n", p.providers()) + "\n");
            written.add(p.service());
        }
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (!written.contains(f.getFileName().toString())) {
                        Files.delete(f);
                    }
                }
            }
        }
    }
}
