package io.pb4j.files.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.FileDownloadRequestEvent;
import io.pb4j.core.FileStorage;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.field.Field;
import io.pb4j.core.router.ClientIp;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PocketBase's {@code GET /api/files/{collection}/{recordId}/{filename}}: the file when the record holds it in one of
 * its file fields (for a protected field, only with a file token whose record passes the collection's view rule),
 * or its thumb for {@code ?thumb=}. Every miss is a 404, so a protected file's existence does not leak.
 */
final class FileDownloadApi {
    /** The thumb size every image field offers besides its own. */
    static final List<String> DEFAULT_THUMBS = List.of("100x100");
    /** PocketBase's {@code imageContentTypes}: the stored content types thumbs are made of. */
    static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpg", "image/jpeg", "image/gif", "image/webp");

    private final Thumbs thumbs;

    FileDownloadApi(Thumbs thumbs) {
        this.thumbs = thumbs;
    }

    void bind(Router router) {
        router.get("/api/files/{collection}/{recordId}/{filename}", this::download);
    }

    private void download(RequestEvent e) {
        PocketBase app = e.app();
        Collection c = app.findCollection(e.pathParam("collection")).orElseThrow(ApiException::notFound);
        String recordId = e.pathParam("recordId");
        if (recordId.isEmpty()) {
            throw ApiException.notFound();
        }
        Record record = app.findRecordById(c, recordId).orElseThrow(ApiException::notFound);
        String filename = e.pathParam("filename");
        FileField field = fieldHolding(c, record, filename).orElseThrow(ApiException::notFound);
        if (field.protectedFiles() && !canAccess(e, c, record)) {
            throw ApiException.notFound();
        }
        // a view record's files live in the folder of the record it was selected from
        String base = c.isView() ? viewSource(app, c, field, filename) : c.id() + "/" + record.id();
        FileStorage storage = app.files();
        String original = base + "/" + filename;
        String servedPath = original;
        String servedName = filename;
        String thumbError = "";
        String size = e.queryParam("thumb");
        if (!size.isEmpty() && (DEFAULT_THUMBS.contains(size) || field.thumbList().contains(size))) {
            FileStorage.Attributes attrs = storage.attributes(original).orElseThrow(ApiException::notFound);
            if (IMAGE_TYPES.contains(attrs.contentType())) {
                String thumbName = size + "_" + filename;
                String thumbPath = base + "/thumbs_" + filename + "/" + thumbName;
                try {
                    thumbs.ensure(storage, original, attrs.contentType(), thumbPath, size);
                    servedPath = thumbPath;
                    servedName = thumbName;
                } catch (RuntimeException failed) {
                    thumbError = String.valueOf(failed.getMessage());
                    // a runtime without thumbs says so once, not on every request
                    if (Thumbs.AVAILABLE || Thumbs.firstRefusal()) {
                        System.getLogger(FileDownloadApi.class.getName()).log(System.Logger.Level.WARNING,
                                "Fallback to original - failed to create thumb " + thumbName + ": " + failed.getMessage());
                    }
                }
            }
        }
        if (!size.isEmpty() && thumbError.isEmpty() && servedPath.equals(original)) {
            thumbError = "the thumb size \"" + size + "\" or the original file format are not supported";
        }
        // uploaded files may be embedded anywhere: the global clickjacking header does not apply to them
        e.responseHeaders().remove("X-Frame-Options");
        FileDownloadRequestEvent event = new FileDownloadRequestEvent(e, c, record, field, servedPath, servedName, thumbError);
        app.onFileDownloadRequest().trigger(event, ev -> FileResponse.serve(ev.request(), storage, ev.servedPath(), ev.servedName()));
    }

    private static Optional<FileField> fieldHolding(Collection c, Record record, String filename) {
        if (filename.isEmpty()) {
            return Optional.empty();
        }
        for (Field f : c.fields()) {
            if (f instanceof FileField file && file.storedNames(record.values().get(f.name())).contains(filename)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * A protected file: a superuser's file token (from a whitelisted IP), or the file token's record (or a guest) passing
     * the view rule in the protectedFile context.
     */
    private static boolean canAccess(RequestEvent e, Collection c, Record record) {
        Optional<Record> auth = e.app().findAuthRecordByToken(e.queryParam("token"), "file");
        if (auth.isPresent() && auth.get().collection().isSuperusers()) {
            // as PocketBase, a superuser's file token counts only from a whitelisted IP (when there is a whitelist)
            List<String> allowed = e.app().settings().get("superuserIPs") instanceof jakarta.json.JsonArray ips
                    ? ips.getValuesAs(jakarta.json.JsonString::getString) : List.of();
            if (allowed.isEmpty() || ClientIp.inList(allowed, ClientIp.of(e))) {
                return true;
            }
            auth = Optional.empty();
        }
        Optional<String> rule = c.viewRule();
        if (rule.isEmpty()) {
            return false;
        }
        RequestInfo base = e.requestInfo(Map.of());
        RequestInfo info = new RequestInfo(auth, base.method(), base.query(), base.headers(), base.body(), "protectedFile");
        try {
            return !e.app().search(c, RecordQuery.byId(rule.get(), record.id()).withRequest(info)).items().isEmpty();
        } catch (ApiException ruleFailed) {
            return false;
        }
    }

    /**
     * The folder of the record a view's file comes from: the view field of the same name taken from a base or auth
     * collection's file field; the first such record holding the file name.
     */
    private static String viewSource(PocketBase app, Collection view, FileField field, String filename) {
        for (Collection source : app.collections()) {
            if (source.isView()) {
                continue;
            }
            for (Field f : source.fields()) {
                if (!(f instanceof FileField file) || !file.name().equals(field.name())) {
                    continue;
                }
                String filter = file.isMultiple() ? file.name() + " ~ {:name}" : file.name() + " = {:name}";
                var page = app.search(source, RecordQuery.builder().filter(filter.replace("{:name}", quote(filename))).perPage(1).skipTotal(true).build());
                for (Record r : page.items()) {
                    if (file.storedNames(r.values().get(file.name())).contains(filename)) {
                        return source.id() + "/" + r.id();
                    }
                }
            }
        }
        throw ApiException.notFound();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
