/**
 * The pb4j admin dashboard at {@code /_/}: a plugin that serves the dashboard's static files from this module and,
 * while no superuser exists, prints PocketBase's one-time installer link when the app serves. It exports nothing:
 * an image with this module on its module path has the dashboard, an image without it answers 404 under {@code /_/}.
 */
module io.pb4j.admin {
    requires io.pb4j.core;

    provides io.pb4j.core.spi.Plugin with io.pb4j.admin.internal.AdminPlugin;
}
