package io.pb4j.core.field;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file submitted for a {@code file} field and not stored yet (PocketBase's {@code filesystem.File}): the name it
 * will be stored under, the client's original name and its bytes. Immutable; the bytes are not copied, so the caller
 * must not change them afterwards.
 */
public record UploadedFile(String name, String originalName, byte[] content) {
    private static final Pattern EXT_INVALID = Pattern.compile("[^\\w.*\\-+=#]+");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public UploadedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(content, "content");
    }

    /** A file named by PocketBase's rule from the client's {@code originalName} (see {@link #storedName}). */
    public static UploadedFile of(String originalName, byte[] content) {
        return new UploadedFile(storedName(originalName, content), originalName, content);
    }

    /** The content's size in bytes. */
    public long size() {
        return content.length;
    }

    /**
     * PocketBase's stored file name: the snake_case base name (path segments dropped; a random part added when it is
     * shorter than 3 characters, cut at 100), {@code _}, 10 random {@code [a-z0-9]} and the cleaned lower-case
     * extension (up to two dotted parts, at most 20 characters), or the one the content's type implies when it has none.
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
            base += random(10);
        } else if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "_" + random(10) + ext.toLowerCase(java.util.Locale.ROOT);
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

    private static String random(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
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
        return "UploadedFile[" + name + ", " + content.length + " bytes]";
    }
}
