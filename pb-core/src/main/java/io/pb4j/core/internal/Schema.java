package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.FieldTypes;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * PocketBase's system schema. A fresh data dir gets what PocketBase's system migrations create ({@code _params},
 * {@code _collections}, {@code _migrations}, the system collections and the default {@code users} collection),
 * recorded under PocketBase's migration names so the same data dir also opens in PocketBase. An existing
 * PocketBase data dir is used as it is.
 */
public final class Schema {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    /** PocketBase v0.39.11's system migrations, as recorded in {@code _migrations}. */
    static final List<String> SYSTEM_MIGRATIONS = List.of(
            "1640988000_init.go",
            "1640988000_aux_init.go",
            "1717233556_v0.23_migrate.go",
            "1717233557_v0.23_migrate2.go",
            "1717233558_v0.23_migrate3.go",
            "1717233559_v0.23_migrate4.go",
            "1763020353_update_default_auth_alert_templates.go",
            "1778828400_normalize_indexes.go");

    /** PocketBase's system migration names, which the migrations history keeps. */
    public static List<String> systemMigrations() {
        return SYSTEM_MIGRATIONS;
    }

    private static final String OWNER_RULE =
            "@request.auth.id != '' && recordRef = @request.auth.id && collectionRef = @request.auth.collectionId";

    private Schema() {
    }

    public static void ensure(Store store) {
        store.write(s -> {
            if (!s.query(store.dialect().tableExistsSql(), List.of("_collections")).isEmpty()) {
                return null;
            }
            createSystemTables(s);
            for (Collection c : systemCollections()) {
                CollectionSaver.save(s, c, true);
            }
            long micros = System.currentTimeMillis() * 1000;
            for (String m : SYSTEM_MIGRATIONS) {
                s.execute("INSERT INTO _migrations (file, applied) VALUES (?, ?)", List.of(m, micros++));
            }
            SettingsRow.save(s, SettingsRow.defaults());
            return null;
        });
    }

    /** The tables PocketBase's {@code 1640988000_init.go} and migrations runner create, in the very SQL they run. */
    private static void createSystemTables(SqlSession s) {
        s.execute("CREATE TABLE `_migrations` (file VARCHAR(255) PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)");
        s.execute("""
                CREATE TABLE `_params` (
                  `id`      TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,
                  `value`   JSON DEFAULT NULL,
                  `created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,
                  `updated` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL
                )""");
        s.execute("""
                CREATE TABLE `_collections` (
                  `id`         TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,
                  `system`     BOOLEAN DEFAULT FALSE NOT NULL,
                  `type`       TEXT DEFAULT "base" NOT NULL,
                  `name`       TEXT UNIQUE NOT NULL,
                  `fields`     JSON DEFAULT "[]" NOT NULL,
                  `indexes`    JSON DEFAULT "[]" NOT NULL,
                  `listRule`   TEXT DEFAULT NULL,
                  `viewRule`   TEXT DEFAULT NULL,
                  `createRule` TEXT DEFAULT NULL,
                  `updateRule` TEXT DEFAULT NULL,
                  `deleteRule` TEXT DEFAULT NULL,
                  `options`    JSON DEFAULT "{}" NOT NULL,
                  `created`    TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,
                  `updated`    TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL
                )""");
        s.execute("CREATE INDEX IF NOT EXISTS idx__collections_type on `_collections` (`type`)");
    }

