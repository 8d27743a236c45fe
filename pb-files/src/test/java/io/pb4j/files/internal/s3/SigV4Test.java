package io.pb4j.files.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature V4 against the worked example of AWS's S3 documentation ("GET Object", examplebucket). */
class SigV4Test {
    @Test
    void matchesAwsWorkedExampleForGetObject() {
        Map<String, String> headers = SigV4.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                Map.of("range", "bytes=0-9"), SigV4.EMPTY_SHA256, "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", ZonedDateTime.of(2013, 5, 24, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(headers.get("authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(headers).containsEntry("x-amz-date", "20130524T000000Z").doesNotContainKey("host");
    }

    @Test
    void encodesKeysAsS3Does() {
        assertThat(SigV4.encode("a b/ü+c~.txt", true)).isEqualTo("a%20b/%C3%BC%2Bc~.txt");
        assertThat(SigV4.encode("a/b", false)).isEqualTo("a%2Fb");
    }
}
