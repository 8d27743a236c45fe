package io.pb4j.admin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The dashboard's files, read once from this module's resources ({@code ui/files.txt} names them): each is served
 * as {@code /_/assets/<name>.<hash>.<ext>}, where the hash is of its content, so a browser may keep it forever, and
 * is gzip-compressed once here. The ES modules import each other by bare names ({@code pb/api.js}) and are served
 * joined into one (see {@link ModuleLinker}), so no build step rewrites them. {@code prefetch.js} and what it imports
 * are also linked on their own and inlined into the index page, to start the first page's requests early.
 */
record Assets(String index, Map<String, Asset> byPath) {
    static final String PREFIX = "/_/assets/";
    private static final String ROOT = "/io/pb4j/admin/ui/";

    /** One served file: its bytes as they are and gzip-compressed. */
    record Asset(String contentType, byte[] plain, byte[] gzip) {
    }

    Optional<Asset> find(String fileName) {
        return Optional.ofNullable(byPath.get(fileName));
    }

    static Assets load() {
        Map<String, Asset> byPath = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> modules = new LinkedHashMap<>();
        for (String name : new String(read("files.txt"), StandardCharsets.UTF_8).lines().map(String::strip).toList()) {
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (name.endsWith(".js")) {
                modules.put(name, new String(read(name), StandardCharsets.UTF_8));
            } else {
                add(name, read(name), byPath, urls);
            }
        }
        // the modules as one file under main.js's name (ModuleLinker): one cache read and one script to compile
        add("main.js", ModuleLinker.link(modules, "main.js").getBytes(StandardCharsets.UTF_8), byPath, urls);
        String index = new String(read("index.html"), StandardCharsets.UTF_8)
                .replace("{{prefetch.js}}", inline(ModuleLinker.link(modules, "prefetch.js")))
                .replace("{{app.css}}", urls.get("app.css"))
                .replace("{{main.js}}", urls.get("main.js"));
        return new Assets(index, Map.copyOf(byPath));
    }

    /**
     * A linked script as the body of an inline classic script: in a block, so that its modules' constants stay out of
     * the page's global scope, where the joined module script would not see them anyway.
     */
    private static String inline(String script) {
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("a dashboard script inlined into index.html must not contain </script");
        }
        return "{\n" + script + "}\n";
    }

    private static void add(String name, byte[] bytes, Map<String, Asset> byPath, Map<String, String> urls) {
        int dot = name.lastIndexOf('.');
        String hashed = name.substring(0, dot).replace('/', '-') + "." + hash(bytes) + name.substring(dot);
        byPath.put(hashed, new Asset(contentType(name), bytes, gzip(bytes)));
        urls.put(name, PREFIX + hashed);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard file " + name + " is missing from the pb-admin module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