    private static List<Collection> systemCollections() {
        List<Collection> out = new ArrayList<>();
        out.add(ownedBase("_mfas", List.of(text("method", true, false)), List.of(
                "CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (collectionRef,recordRef)"), false));
        out.add(ownedBase("_otps", List.of(
                        FieldTypes.fromJson(Json.parse("{\"cost\":8,\"hidden\":true,\"id\":\"password901924565\",\"max\":0,\"min\":0,\"name\":\"password\",\"pattern\":\"\",\"presentable\":false,\"required\":true,\"system\":true,\"type\":\"password\"}").orElseThrow().asJsonObject()),
                        text("sentTo", false, true)),
                List.of("CREATE INDEX `idx_otps_collectionRef_recordRef` ON `_otps` (collectionRef, recordRef)"), false));
        out.add(ownedBase("_externalAuths", List.of(text("provider", true, false), text("providerId", true, false)), List.of(
                "CREATE UNIQUE INDEX `idx_externalAuths_record_provider` ON `_externalAuths` (collectionRef, recordRef, provider)",
                "CREATE UNIQUE INDEX `idx_externalAuths_collection_provider` ON `_externalAuths` (collectionRef, provider, providerId)"), true));
        out.add(ownedBase("_authOrigins", List.of(text("fingerprint", true, false)), List.of(
                "CREATE UNIQUE INDEX `idx_authOrigins_unique_pairs` ON `_authOrigins` (collectionRef, recordRef, fingerprint)"), true));

        out.add(auth("_superusers", CollectionDefaults.collectionId(Collection.AUTH, "_superusers"), true, List.of()).toBuilder()
                .system(true).build());
        Collection users = auth("users", "_pb_users_auth_", false, List.of(
                FieldTypes.fromJson(Json.parse("{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":false,\"id\":\"text1579384326\",\"max\":255,\"min\":0,\"name\":\"name\",\"pattern\":\"\",\"presentable\":false,\"primaryKey\":false,\"required\":false,\"system\":false,\"type\":\"text\"}").orElseThrow().asJsonObject()),
                CollectionCodec.parseFields(JSON.createArrayBuilder().add(Json.parse("{\"help\":\"\",\"hidden\":false,\"id\":\"file376926767\",\"maxSelect\":1,\"maxSize\":0,\"mimeTypes\":[\"image/jpeg\",\"image/png\",\"image/svg+xml\",\"image/gif\",\"image/webp\"],\"name\":\"avatar\",\"presentable\":false,\"protected\":false,\"required\":false,\"system\":false,\"thumbs\":null,\"type\":\"file\"}").orElseThrow().asJsonObject()).build(), true).getFirst()));
        String owner = "id = @request.auth.id";
        out.add(users.toBuilder().listRule(owner).viewRule(owner).createRule("").updateRule(owner).deleteRule(owner)
                .options(Json.objectWith(users.options(), "oauth2", Json.objectWith(users.options().getJsonObject("oauth2"),
                        "mappedFields", Json.parse("{\"id\":\"\",\"name\":\"name\",\"username\":\"\",\"avatarURL\":\"avatar\"}").orElseThrow())))
                .build());
        return out;
    }

    private static Collection ownedBase(String name, List<Field> extra, List<String> indexes, boolean deletable) {
        List<Field> fields = new ArrayList<>();
        fields.add(CollectionDefaults.idField());
        fields.add(text("collectionRef", true, false));
        fields.add(text("recordRef", true, false));
        fields.addAll(extra);
        fields.add(CollectionDefaults.autodate("created", false, true));
        fields.add(CollectionDefaults.autodate("updated", true, true));
        return Collection.builder()
                .id(CollectionDefaults.collectionId(Collection.BASE, name)).name(name).type(Collection.BASE).system(true)
                .fields(fields).indexes(indexes)
                .listRule(OWNER_RULE).viewRule(OWNER_RULE).deleteRule(deletable ? OWNER_RULE : null)
                .build();
    }

    private static Collection auth(String name, String id, boolean superusers, List<Field> extra) {
        List<Field> fields = new ArrayList<>();
        fields.add(CollectionDefaults.idField());
        fields.addAll(CollectionDefaults.authSystemFields());
        fields.addAll(extra);
        fields.add(CollectionDefaults.autodate("created", false, superusers));
        fields.add(CollectionDefaults.autodate("updated", true, superusers));
        Collection c = Collection.builder().id(id).name(name).type(Collection.AUTH).fields(fields)
                .options(CollectionDefaults.authOptions(superusers)).build();
        return c.toBuilder().indexes(CollectionDefaults.authIndexes(c)).build();
    }

    private static Field text(String name, boolean required, boolean hidden) {
        return FieldTypes.fromJson(JSON.createObjectBuilder()
                .add("autogeneratePattern", "").add("hidden", hidden).add("id", FieldTypes.defaultId("text", name))
                .add("max", 0).add("min", 0).add("name", name).add("pattern", "").add("presentable", false)
                .add("primaryKey", false).add("required", required).add("system", true).add("type", "text").build());
    }
}
