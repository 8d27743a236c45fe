package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.Uploads.Part;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The file field over real HTTP: multipart uploads, modifiers, clean-up on disk and {@code GET /api/files}. */
class FilesApiTest {
    private static final byte[] TEXT = "hello files\n".getBytes(StandardCharsets.UTF_8);
    private static TestServer server;
    private static String su;
    private static String docsId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        su = server.superuserToken();
        String body = server.expect("POST", "/api/collections", su, """
                {"name":"docs","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                 "fields":[{"type":"text","name":"title"},
                           {"type":"file","name":"files","maxSelect":3,"maxSize":100000},
                           {"type":"file","name":"image","maxSelect":1,"mimeTypes":["image/png","image/jpeg","image/gif"],
                            "thumbs":["50x0","0x40","60x30t","60x30b","60x30f","60x30"],"maxSize":2000000}],
                 "indexes":["CREATE UNIQUE INDEX idx_docs_title ON docs (title)"]}""", 200);
        docsId = Uploads.id(body);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Path storage() {
        return server.dir.resolve("storage");
    }

    private static Path recordDir(String recordId) {
        return storage().resolve(docsId).resolve(recordId);
    }

    private static long filesUnder(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String create(Part... parts) {
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/docs/records", null, parts);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.text();
    }

    @Test
    void uploadsAreStoredUnderPocketBasesNamesAndServedBack() throws Exception {
        String record = create(Part.text("title", "upload"), Part.file("files", "My Report.TXT", TEXT),
                Part.file("files", "reports/passwd", TEXT));
        String id = Uploads.id(record);
        List<String> names = Uploads.names(record, "files");
        assertThat(names).hasSize(2);
        assertThat(names.get(0)).matches("my_report_[a-z0-9]{10}\\.txt");
        assertThat(names.get(1)).matches("passwd_[a-z0-9]{10}\\.txt");
        Path stored = recordDir(id).resolve(names.get(0));
        assertThat(stored).hasBinaryContent(TEXT);
        assertThat(Files.readString(stored.resolveSibling(names.get(0) + ".attrs")))
                .contains("\"user.content_type\":\"text/plain; charset=utf-8\"", "\"original-filename\":\"My Report.TXT\"");

        Uploads.Response file = Uploads.get(server, "/api/files/docs/" + id + "/" + names.get(0));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(TEXT);
        assertThat(file.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + names.get(0) + "\"");
        assertThat(file.header("Content-Security-Policy")).isEqualTo("default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
        assertThat(file.header("Cache-Control")).isEqualTo("max-age=2592000, stale-while-revalidate=86400");
        assertThat(file.headers().firstValue("X-Frame-Options")).isEmpty();
        // the collection may be named by id too
        assertThat(Uploads.get(server, "/api/files/" + docsId + "/" + id + "/" + names.get(0)).status()).isEqualTo(200);
    }

    @Test
    void imagesAreInlineUnlessDownloadIsAsked() {
        byte[] png = Uploads.image("png", 30, 20);
        String record = create(Part.text("title", "inline"), Part.file("image", "pic.png", png));
        String url = "/api/files/docs/" + Uploads.id(record) + "/" + Uploads.names(record, "image").getFirst();
        Uploads.Response inline = Uploads.get(server, url);
        assertThat(inline.header("Content-Type")).isEqualTo("image/png");
        assertThat(inline.header("Content-Disposition")).startsWith("inline; filename=\"pic_");
        assertThat(Uploads.get(server, url + "?download=1").header("Content-Disposition")).startsWith("attachment; filename=\"pic_");
        assertThat(Uploads.get(server, url + "?download=0").header("Content-Disposition")).startsWith("inline;");
    }

    @Test
    void rangesAreServed() {
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        String record = create(Part.text("title", "ranges"), Part.file("files", "r.txt", content));
        String url = "/api/files/docs/" + Uploads.id(record) + "/" + Uploads.names(record, "files").getFirst();
        Uploads.Response part = Uploads.get(server, url, "Range", "bytes=2-5");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.text()).isEqualTo("2345");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 2-5/20");
        assertThat(Uploads.get(server, url, "Range", "bytes=-3").text()).isEqualTo("hij");
        assertThat(Uploads.get(server, url, "Range", "bytes=15-").text()).isEqualTo("fghij");
        Uploads.Response bad = Uploads.get(server, url, "Range", "bytes=50-60");
        assertThat(bad.status()).isEqualTo(416);
        assertThat(bad.header("Content-Range")).isEqualTo("bytes */20");
        Uploads.Response whole = Uploads.get(server, url);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        Uploads.Response notModified = Uploads.get(server, url, "If-Modified-Since", whole.header("Last-Modified"));
        assertThat(notModified.status()).isEqualTo(304);
    }

    @Test
    void modifiersAppendRemoveAndClearAndDroppedFilesLeaveTheDisk() throws Exception {
        String record = create(Part.text("title", "modifiers"), Part.file("files", "a.txt", TEXT));
        String id = Uploads.id(record);
        String first = Uploads.names(record, "files").getFirst();
        String path = "/api/collections/docs/records/" + id;

        Uploads.Response appended = Uploads.multipart(server, "PATCH", path, null, Part.file("files+", "b.txt", TEXT));
        assertThat(appended.status()).as(appended.text()).isEqualTo(200);
        List<String> two = Uploads.names(appended.text(), "files");
        assertThat(two).hasSize(2).startsWith(first);
        assertThat(filesUnder(recordDir(id))).isEqualTo(4); // two files and their .attrs

        Uploads.Response removed = Uploads.multipart(server, "PATCH", path, null, Part.text("files-", first));
        assertThat(Uploads.names(removed.text(), "files")).containsExactly(two.get(1));
        assertThat(recordDir(id).resolve(first)).doesNotExist();
        assertThat(recordDir(id).resolve(first + ".attrs")).doesNotExist();

        // the plain key replaces: kept names are listed, new files join them
        Uploads.Response replaced = Uploads.multipart(server, "PATCH", path, null, Part.file("files", "c.txt", TEXT));
        List<String> onlyNew = Uploads.names(replaced.text(), "files");
        assertThat(onlyNew).hasSize(1).doesNotContain(two.get(1));
        assertThat(recordDir(id).resolve(two.get(1))).doesNotExist();

        assertThat(server.send("PATCH", path, null, "{\"files\":[]}").status()).isEqualTo(200);
        assertThat(recordDir(id)).doesNotExist();
    }

    @Test
    void aNameTheRecordDoesNotHoldIsAnInvalidFile() {
        String record = create(Part.text("title", "invalid names"), Part.file("files", "a.txt", TEXT));
        Uploads.Response r = Uploads.multipart(server, "PATCH", "/api/collections/docs/records/" + Uploads.id(record), null,
                Part.text("files", "someone_elses_file.txt"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"files\":{\"code\":\"validation_invalid_file\"",
                "\"message\":\"Invalid new files: [someone_elses_file.txt].\"");
    }

    @Test
    void rejectedUploadsLeaveNothingOnDisk() throws Exception {
        long before = filesUnder(storage());
        Uploads.Response tooMany = Uploads.multipart(server, "POST", "/api/collections/docs/records", null,
                Part.file("files", "1.txt", TEXT), Part.file("files", "2.txt", TEXT), Part.file("files", "3.txt", TEXT),
                Part.file("files", "4.txt", TEXT));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text()).contains("\"files\":{\"code\":\"validation_too_many_files\",\"message\":\"The maximum allowed files is 3.\"",
                "\"params\":{\"maxSelect\":3}");
        Uploads.Response tooBig = Uploads.multipart(server, "POST", "/api/collections/docs/records", null,
                Part.file("files", "big.bin", new byte[100001]));
        assertThat(tooBig.text()).contains("\"files\":{\"code\":\"validation_file_size_limit\"",
                "Failed to upload big.bin - the maximum allowed file size is 100000 bytes.");
        // a text file named like an image is judged by its bytes
        Uploads.Response fakeImage = Uploads.multipart(server, "POST", "/api/collections/docs/records", null,
                Part.file("image", "photo.png", TEXT));
        assertThat(fakeImage.status()).isEqualTo(400);
        assertThat(fakeImage.text()).contains("\"image\":{\"code\":\"validation_invalid_mime_type\"",
                "mime type must be one of: image/png, image/jpeg, image/gif.");
        assertThat(filesUnder(storage())).isEqualTo(before);
    }

    @Test
    void aPathTraversalInAnUploadNameIsRefusedAndStoresNothing() throws Exception {
        long before = filesUnder(storage());
        for (String name : List.of("../../../etc/passwd", "a/../b.txt", "..")) {
            Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/docs/records", null,
                    Part.text("title", "traversal " + name), Part.file("files", name, TEXT));
            assertThat(r.status()).as(name).isEqualTo(400);
            assertThat(r.text()).as(name).contains("\"files\":{\"code\":\"validation_invalid_file_name\"",
                    "a file name must not contain \\\"..\\\" path segments.");
        }
        assertThat(filesUnder(storage())).isEqualTo(before);
        // dots inside a name are no traversal
        assertThat(Uploads.names(create(Part.text("title", "dots"), Part.file("files", "v1..2.txt", TEXT)), "files").getFirst())
                .startsWith("v1").doesNotContain("/");
    }

