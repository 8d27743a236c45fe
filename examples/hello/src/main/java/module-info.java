/** A pb4j application: PocketBase's "hello world" main.go, in Java. */
module io.pb4j.example.hello {
    requires io.pb4j.core;
}
