package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class InstallerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aFreshServerPrintsALinkWhoseTokenCreatesTheFirstSuperuserAndTheInstallerGoes() throws Exception {
        try (DashboardServer server = new DashboardServer(false)) {
            String link = server.installerLink();
            assertThat(link).startsWith(server.base + "/_/#/pbinstall/");
            assertThat(server.startOutput).contains("superuser upsert EMAIL PASS");
            String token = link.substring(link.lastIndexOf('/') + 1);

            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.base + "/api/collections/_superusers/records"))
                    .header("Authorization", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"first@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(server.app.findAuthRecordByEmail("_superusers", "first@example.com")).isPresent();
            assertThat(server.app.findAuthRecordByEmail("_superusers", Installer.EMAIL)).isEmpty();
            // the installer's token died with its record: the request has no auth, and listing superusers needs one (403)
            HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(server.base + "/api/collections/_superusers/records"))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(403);
            assertThat(Installer.installerToken(server.app)).isEmpty();
        }
    }

    @Test
    void withoutSuperusersEachServeReusesTheOneInstallerRecord() {
        try (DashboardServer server = new DashboardServer(false)) {
            String first = Installer.installerToken(server.app).orElseThrow();
            String second = Installer.installerToken(server.app).orElseThrow();
            assertThat(first).isNotBlank();
            assertThat(second).isNotBlank();
            assertThat(server.app.countRecords("_superusers")).isEqualTo(1);
        }
    }
}
