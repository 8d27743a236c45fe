package io.pb4j.js.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code exec.Cmd} as PocketBase's {@code $os.cmd(name, ...args)} (and the deprecated {@code $os.exec}) gives
 * it: set {@code dir}/{@code env} if needed, then {@code output()} (stdout), {@code combinedOutput()} (stdout and
 * stderr) or {@code run()}. The program is started directly, never through a shell; a non-zero exit throws
 * {@code "exit status N"} as Go's error does.
 */
public final class JsCommand {
    private final List<String> command;
    private Path dir;
    private List<String> env;

    JsCommand(String name, String... args) {
        this.command = new ArrayList<>();
        command.add(name);
        command.addAll(List.of(args));
    }

    /** The working directory ({@code cmd.dir = "/tmp"}). */
    public void dir(String path) {
        this.dir = Path.of(path);
    }

    /** The environment as {@code KEY=value} entries, replacing the inherited one ({@code cmd.env = [...]}). */
    public void env(List<String> entries) {
        this.env = List.copyOf(entries);
    }

    /** Runs the program and returns what it wrote to stdout. */
    public byte[] output() throws IOException, InterruptedException {
        return execute(false);
    }

    /** Runs the program and returns what it wrote to stdout and stderr, interleaved. */
    public byte[] combinedOutput() throws IOException, InterruptedException {
        return execute(true);
    }

    /** Runs the program, its output discarded. */
    public void run() throws IOException, InterruptedException {
        execute(false);
    }

    /** The command line, as Go's {@code cmd.String()}. */
    public String string() {
        return String.join(" ", command);
    }

    private byte[] execute(boolean combined) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        if (env != null) {
            Map<String, String> e = pb.environment();
            e.clear();
            for (String entry : env) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    e.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (combined) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException ex) {
            throw new IOException("exec: \"" + command.getFirst() + "\": executable file not found in $PATH", ex);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException("exit status " + code);
        }
        return out.toByteArray();
    }
}
