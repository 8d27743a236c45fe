package io.pb4j.http.internal.forms;

/** One file part of a {@code multipart/form-data} body: its form key, the client's file name, type and bytes. */
public record UploadedFile(String key, String filename, String contentType, byte[] content) {
}
