package io.pb4j.core.spi;

import io.pb4j.core.PocketBase;
import java.util.List;

/**
 * Runs an app's command line ({@link PocketBase#start}): PocketBase's {@code serve}, {@code superuser},
 * {@code migrate}, {@code --help} and {@code --version}, and the app's {@link PocketBase#rootCommand() own commands}.
 * The pb-cli module provides it, so that the kernel does not depend on the command line. Found with
 * {@link java.util.ServiceLoader}; the first one wins.
 */
public interface Launcher {
    /**
     * Runs the command {@code args} name against {@code app} (not bootstrapped yet), printing as PocketBase does, and
     * returns the process exit status (0 success, 1 failure). {@code serve} returns once the app is closed.
     */
    int start(PocketBase app, List<String> args);
}
