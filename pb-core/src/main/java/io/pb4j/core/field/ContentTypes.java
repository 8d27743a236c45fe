package io.pb4j.core.field;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Content-type sniffing from a file's first bytes, with the names PocketBase's detector ({@code mimetype}) reports
 * for the types uploads commonly have ({@code image/png}, {@code text/plain; charset=utf-8} …); anything it does not
 * recognise is {@code application/octet-stream}. The declared type of an upload is never trusted. Thread-safe.
 */
public final class ContentTypes {
    /** The fallback type for unrecognised content. */
    public static final String BINARY = "application/octet-stream";

    private static final int HEAD = 3072;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
            Map.entry("image/webp", ".webp"), Map.entry("image/bmp", ".bmp"), Map.entry("image/svg+xml", ".svg"),
            Map.entry("image/x-icon", ".ico"), Map.entry("image/tiff", ".tiff"), Map.entry("application/pdf", ".pdf"),
            Map.entry("application/zip", ".zip"), Map.entry("application/gzip", ".gz"), Map.entry("application/json", ".json"),
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/xml", ".xml"),
            Map.entry("video/mp4", ".mp4"), Map.entry("video/webm", ".webm"), Map.entry("audio/mpeg", ".mp3"),
            Map.entry("audio/wav", ".wav"), Map.entry("audio/ogg", ".ogg"));

    private ContentTypes() {
    }

    /** The content type of {@code content}, judged by its bytes only. */
    public static String detect(byte[] content) {
        int n = Math.min(content.length, HEAD);
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(content, 'G', 'I', 'F', '8', '7', 'a') || starts(content, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (starts(content, 'R', 'I', 'F', 'F') && at(content, 8, "WEBP")) {
            return "image/webp";
        }
        if (starts(content, 'R', 'I', 'F', 'F') && at(content, 8, "WAVE")) {
            return "audio/wav";
        }
        if (starts(content, 'B', 'M') && content.length > 14) {
            return "image/bmp";
        }
        if (starts(content, 0, 0, 1, 0)) {
            return "image/x-icon";
        }
        if (starts(content, 'I', 'I', '*', 0) || starts(content, 'M', 'M', 0, '*')) {
            return "image/tiff";
        }
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(content, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (starts(content, 0x1F, 0x8B)) {
            return "application/gzip";
        }
        if (content.length > 8 && at(content, 4, "ftyp")) {
            return "video/mp4";
        }
        if (starts(content, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (starts(content, 'I', 'D', '3') || starts(content, 0xFF, 0xFB)) {
            return "audio/mpeg";
        }
        if (starts(content, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        String text = utf8Head(content, n);
        if (text == null) {
            return BINARY;
        }
        String trimmed = text.stripLeading().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("<svg") || (trimmed.startsWith("<?xml") && trimmed.contains("<svg"))) {
            return "image/svg+xml";
        }
        if (trimmed.startsWith("<!doctype html") || trimmed.startsWith("<html") || trimmed.startsWith("<head")
                || trimmed.startsWith("<body") || trimmed.startsWith("<script")) {
            return "text/html; charset=utf-8";
        }
        if (trimmed.startsWith("<?xml")) {
            return "text/xml; charset=utf-8";
        }
        if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && n == content.length
                && io.pb4j.core.StrictJson.parse(content).isPresent()) {
            return "application/json";
        }
        return "text/plain; charset=utf-8";
    }

    /**
     * Whether a detected type is {@code wanted}, as PocketBase's {@code mimetype.Is}: parameters such as
     * {@code charset} are ignored and case does not matter.
     */
    public static boolean is(String detected, String wanted) {
        return bare(detected).equals(bare(wanted)) || ("image/jpeg".equals(bare(detected)) && "image/jpg".equals(bare(wanted)));
    }

    /** The extension (with its dot) that PocketBase gives content of this type, {@code ""} when none. */
    public static String extension(String contentType) {
        return EXTENSIONS.getOrDefault(bare(contentType), "");
    }

    private static String bare(String type) {
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The head as text when it is valid UTF-8 without control bytes (a cut multi-byte sequence at the end is fine). */
    private static String utf8Head(byte[] content, int n) {
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                return null;
            }
        }
        int end = n;
        if (n < content.length) {
            while (end > 0 && end > n - 4 && (content[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (content[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean at(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
