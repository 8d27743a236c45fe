package io.pb4j.core;

import io.pb4j.core.field.Field;
import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import java.util.Objects;

/**
 * PocketBase's {@code OnFileDownloadRequest}: fired by {@code GET /api/files/{collection}/{recordId}/{filename}} once
 * access is granted and the thumb (if any) is ready. A handler may change what is served ({@link #servedPath(String)},
 * {@link #servedName(String)}), set response headers or answer itself; the default action serves
 * {@link #servedPath()}. Per request, not thread-safe.
 */
public final class FileDownloadRequestEvent extends HookEvent {
    private final RequestEvent request;
    private final Collection collection;
    private final Record record;
    private final Field fileField;
    private String servedPath;
    private String servedName;
    private final String thumbError;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public FileDownloadRequestEvent(RequestEvent request, Collection collection, Record record, Field fileField,
                                    String servedPath, String servedName, String thumbError) {
        this.request = request;
        this.collection = collection;
        this.record = record;
        this.fileField = fileField;
        this.servedPath = servedPath;
        this.servedName = servedName;
        this.thumbError = thumbError;
    }

    /** The HTTP request this event is part of. */
    public RequestEvent request() {
        return request;
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** The record the event is about. */
    public Record record() {
        return record;
    }

    /** The file field the file belongs to. */
    public Field fileField() {
        return fileField;
    }

    /** The storage key served: the original or its thumb. */
    public String servedPath() {
        return servedPath;
    }

    /** Serves the file stored at this path instead. */
    public void servedPath(String path) {
        this.servedPath = Objects.requireNonNull(path, "path");
    }

    /** The file name in {@code Content-Disposition}. */
    public String servedName() {
        return servedName;
    }

    /** Serves the file under this download name instead. */
    public void servedName(String name) {
        this.servedName = Objects.requireNonNull(name, "name");
    }

    /** Why a requested thumb is not served ({@code ""} when it is, or none was asked for). */
    public String thumbError() {
        return thumbError;
    }
}
