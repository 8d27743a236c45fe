package io.pb4j.files.internal;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.ContentTypes;
import io.pb4j.core.field.FieldSupport;
import io.pb4j.core.field.UploadedFile;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * pb4j's upload check of images, on every {@code file} field (any of them may be asked for thumbs), stricter than
 * PocketBase: a file whose content sniffs as an image thumbs are made of (PNG, JPEG, GIF, WebP), or whose name claims
 * one ({@code .png}, {@code .jpg}, {@code .jpeg}, {@code .gif}, {@code .webp}), must have an image header a reader
 * understands ({@code validation_invalid_image}) that declares at most {@link ImageHeaders#MAX_PIXELS} pixels
 * ({@code validation_image_too_large}). Only the header is read, never the pixels, so a decompression bomb (a tiny
 * file declaring a huge canvas) costs nothing to refuse. Other files are not looked at.
 */
final class UploadedImages {
    private static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".webp");

    private UploadedImages() {
    }

    /**
     * The error for an upload named {@code name} (as the client sent it: {@code originalName}) whose content type
     * sniffs as {@code sniffed}; {@code content} opens its bytes.
     */
    static Optional<ValidationError> check(String name, String originalName, String sniffed, Supplier<InputStream> content) {
        boolean image = FileDownloadApi.IMAGE_TYPES.contains(sniffed);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean claimsImage = IMAGE_EXTENSIONS.stream().anyMatch(lower::endsWith);
        if (!image && !claimsImage) {
            return Optional.empty();
        }
        String file = originalName.length() > 300 ? originalName.substring(0, 300) : originalName;
        Optional<int[]> size = Optional.empty();
        if (image) {
            try (InputStream in = content.get()) {
                size = ImageHeaders.dimensions(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (size.isEmpty() || size.get()[0] <= 0 || size.get()[1] <= 0) {
            return Optional.of(FieldSupport.error("validation_invalid_image",
                    "Failed to upload {{.file}} - the file is not a valid image.", Map.of("file", file)));
        }
        long pixels = (long) size.get()[0] * size.get()[1];
        if (pixels > ImageHeaders.MAX_PIXELS) {
            return Optional.of(FieldSupport.error("validation_image_too_large",
                    "Failed to upload {{.file}} - the image is {{.width}}x{{.height}} pixels, more than the allowed {{.maxPixels}}.",
                    Map.of("file", file, "width", size.get()[0], "height", size.get()[1], "maxPixels", ImageHeaders.MAX_PIXELS)));
        }
        return Optional.empty();
    }

    /** {@link #check} of an upload. */
    static Optional<ValidationError> check(UploadedFile upload) {
        return check(upload.name(), upload.originalName(), ContentTypes.detect(upload.head()), upload::open);
    }
}
