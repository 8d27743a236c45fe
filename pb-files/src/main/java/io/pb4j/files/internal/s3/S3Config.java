package io.pb4j.files.internal.s3;

import java.net.URI;
import java.util.Map;

/** PocketBase's S3 settings, checked: the bucket, region, endpoint (https://s3.<region>.amazonaws.com when empty) and keys. */
record S3Config(String bucket, String region, URI endpoint, String accessKey, String secret, boolean forcePathStyle) {
    static S3Config of(Map<String, String> settings) {
        String bucket = settings.getOrDefault("bucket", "");
        String region = settings.getOrDefault("region", "");
        String endpoint = settings.getOrDefault("endpoint", "");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("s3: the bucket is missing");
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("s3: the region is missing");
        }
        if (endpoint.isBlank()) {
            endpoint = "https://s3." + region + ".amazonaws.com";
        } else if (!endpoint.contains("://")) {
            endpoint = "https://" + endpoint;
        }
        URI uri;
        try {
            uri = URI.create(endpoint.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("s3: the endpoint is not a URL: " + endpoint);
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("s3: the endpoint is not an http(s) URL: " + endpoint);
        }
        return new S3Config(bucket, region, uri, settings.getOrDefault("accessKey", ""), settings.getOrDefault("secret", ""),
                Boolean.parseBoolean(settings.getOrDefault("forcePathStyle", "false")));
    }
}
