package io.pb4j.js.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.migrate.Migration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@code pb_migrations/*.js}: each file's {@code migrate(up, down)} registered with the app's migrations under its
 * file name, so {@code migrate up} and {@code serve} apply them in name order with the Java ones, in the run's one
 * transaction. A migration runs in a context of its own, created for the run.
 */
final class JsMigrations {
    private JsMigrations() {
    }

    static void register(PocketBase app, java.util.function.Supplier<Engine> engine, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".js") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            app.migrations().register(Migration.of(name, a -> run(a, engine, dir, f, true), a -> run(a, engine, dir, f, false)));
        }
    }

    private static void run(PocketBase app, java.util.function.Supplier<Engine> engine, Path dir, Path file, boolean up) {
        JsContext c = new JsContext(Generation.newContext(engine.get(), dir));
        Registrar registrar = new Registrar(app, c, dir.toString());
        try {
            c.context.getBindings("js").putMember("__pb", new GoView(registrar));
            c.context.eval(Source.newBuilder("js", Generation.preludeText(), "pb4j-prelude.js").buildLiteral());
            c.context.eval(Source.newBuilder("js", file.toFile()).name(file.getFileName().toString()).build());
            Value fn = (up ? registrar.up() : registrar.down()).orElse(null);
            if (fn != null) {
                fn.execute(Convert.toJs(app));
            }
        } catch (PolyglotException pe) {
            RuntimeException t = ScriptError.translate(pe);
            if (t.getCause() instanceof ScriptError se) {
                throw se;
            }
            throw t;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            c.close();
        }
    }
}
