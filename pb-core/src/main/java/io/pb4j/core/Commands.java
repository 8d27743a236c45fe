package io.pb4j.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The app's own commands beside PocketBase's ({@code serve}, {@code superuser}, {@code migrate}), as cobra commands
 * added to PocketBase's {@code app.RootCmd}; {@link PocketBase#start} runs them:
 *
 * <pre>{@code
 * app.rootCommand().add("hello", "Prints a greeting", (a, args) -> System.out.println("Hello " + args));
 * app.start(args);   // "myapp hello world" prints "Hello [world]"
 * }</pre>
 *
 * A command runs on a bootstrapped app (the data dir is open), which is closed after it; what it throws is printed as
 * {@code Error: …} and exits 1. Thread-safe.
 */
public final class Commands {
    private final Map<String, Command> commands = new TreeMap<>();

    Commands() {
    }

    /** What a command does with the app and the arguments after its name (flags included, as given). */
    @FunctionalInterface
    public interface Handler {
        /** Runs the command; an exception fails it. */
        void run(PocketBase app, List<String> args);
    }

    /**
     * One command: its name, the one-line summary the help lists and its handler.
     *
     * @param name the word that selects it on the command line
     * @param usage the summary shown under "Available Commands"
     * @param handler what it does
     */
    public record Command(String name, String usage, Handler handler) {
        /** Creates the value from its components. */
        public Command {
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(handler, "handler");
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("a command name is a word (letters, digits, _ and -), got " + name);
            }
        }
    }

    /**
     * Adds a command, replacing one of the same name.
     *
     * @throws IllegalArgumentException for a name that is not a word or that pb4j's own commands use
     */
    public synchronized Commands add(String name, String usage, Handler handler) {
        if (List.of("serve", "superuser", "migrate", "help").contains(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is one of pb4j's own commands");
        }
        commands.put(name, new Command(name, usage, handler));
        return this;
    }

    /** The added commands, by name. */
    public synchronized List<Command> list() {
        return List.copyOf(commands.values());
    }
}
