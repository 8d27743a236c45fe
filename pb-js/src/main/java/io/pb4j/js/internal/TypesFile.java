package io.pb4j.js.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes {@code pb_data/types.d.ts} (the declarations of the JS API, for editors) when it is missing or stale. */
final class TypesFile {
    private TypesFile() {
    }

    static void write(Path dataDir) {
        try (InputStream in = TypesFile.class.getResourceAsStream("types.d.ts")) {
            byte[] want = in.readAllBytes();
            Path file = dataDir.resolve("types.d.ts");
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), want)) {
                return;
            }
            Files.createDirectories(dataDir);
            Files.write(file, want);
        } catch (IOException ex) {
            System.getLogger(TypesFile.class.getName()).log(System.Logger.Level.WARNING, "failed to write types.d.ts: " + ex);
        }
    }
}
