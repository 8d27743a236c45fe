package io.pb4j.cli;

/**
 * The JS hooks flags ({@code --hooksDir}, {@code --hooksWatch}, {@code --hooksPool}, and {@code --migrationsDir} for
 * {@code pb_migrations}), handed to the pb-js module as the system properties it reads on bootstrap
 * ({@code pb4j.hooksDir} …). The command line does not require pb-js: without it the flags are accepted and unused,
 * as PocketBase's are with no {@code pb_hooks} folder.
 */
final class HooksFlags {
    private HooksFlags() {
    }

    static void watch(boolean on) {
        System.setProperty("pb4j.hooksWatch", Boolean.toString(on));
    }

    static void set(String flag, String value, String topic) {
        if (flag.equals("hooksPool")) {
            try {
                Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new UsageException("invalid argument \"" + value + "\" for \"--hooksPool\" flag: strconv.ParseInt: parsing \""
                        + value + "\": invalid syntax", topic);
            }
        }
        System.setProperty("pb4j." + flag, value);
    }

    /** An explicit {@code --migrationsDir} is where the JS migrations are too (PocketBase's jsvm MigrationsDir). */
    static void migrationsDir(String dir) {
        System.setProperty("pb4j.jsMigrationsDir", dir);
    }
}
