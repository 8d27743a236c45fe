package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.CLIENT;
import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.s;

import io.pb4j.http.PbScenario.Skipped;
import java.util.List;

/**
 * PocketBase's scenarios of {@code apis/file_test.go} ({@code GET /api/files/...} over the fixture's storage, with its
 * hard-coded file tokens), ported as data. Every download scenario also runs as HEAD, as the Go test does. Binary
 * bodies are checked by their format markers, not byte for byte.
 */
final class PocketBaseFileScenarios {
    private PocketBaseFileScenarios() {
    }

    /** PocketBase's test superuser's file token (expires in 2050). */
    private static final String VALID_SUPERUSER_FILE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJwYmNfMzE0MjYzNTgyMyJ9.Lupz541xRvrktwkrl55p5pPCF77T69ZRsohsIcb2dxc";

    /** The boundary of the multipart bodies below (Go's tests.MockMultipartData). */
    private static final String BOUNDARY = "pb4jGoMockBoundary";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    /** A multipart body: the text fields (name, value pairs), then one "test" file named tmpfile-<n>.txt per file key. */
    private static String mock(String[] fields, String... fileKeys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            b.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        int n = 0;
        for (String key : fileKeys) {
            b.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(key)
                    .append("\"; filename=\"/tmp/tmpfile-").append(++n).append(".txt\"\r\nContent-Type: application/octet-stream\r\n\r\ntest\r\n");
        }
        return b.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    private static final String BATCH_PAYLOAD = """
            {
            	"requests":[
            		{"method":"POST", "url":"/api/collections/demo3/records", "body": {"title": "batch1"}},
            		{"method":"POST", "url":"/api/collections/demo3/records", "body": {"title": "batch2"}},
            		{"method":"POST", "url":"/api/collections/demo3/records", "body": {"title": "batch3"}},
            		{"method":"PATCH", "url":"/api/collections/demo3/records/lcl9d87w22ml6jy", "body": {"files-": "test_FLurQTgrY8.txt"}}
            	]
            }""";

    /** The body-limit probes: zero bytes, one past or exactly at 32 MiB + 5 + 2×10 + 2. */
    private static final int LIMIT = (32 << 20) + 5 + 20 + 2;

    static final List<PbScenario> PORTED = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            s("record_crud_test.go", "TestRecordCrudCreate", 1763, "superuser submit via multipart form data", "POST", "/api/collections/demo3/records",
                    SUPERUSER, mock(new String[] {"title", "title_test"}, "files"), 200)
                    .header("Content-Type", MULTIPART).expect("\"id\":\"", "\"title\":\"title_test\"", "\"files\":[\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1792, "submit via multipart form data with @jsonPayload key and unsatisfied @request.body rule",
                    "POST", "/api/collections/demo3/records", null,
                    mock(new String[] {"@jsonPayload", "{\"title\": \"title_test2\", \"testPayload\": 123}"}, "files"), 400)
                    .header("Content-Type", MULTIPART).setup(Setup.DEMO3_CREATE_PAYLOAD_NOT_123).expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1814, "submit via multipart form data with @jsonPayload key and satisfied @request.body rule",
                    "POST", "/api/collections/demo3/records", null,
                    mock(new String[] {"@jsonPayload", "{\"title\": \"title_test3\", \"testPayload\": 123}"}, "files"), 200)
                    .header("Content-Type", MULTIPART).setup(Setup.DEMO3_CREATE_PAYLOAD_123)
                    .expect("\"id\":\"", "\"title\":\"title_test3\"", "\"files\":[\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 2446, "body > collection BodyLimit", "POST", "/api/collections/demo1/records", null,
                    "\0".repeat(LIMIT + 1), 413).setup(Setup.DEMO1_SMALL_BODY_LIMIT).expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2479, "body <= collection BodyLimit", "POST", "/api/collections/demo1/records", null,
                    "\0".repeat(LIMIT), 400).setup(Setup.DEMO1_SMALL_BODY_LIMIT).expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2804, "superuser submit via multipart form data", "PATCH",
                    "/api/collections/demo3/records/mk5fmymtx4wsprk", SUPERUSER, mock(new String[] {"title", "title_test"}, "files"), 200)
                    .header("Content-Type", MULTIPART).expect("\"id\":\"mk5fmymtx4wsprk\"", "\"title\":\"title_test\"", "\"files\":[\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2833, "submit via multipart form data with @jsonPayload key and unsatisfied @request.body rule",
                    "PATCH", "/api/collections/demo3/records/mk5fmymtx4wsprk", null,
                    mock(new String[] {"@jsonPayload", "{\"title\": \"title_test2\", \"testPayload\": 123}"}, "files"), 404)
                    .header("Content-Type", MULTIPART).setup(Setup.DEMO3_UPDATE_PAYLOAD_NOT_123).expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2855, "submit via multipart form data with @jsonPayload key and satisfied @request.body rule",
                    "PATCH", "/api/collections/demo3/records/mk5fmymtx4wsprk", null,
                    mock(new String[] {"@jsonPayload", "{\"title\": \"title_test3\", \"testPayload\": 123, \"files\":\"300_JdfBOieXAW.png\"}"}, "files"), 200)
                    .header("Content-Type", MULTIPART).setup(Setup.DEMO3_UPDATE_PAYLOAD_123)
                    .expect("\"id\":\"mk5fmymtx4wsprk\"", "\"title\":\"title_test3\"", "\"files\":[\"300_JdfBOieXAW.png\",\"tmpfile_"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3539, "body > collection BodyLimit", "PATCH", "/api/collections/demo1/records/imy661ixudk5izi", null,
                    "\0".repeat(LIMIT + 1), 413).setup(Setup.DEMO1_SMALL_BODY_LIMIT).expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3572, "body <= collection BodyLimit", "PATCH", "/api/collections/demo1/records/imy661ixudk5izi", null,
                    "\0".repeat(LIMIT), 400).setup(Setup.DEMO1_SMALL_BODY_LIMIT).expect("\"data\":{}"),
            s("batch_test.go", "TestBatchRequest", 601, "multipart/form-data + file upload", "POST", "/api/batch", CLIENT,
                    mock(new String[] {"@jsonPayload", BATCH_PAYLOAD}, "requests.0.files", "requests.0.files", "requests.0.files", "requests[2].files"), 200)
                    .header("Content-Type", MULTIPART).after(After.DEMO3_BATCH_FILES)
                    .expect("\"title\":\"batch1\"", "\"title\":\"batch2\"", "\"title\":\"batch3\"", "\"id\":\"lcl9d87w22ml6jy\"",
                            "\"files\":[\"300_UhLKX91HVb.png\"]", "\"tmpfile_", "\"status\":200", "\"body\":{")),
            List.of(
            s("file_test.go", "TestFileDownload", 149, "(HEAD) missing collection", "HEAD", "/api/files/missing/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 404),
            s("file_test.go", "TestFileDownload", 157, "(HEAD) missing record", "HEAD", "/api/files/_pb_users_auth_/missing/300_1SEi6Q6U72.png", null, null, 404),
            s("file_test.go", "TestFileDownload", 165, "(HEAD) missing file", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/missing.png", null, null, 404),
            s("file_test.go", "TestFileDownload", 173, "(HEAD) existing image", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 200),
            s("file_test.go", "TestFileDownload", 184, "(HEAD) existing image - missing thumb (should fallback to the original)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=999x999", null, null, 200),
            s("file_test.go", "TestFileDownload", 203, "(HEAD) existing image - existing thumb (crop center)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50", null, null, 200),
            s("file_test.go", "TestFileDownload", 222, "(HEAD) existing image - existing thumb (crop top)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50t", null, null, 200),
            s("file_test.go", "TestFileDownload", 241, "(HEAD) existing image - existing thumb (crop bottom)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50b", null, null, 200),
            s("file_test.go", "TestFileDownload", 260, "(HEAD) existing image - existing thumb (fit)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50f", null, null, 200),
            s("file_test.go", "TestFileDownload", 279, "(HEAD) existing image - existing thumb (zero width)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=0x50", null, null, 200),
            s("file_test.go", "TestFileDownload", 298, "(HEAD) existing image - existing thumb (zero height)", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x0", null, null, 200),
            s("file_test.go", "TestFileDownload", 317, "(HEAD) existing non image file - thumb parameter should be ignored", "HEAD", "/api/files/_pb_users_auth_/oap640cot4yru2s/test_kfd2wYLxkz.txt?thumb=100x100", null, null, 200),
            s("file_test.go", "TestFileDownload", 338, "(HEAD) protected file - superuser with expired file token", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsImV4cCI6MTY0MDk5MTY2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJwYmNfMzE0MjYzNTgyMyJ9.nqqtqpPhxU0045F4XP_ruAkzAidYBc5oPy9ErN3XBq0", null, null, 404),
            s("file_test.go", "TestFileDownload", 346, "(HEAD) protected file - superuser with valid file token", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJwYmNfMzE0MjYzNTgyMyJ9.Lupz541xRvrktwkrl55p5pPCF77T69ZRsohsIcb2dxc", null, null, 200),
            s("file_test.go", "TestFileDownload", 357, "(HEAD) protected file - superuser with non-whitelisted IP", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=" + VALID_SUPERUSER_FILE_TOKEN, null, null, 404)
                    .header("x-test-ip", "127.0.0.1").setup(Setup.SUPERUSER_IP_OTHER),
            s("file_test.go", "TestFileDownload", 378, "(HEAD) protected file - superuser with whitelisted IP", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=" + VALID_SUPERUSER_FILE_TOKEN, null, null, 200)
                    .header("x-test-ip", "127.0.0.1").setup(Setup.SUPERUSER_IP_LOCAL),
            s("file_test.go", "TestFileDownload", 401, "(HEAD) protected file - guest without view access", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png", null, null, 404),
            s("file_test.go", "TestFileDownload", 409, "(HEAD) protected file - guest with view access", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png", null, null, 200)
                    .setup(Setup.DEMO1_VIEW_PUBLIC),
            s("file_test.go", "TestFileDownload", 431, "(HEAD) protected file - auth record without view access", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 404)
                    .setup(Setup.DEMO1_VIEW_VERIFIED),
            s("file_test.go", "TestFileDownload", 450, "(HEAD) protected file - auth record with view access", "HEAD", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 200)
                    .setup(Setup.DEMO1_VIEW_UNVERIFIED),
            s("file_test.go", "TestFileDownload", 472, "(HEAD) protected file in view (view's View API rule failure)", "HEAD", "/api/files/view1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 404),
            s("file_test.go", "TestFileDownload", 480, "(HEAD) protected file in view (view's View API rule success)", "HEAD", "/api/files/view1/84nmscqy84lsi1t/test_d61b33QdDU.txt?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 200),
            s("file_test.go", "TestFileDownload", 494, "(HEAD) RateLimit rule - users:file", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_FILE),
            s("file_test.go", "TestFileDownload", 510, "(HEAD) RateLimit rule - *:file", "HEAD", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_FILE),
            s("file_test.go", "TestFileDownload", 149, "missing collection", "GET", "/api/files/missing/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 404)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 157, "missing record", "GET", "/api/files/_pb_users_auth_/missing/300_1SEi6Q6U72.png", null, null, 404)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 165, "missing file", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/missing.png", null, null, 404)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 173, "existing image", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("ExpectedContent is the whole fixture image: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 184, "existing image - missing thumb (should fallback to the original)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=999x999", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the whole original image: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 203, "existing image - existing thumb (crop center)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the fixture's thumb file: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 222, "existing image - existing thumb (crop top)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50t", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the fixture's thumb file: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 241, "existing image - existing thumb (crop bottom)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50b", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the fixture's thumb file: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 260, "existing image - existing thumb (fit)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50f", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the fixture's thumb file: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 279, "existing image - existing thumb (zero width)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=0x50", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the fixture's thumb file: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 298, "existing image - existing thumb (zero height)", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x0", null, null, 200)
                    .expect("PNG", "IHDR")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion; ExpectedContent is the fixture's thumb file: the port checks its PNG markers"),
            s("file_test.go", "TestFileDownload", 317, "existing non image file - thumb parameter should be ignored", "GET", "/api/files/_pb_users_auth_/oap640cot4yru2s/test_kfd2wYLxkz.txt?thumb=100x100", null, null, 200)
                    .expect("test")
                    .unchecked("the OnFileDownloadRequest ThumbError assertion"),
            s("file_test.go", "TestFileDownload", 338, "protected file - superuser with expired file token", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsImV4cCI6MTY0MDk5MTY2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJwYmNfMzE0MjYzNTgyMyJ9.nqqtqpPhxU0045F4XP_ruAkzAidYBc5oPy9ErN3XBq0", null, null, 404)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 346, "protected file - superuser with valid file token", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJwYmNfMzE0MjYzNTgyMyJ9.Lupz541xRvrktwkrl55p5pPCF77T69ZRsohsIcb2dxc", null, null, 200)
                    .expect("PNG"),
            s("file_test.go", "TestFileDownload", 357, "protected file - superuser with non-whitelisted IP", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=" + VALID_SUPERUSER_FILE_TOKEN, null, null, 404)
                    .header("x-test-ip", "127.0.0.1").setup(Setup.SUPERUSER_IP_OTHER).expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 378, "protected file - superuser with whitelisted IP", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=" + VALID_SUPERUSER_FILE_TOKEN, null, null, 200)
                    .header("x-test-ip", "127.0.0.1").setup(Setup.SUPERUSER_IP_LOCAL).expect("PNG"),
            s("file_test.go", "TestFileDownload", 401, "protected file - guest without view access", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png", null, null, 404)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 409, "protected file - guest with view access", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png", null, null, 200)
                    .setup(Setup.DEMO1_VIEW_PUBLIC)
                    .expect("PNG"),
            s("file_test.go", "TestFileDownload", 431, "protected file - auth record without view access", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 404)
                    .setup(Setup.DEMO1_VIEW_VERIFIED)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 450, "protected file - auth record with view access", "GET", "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 200)
                    .setup(Setup.DEMO1_VIEW_UNVERIFIED)
                    .expect("PNG"),
            s("file_test.go", "TestFileDownload", 472, "protected file in view (view's View API rule failure)", "GET", "/api/files/view1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 404)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 480, "protected file in view (view's View API rule success)", "GET", "/api/files/view1/84nmscqy84lsi1t/test_d61b33QdDU.txt?token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6ImZpbGUiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8ifQ.nSTLuCPcGpWn2K2l-BFkC3Vlzc-ZTDPByYq8dN1oPSo", null, null, 200)
                    .expect("test"),
            s("file_test.go", "TestFileDownload", 494, "RateLimit rule - users:file", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 429)
                    .setup(Setup.RATE_LIMIT_USERS_FILE)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileDownload", 510, "RateLimit rule - *:file", "GET", "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", null, null, 429)
                    .setup(Setup.RATE_LIMIT_ANY_FILE)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileToken", 24, "unauthorized", "POST", "/api/files/token", null, null, 401)
                    .expect("\"data\":{}"),
            s("file_test.go", "TestFileToken", 32, "regular user", "POST", "/api/files/token", PocketBaseScenarios.USER, null, 200)
                    .expect("\"token\":\""),
            s("file_test.go", "TestFileToken", 48, "superuser", "POST", "/api/files/token", SUPERUSER, null, 200)
                    .expect("\"token\":\""),
            s("file_test.go", "TestFileToken", 64, "hook token overwrite", "POST", "/api/files/token", SUPERUSER, null, 200)
                    .setup(Setup.FILE_TOKEN_HOOK_TEST).expect("\"token\":\"test\"")).stream()).toList();

    static final List<Skipped> SKIPPED = List.of();
}
