package io.pb4j.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.field.UploadedFile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code app.files()} and records with uploads from Java, on the local backend and, once the settings enable
 * {@code s3}, on a real S3-compatible server (s3rver); the S3 settings test seam and the backups storage.
 */
class AppFilesTest {
    private static S3rver s3;

    @TempDir
    Path dir;
    private PocketBase app;
    private Collection docs;

    @BeforeAll
    static void startS3() {
        s3 = new S3rver();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void start() {
        app = PocketBase.create(cfg -> cfg.dataDir(dir));
        app.bootstrap();
        app.importCollections(List.of(Json.createReader(new java.io.StringReader(
                "{\"name\":\"docs\",\"type\":\"base\",\"fields\":[{\"name\":\"doc\",\"type\":\"file\",\"maxSelect\":2}]}")).readObject()), false);
        docs = app.findCollection("docs").orElseThrow();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static JsonObject s3Settings(String bucket) {
        return Json.createObjectBuilder().add("enabled", true).add("bucket", bucket).add("region", "us-east-1")
                .add("endpoint", s3.endpoint()).add("accessKey", S3rver.KEY).add("secret", S3rver.KEY).add("forcePathStyle", true).build();
    }

    private void enableS3(String key) {
        app.saveSettings(Json.createObjectBuilder(app.settings()).add(key, s3Settings(S3rver.BUCKET)).build());
    }

    private String read(String key) throws Exception {
        try (InputStream in = app.files().open(key).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Record saveWithUpload(String name, String content) {
        Record r = Record.create(docs);
        r.set("doc", UploadedFile.of(name, content.getBytes(StandardCharsets.UTF_8)));
        return app.save(r);
    }

    @Test
    void recordsSavedFromJavaStoreTheirUploadsLocally() throws Exception {
        Record r = saveWithUpload("notes.txt", "local bytes");
        String name = r.getStringSlice("doc").getFirst();
        assertThat(name).matches("notes_[a-z0-9]{10}\\.txt");
        String key = docs.id() + "/" + r.id() + "/" + name;
        assertThat(dir.resolve("storage").resolve(key)).hasContent("local bytes");
        assertThat(read(key)).isEqualTo("local bytes");
        assertThat(app.files().attributes(key).orElseThrow().originalName()).isEqualTo("notes.txt");
        app.delete(r);
        assertThat(app.files().attributes(key)).isEmpty();
    }

    @Test
    void withS3EnabledUploadsGoToTheBucketAndDeletesRemoveThem() throws Exception {
        enableS3("s3");
        Record r = saveWithUpload("remote.txt", "s3 bytes");
        String name = r.getStringSlice("doc").getFirst();
        String key = docs.id() + "/" + r.id() + "/" + name;
        assertThat(read(key)).isEqualTo("s3 bytes");
        assertThat(app.files().attributes(key).orElseThrow().contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(app.files().list(docs.id() + "/" + r.id() + "/")).containsExactly(key);
        assertThat(dir.resolve("storage").resolve(key)).doesNotExist();

        r.set("doc", List.of(name, UploadedFile.of("second.txt", "two".getBytes(StandardCharsets.UTF_8))));
        app.save(r);
        assertThat(app.files().list(docs.id() + "/" + r.id() + "/")).hasSize(2);
        app.delete(r);
        assertThat(app.files().list(docs.id() + "/" + r.id() + "/")).isEmpty();
    }

    @Test
    void theS3SettingsSeamChecksABucket() {
        app.files().testS3(s3Settings(S3rver.BUCKET));
        assertThatThrownBy(() -> app.files().testS3(s3Settings("no-such-bucket"))).hasMessageContaining("404");
        JsonObject noBucket = Json.createObjectBuilder(s3Settings(S3rver.BUCKET)).add("bucket", "").build();
        assertThatThrownBy(() -> app.files().testS3(noBucket)).hasMessageContaining("bucket");
    }

    @Test
    void backupsLiveInPbDataBackupsOrInTheirOwnS3Bucket() throws Exception {
        app.files().backups().upload("pb_backup_1.zip", "zip".getBytes(StandardCharsets.UTF_8), "");
        assertThat(dir.resolve("backups").resolve("pb_backup_1.zip")).hasContent("zip");
        app.saveSettings(Json.createObjectBuilder(app.settings())
                .add("backups", Json.createObjectBuilder().add("s3", s3Settings(S3rver.BUCKET))).build());
        app.files().backups().upload("pb_backup_2.zip", "zip2".getBytes(StandardCharsets.UTF_8), "");
        assertThat(app.files().backups().list("pb_backup_")).containsExactly("pb_backup_2.zip");
        assertThat(Files.exists(dir.resolve("backups").resolve("pb_backup_2.zip"))).isFalse();
        app.files().backups().delete("pb_backup_2.zip");
        assertThat(app.files().backups().list("pb_backup_")).isEmpty();
    }

    @Test
    void appBackupsGoToTheS3BucketOfBackupsS3AndRestoreFromIt() throws Exception {
        app.saveSettings(Json.createObjectBuilder(app.settings())
                .add("backups", Json.createObjectBuilder().add("s3", s3Settings(S3rver.BUCKET))).build());
        Record kept = saveWithUpload("kept.txt", "kept bytes");

        app.backups().create("on_s3.zip");
        assertThat(app.backups().list()).extracting(io.pb4j.core.BackupFile::key).contains("on_s3.zip");
        assertThat(app.files().backups().list("on_s3")).containsExactly("on_s3.zip");
        assertThat(Files.exists(dir.resolve("backups").resolve("on_s3.zip"))).isFalse();

        app.delete(app.findRecordById(docs, kept.id()).orElseThrow());
        app.backups().restore("on_s3.zip");
        assertThat(app.findRecordById(app.findCollection("docs").orElseThrow(), kept.id())).isPresent();

        app.files().backups().delete("on_s3.zip");
    }
}
