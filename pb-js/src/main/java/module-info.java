/**
 * JavaScript hooks for pb4j on GraalJS: PocketBase's {@code pb_hooks/*.pb.js} (routes, middlewares, every
 * {@code on*} hook, crons, {@code $app} …) and {@code pb_migrations/*.js}, run in a pool of prewarmed contexts and
 * reloaded when the files change. Found by {@link java.util.ServiceLoader} as a {@code Plugin}; an image without
 * this module has no JavaScript engine.
 */
module io.pb4j.js {
    requires io.pb4j.core;
    requires org.graalvm.polyglot;
    requires java.net.http;

    exports io.pb4j.js;

    provides io.pb4j.core.spi.Plugin with io.pb4j.js.JsHooksPlugin;
}
