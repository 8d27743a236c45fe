/** A third-party file backend for pb4j: {@code memory}, objects kept in the JVM's heap. */
module com.example.memfiles {
    requires io.pb4j.files;

    provides io.pb4j.files.spi.FileBackendProvider with com.example.memfiles.MemoryBackendProvider;
}
