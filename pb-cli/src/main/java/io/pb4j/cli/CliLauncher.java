package io.pb4j.cli;

import io.pb4j.core.Commands;
import io.pb4j.core.PocketBase;
import io.pb4j.core.spi.Launcher;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * pb-cli's {@link Launcher}: {@code app.start(args)} runs the app's own commands ({@code app.rootCommand()}) and
 * otherwise pb4j's command line ({@link Main}). It lives here, provided through pb-core's SPI, so that the kernel
 * keeps no dependency on the command line while the {@code pb4j} command and an app's {@code main} share one
 * implementation.
 */
public final class CliLauncher implements Launcher {
    /** Flags whose value may follow as the next argument ({@code --dir pb_data}). */
    private static final Set<String> VALUE_FLAGS = Set.of("--dir", "--http", "--encryptionEnv", "--queryTimeout",
            "--migrationsDir", "--origins", "--hooksDir", "--hooksPool");

    @Override
    public int start(PocketBase app, List<String> args) {
        Optional<Commands.Command> own = command(args).flatMap(name -> app.rootCommand().list().stream()
                .filter(c -> c.name().equals(name)).findFirst());
        return own.isPresent() ? run(app, own.get(), args) : Main.start(app, args);
    }

    /** Whether {@code args} ask for {@code serve} (which must not end with {@code System.exit}). */
    static boolean serves(List<String> args) {
        try {
            return CliArgs.parse(args) instanceof Invocation.Serve;
        } catch (UsageException e) {
            return false;
        }
    }

    private static int run(PocketBase app, Commands.Command command, List<String> args) {
        PrintStream out = Main.utf8(FileDescriptor.out);
        PrintStream err = Main.utf8(FileDescriptor.err);
        int at = args.indexOf(command.name());
        List<String> rest = args.subList(at + 1, args.size());
        if (rest.contains("-h") || rest.contains("--help")) {
            out.print(command.usage() + "\n\nUsage:\n  pb4j " + command.name() + " [flags]\n\nFlags:\n  -h, --help   help for "
                    + command.name() + "\n");
            out.flush();
            return 0;
        }
        try {
            app.bootstrap();
            command.handler().run(app, List.copyOf(rest));
            return 0;
        } catch (RuntimeException e) {
            err.println("Error: " + Main.message(e));
            return 1;
        } finally {
            app.close();
            out.flush();
            err.flush();
        }
    }

    /** The first argument that is neither a flag nor a flag's value: the command's name. */
    private static Optional<String> command(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                return i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
            }
            if (VALUE_FLAGS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    /** The root help with the app's own commands listed among pb4j's, as cobra lists them (sorted, padded). */
    static String withCommands(String usage, String topic, PocketBase app) {
        List<Commands.Command> own = app.rootCommand().list();
        String header = "Available Commands:\n";
        int at = usage.indexOf(header);
        if (!topic.isEmpty() || own.isEmpty() || at < 0) {
            return usage;
        }
        int start = at + header.length();
        int end = usage.indexOf("\n\n", start);
        List<String[]> entries = new java.util.ArrayList<>();
        for (String line : usage.substring(start, end).split("\n")) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            entries.add(new String[] {trimmed.substring(0, space), trimmed.substring(space).strip()});
        }
        own.forEach(c -> entries.add(new String[] {c.name(), c.usage()}));
        entries.sort(java.util.Comparator.comparing(e -> e[0]));
        int pad = Math.max(11, entries.stream().mapToInt(e -> e[0].length()).max().orElse(0));
        StringBuilder lines = new StringBuilder();
        for (String[] e : entries) {
            lines.append("  ").append(String.format("%-" + pad + "s", e[0])).append(' ').append(e[1]).append('\n');
        }
        return usage.substring(0, start) + lines.toString().stripTrailing() + usage.substring(end);
    }
}
