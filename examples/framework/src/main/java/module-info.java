/** A pb4j application built from PocketBase's "Go framework" documentation snippets, in Java. */
module io.pb4j.example.framework {
    requires io.pb4j.core;
}
