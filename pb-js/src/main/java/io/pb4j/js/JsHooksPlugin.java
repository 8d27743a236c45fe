package io.pb4j.js;

import io.pb4j.core.PocketBase;
import io.pb4j.core.spi.Plugin;
import io.pb4j.js.internal.JsRuntime;
import java.util.Optional;

/**
 * The JavaScript hooks plugin: on bootstrap it loads {@code pb_hooks/*.pb.js} (sorted by name) into a pool of
 * GraalJS contexts, binds what they register (routes, middlewares, hooks, crons), registers
 * {@code pb_migrations/*.js} with the app's migrations, writes {@code pb_data/types.d.ts} for editors, and with
 * {@code watch} reloads everything when a {@code .js} file changes. Discovered by {@link java.util.ServiceLoader}
 * (options from the command line's flags); register one explicitly ({@code cfg.plugin(new JsHooksPlugin(opts))}) to
 * choose the options in code.
 */
public final class JsHooksPlugin implements Plugin {
    private final Optional<JsHooksOptions> options;

    /** Options from the command line ({@link JsHooksOptions#fromSystemProperties}) when the app bootstraps. */
    public JsHooksPlugin() {
        this.options = Optional.empty();
    }

    /** These options. */
    public JsHooksPlugin(JsHooksOptions options) {
        this.options = Optional.of(options);
    }

    @Override
    public String name() {
        return "jsvm";
    }

    @Override
    public void register(PocketBase app) {
        JsRuntime.register(app, () -> options.orElseGet(() -> JsHooksOptions.fromSystemProperties(app.config().dataDir())));
    }
}
