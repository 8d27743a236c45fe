package io.pb4j.http;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Multipart bodies with binary file parts, byte-exact responses, and test images, for the file tests. */
final class Uploads {
    static final String BOUNDARY = "----pb4jUploadBoundary5xQ";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Uploads() {
    }

    /** One part: a text value ({@code file == null}) or a file with its client name. */
    record Part(String name, String value, String filename, byte[] file) {
        static Part text(String name, String value) {
            return new Part(name, value, null, null);
        }

        static Part file(String name, String filename, byte[] content) {
            return new Part(name, null, filename, content);
        }
    }

    static byte[] form(Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.file() == null ? "\r\n\r\n" : "; filename=\"" + p.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.file() == null ? p.value().getBytes(StandardCharsets.UTF_8) : p.file());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    record Response(int status, byte[] body, HttpHeaders headers) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    static Response multipart(TestServer s, String method, String path, String token, Part... parts) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        if (token != null) {
            headers.put("Authorization", token);
        }
        return send(s, method, path, headers, form(parts));
    }

    static Response get(TestServer s, String path, String... headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return send(s, "GET", path, map, null);
    }

    static Response send(TestServer s, String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A w×h image in {@code format} (png, jpeg, gif): red on the left half, blue on the right. */
    static byte[] image(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The width and height of an image. */
    static int[] size(byte[] image) {
        try {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(image));
            return new int[] {img.getWidth(), img.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string values of a JSON array or string member of a record. */
    static List<String> names(String json, String field) {
        var o = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        List<String> out = new ArrayList<>();
        if (o.get(field) instanceof jakarta.json.JsonArray a) {
            a.forEach(v -> out.add(((jakarta.json.JsonString) v).getString()));
        } else if (o.get(field) instanceof jakarta.json.JsonString str && !str.getString().isEmpty()) {
            out.add(str.getString());
        }
        return out;
    }

    static String id(String json) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().getString("id");
    }
}
