package io.pb4j.http.internal.forms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Builds a {@code multipart/form-data} body (for internal requests, e.g. batch sub-requests). Not thread-safe. */
public final class MultipartWriter {
    private final String boundary = "pb4j" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public MultipartWriter field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + escape(name) + "\"\r\n");
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    public MultipartWriter file(String name, UploadedFile file) {
        head("Content-Disposition: form-data; name=\"" + escape(name) + "\"; filename=\"" + escape(file.filename()) + "\"\r\n"
                + "Content-Type: " + file.contentType() + "\r\n");
        out.writeBytes(file.content());
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    public byte[] finish() {
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private void head(String headers) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "%0D").replace("\n", "%0A");
    }
}
