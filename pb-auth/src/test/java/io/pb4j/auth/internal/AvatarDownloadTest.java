package io.pb4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pb4j.core.field.UploadedFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth2 avatars for file fields: downloaded from public addresses only, named after the URL, failures are empty. */
class AvatarDownloadTest {
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/avatars/me.png", x -> {
            byte[] body = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/missing", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedAsPocketBasesSafeClientDoes() throws Exception {
        assertThat(AvatarDownload.fetch(base + "/avatars/me.png")).isEmpty();
        for (String ip : new String[] {"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.0.1", "169.254.1.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1"}) {
            assertThat(AvatarDownload.isPublic(InetAddress.getByName(ip))).as(ip).isFalse();
        }
        assertThat(AvatarDownload.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
    }

    @Test
    void aReachableAvatarBecomesAnUploadNamedAfterTheUrl() {
        Optional<UploadedFile> file = AvatarDownload.fetch(base + "/avatars/me.png", a -> true);
        assertThat(file).isPresent();
        assertThat(file.get().originalName()).isEqualTo("me.png");
        assertThat(file.get().name()).matches("me[a-z0-9]{10}_[a-z0-9]{10}\\.png");
        assertThat(file.get().size()).isEqualTo(10);
        assertThat(file.get().head()).hasSize(10);
    }

    @Test
    void failuresAreEmpty() {
        assertThat(AvatarDownload.fetch(base + "/missing", a -> true)).isEmpty();
        assertThat(AvatarDownload.fetch("ftp://example.com/a.png", a -> true)).isEmpty();
        assertThat(AvatarDownload.fetch("not a url", a -> true)).isEmpty();
    }
}
