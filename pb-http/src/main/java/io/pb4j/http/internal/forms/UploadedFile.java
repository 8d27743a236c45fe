package io.pb4j.http.internal.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file part of a {@code multipart/form-data} body: its form key, the client's file name and type, its size and
 * where its bytes are read from (memory, or the request body spooled to a temporary file).
 */
public record UploadedFile(String key, String filename, String contentType, long size, io.pb4j.core.field.UploadedFile.Source source) {
    /** A part whose bytes are in memory. */
    public UploadedFile(String key, String filename, String contentType, byte[] content) {
        this(key, filename, contentType, content.length, () -> new ByteArrayInputStream(content));
    }

    /** Opens the part's bytes; the caller closes the stream. */
    public InputStream open() {
        try {
            return source.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All of the part's bytes, read into memory: for small parts only. */
    public byte[] content() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
