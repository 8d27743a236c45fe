package io.pb4j.files.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.spi.Plugin;

/** Installs the app's file storage and binds {@code GET /api/files/...} when the app serves. */
public final class FilesPlugin implements Plugin {
    @Override
    public String name() {
        return "files";
    }

    @Override
    public void register(PocketBase app) {
        BackendStorage storage = new BackendStorage(app);
        app.files(storage);
        FileDownloadApi api = new FileDownloadApi(new Thumbs());
        app.onServe().bind("pbFilesApi", -100, se -> {
            api.bind(se.router());
            se.next();
        });
    }
}
