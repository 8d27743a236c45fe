package io.pb4j.admin.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.spi.Plugin;

/** Binds the dashboard's routes under {@code /_/} and, once the server listens, the first-run installer. */
public final class AdminPlugin implements Plugin {
    @Override
    public String name() {
        return "admin";
    }

    @Override
    public void register(PocketBase app) {
        Installer.register(app);
        app.onServe().bind("pbAdminDashboard", 0, se -> {
            DashboardRoutes.bind(se.router(), Assets.load());
            se.next();
            // after next() the server listens, so the link can carry the bound port; off the serve thread (as
            // PocketBase), since creating the installer superuser hashes a password and serve() should return at once
            String baseUrl = se.baseUrl();
            Installer.lastAnnouncement = Thread.ofVirtual().name("pb4j-installer")
                    .start(() -> Installer.announce(se.app(), baseUrl, System.out));
        });
        // as late as possible (PocketBase's priority 9999), so every serve handler had its turn to add extensions
        app.onServe().bind("pbAdminExtensions", 9999, se -> {
            Extensions.bind(se);
            se.next();
        });
    }
}
