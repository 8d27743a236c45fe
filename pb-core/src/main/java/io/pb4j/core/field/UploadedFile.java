package io.pb4j.core.field;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file submitted for a {@code file} field and not stored yet (PocketBase's {@code filesystem.File}): the name it
 * will be stored under, the client's original name, its size and where its bytes are read from ({@code source}: bytes
 * in memory, or a part of a request body spooled to a temporary file, so that large uploads never sit in the heap).
 * Immutable; equal by stored name.
 */
public record UploadedFile(String name, String originalName, long size, Source source) {
    /** How many leading bytes {@link #head()} holds: enough to sniff the content type as {@link ContentTypes} does. */
    public static final int HEAD_BYTES = 3073;
    private static final Pattern EXT_INVALID = Pattern.compile("[^\\w.*\\-+=#]+");

    /** Opens the file's bytes from the start, each call a new stream; the caller closes it. */
    @FunctionalInterface
    public interface Source {
        /** Opens the uploaded content (each call from the start). */
        InputStream open() throws IOException;
    }

    /** Creates the value from its components. */
    public UploadedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(source, "source");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
    }

    /** A file named by PocketBase's rule from the client's {@code originalName} (see {@link #storedName}). */
    public static UploadedFile of(String originalName, byte[] content) {
        byte[] bytes = content.clone();
        return new UploadedFile(storedName(originalName, bytes), originalName, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /** A file of {@code size} bytes read from {@code source}, named by PocketBase's rule from its first bytes. */
    public static UploadedFile of(String originalName, long size, Source source) {
        UploadedFile unnamed = new UploadedFile("", originalName, size, source);
        return new UploadedFile(storedName(originalName, unnamed.head()), originalName, size, source);
    }

    /** Opens the bytes; an I/O failure is an {@link UncheckedIOException}. The caller closes the stream. */
    public InputStream open() {
        try {
            return source.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@link #HEAD_BYTES} bytes (all of them when the file is smaller), e.g. to sniff the content type. */
    public byte[] head() {
        try (InputStream in = open()) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PocketBase's stored file name: the snake_case base name (path segments dropped; a random part added when it is
     * shorter than 3 characters, cut at 100), {@code _}, 10 random {@code [a-z0-9]} and the cleaned lower-case
     * extension (up to two dotted parts, at most 20 characters), or the one the content's type implies when it has none
     * ({@code content} may be just the first {@link #HEAD_BYTES} bytes).
     */
    public static String storedName(String originalName, byte[] content) {
        String name = originalName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        if (name.length() > 300) {
            name = name.substring(name.length() - 300);
        }
        String originalExt = extension(name);
        String ext = "." + trimDots(EXT_INVALID.matcher(originalExt).replaceAll(""));
        if (ext.equals(".")) {
            ext = ContentTypes.extension(ContentTypes.detect(content));
        }
        if (ext.length() > 20) {
            ext = "." + trimDots(ext.substring(ext.length() - 20));
        }
        String base = io.pb4j.core.Inflector.snakecase(trimDots(name.substring(0, name.length() - originalExt.length())));
        if (base.length() < 3) {
            base += io.pb4j.core.security.RandomStrings.fromAlphabet(10, io.pb4j.core.security.RandomStrings.LOWER_ALPHANUMERIC);
        } else if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "_" + io.pb4j.core.security.RandomStrings.fromAlphabet(10, io.pb4j.core.security.RandomStrings.LOWER_ALPHANUMERIC) + ext.toLowerCase(java.util.Locale.ROOT);
    }

    private static String extension(String name) {
        int primary = name.lastIndexOf('.');
        if (primary < 0) {
            return "";
        }
        int secondary = name.lastIndexOf('.', primary - 1);
        return secondary >= 0 ? name.substring(secondary) : name.substring(primary);
    }

    private static String trimDots(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) == '.') {
            a++;
        }
        while (b > a && s.charAt(b - 1) == '.') {
            b--;
        }
        return s.substring(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedFile other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "UploadedFile[" + name + ", " + size + " bytes]";
    }
}