    @Test
    void aWriteThatFailsAfterTheUploadRemovesItAgain() throws Exception {
        create(Part.text("title", "taken"));
        long before = filesUnder(storage());
        Uploads.Response duplicate = Uploads.multipart(server, "POST", "/api/collections/docs/records", null,
                Part.text("title", "taken"), Part.file("files", "late.txt", TEXT));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.text()).contains("\"title\":{\"code\":\"validation_not_unique\"");
        assertThat(filesUnder(storage())).isEqualTo(before);
    }

    @Test
    void deletingARecordRemovesItsFolder() {
        String record = create(Part.text("title", "to delete"), Part.file("files", "x.txt", TEXT),
                Part.file("image", "i.png", Uploads.image("png", 20, 20)));
        String id = Uploads.id(record);
        String image = Uploads.names(record, "image").getFirst();
        assertThat(Uploads.get(server, "/api/files/docs/" + id + "/" + image + "?thumb=50x0").status()).isEqualTo(200);
        assertThat(recordDir(id).resolve("thumbs_" + image)).isDirectory();
        assertThat(server.send("DELETE", "/api/collections/docs/records/" + id, null, null).status()).isEqualTo(204);
        assertThat(recordDir(id)).doesNotExist();
    }

    @Test
    void missingCollectionsRecordsAndFilesAre404() {
        String record = create(Part.text("title", "404s"), Part.file("files", "x.txt", TEXT));
        String id = Uploads.id(record);
        String name = Uploads.names(record, "files").getFirst();
        assertThat(Uploads.get(server, "/api/files/missing/" + id + "/" + name).status()).isEqualTo(404);
        assertThat(Uploads.get(server, "/api/files/docs/missing/" + name).status()).isEqualTo(404);
        assertThat(Uploads.get(server, "/api/files/docs/" + id + "/other.txt").status()).isEqualTo(404);
        assertThat(Uploads.get(server, "/api/files/docs/" + id + "/" + name + ".attrs").status()).isEqualTo(404);
        assertThat(Uploads.get(server, "/api/files/docs/" + id + "/..%2F..%2F..%2Fdata.db").status()).isEqualTo(404);
        assertThat(Uploads.get(server, "/api/files/docs/" + id + "/" + name).text()).isEqualTo("hello files\n");
    }

    @Test
    void jsonBodiesCanClearASingleFileWithAnEmptyString() {
        String record = create(Part.text("title", "clear single"), Part.file("image", "one.png", Uploads.image("png", 10, 10)));
        String id = Uploads.id(record);
        String body = server.expect("PATCH", "/api/collections/docs/records/" + id, null, "{\"image\":\"\"}", 200);
        assertThat(body).contains("\"image\":\"\"");
        assertThat(recordDir(id)).doesNotExist();
    }
}
