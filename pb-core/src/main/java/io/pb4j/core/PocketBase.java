package io.pb4j.core;

import io.pb4j.core.cron.Cron;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.internal.Catalog;
import io.pb4j.core.internal.CollectionImport;
import io.pb4j.core.internal.CollectionSaver;
import io.pb4j.core.internal.CollectionSearch;
import io.pb4j.core.internal.RecordExpander;
import io.pb4j.core.internal.RecordSaver;
import io.pb4j.core.internal.RecordSearch;
import io.pb4j.core.internal.Schema;
import io.pb4j.core.internal.ViewQueryException;
import io.pb4j.core.internal.ViewSchema;
import io.pb4j.core.internal.cron.SystemJobs;
import io.pb4j.core.internal.mail.SmtpMailer;
import io.pb4j.core.mail.MailException;
import io.pb4j.core.mail.Mailer;
import io.pb4j.core.mail.MailerSendEvent;
import io.pb4j.core.realtime.Realtime;
import io.pb4j.core.realtime.RealtimeConnectRequestEvent;
import io.pb4j.core.realtime.RealtimeMessageEvent;
import io.pb4j.core.realtime.RealtimeSubscribeRequestEvent;
import io.pb4j.core.migrate.Migrations;
import io.pb4j.core.internal.SchemaCache;
import io.pb4j.core.internal.settings.SettingsSaver;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.AuthTokenResolver;
import io.pb4j.core.spi.Plugin;
import io.pb4j.core.spi.ServerProvider;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import io.pb4j.core.spi.StoreProvider;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A pb4j application: PocketBase's {@code core.App} and {@code pocketbase.New()} in one. Create it, bind hooks,
 * {@link #bootstrap()} it, then {@link #serve} it:
 *
 * <pre>{@code
 * var app = PocketBase.create(cfg -> cfg.dataDir(Path.of("pb_data")));
 * app.onServe().bind(se -> {
 *     se.router().get("/api/hello", e -> e.json(200, Json.createValue("Hello world!")));
 *     se.next();
 * });
 * app.bootstrap();
 * app.serve("127.0.0.1", 8090);
 * }</pre>
 *
 * Thread-safe: the schema cache and settings are immutable snapshots swapped on change.
 */
public final class PocketBase implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PocketBase.class.getName());

    private final Config config;
    private final Hook<BootstrapEvent> onBootstrap = new Hook<>();
    private final Hook<ServeEvent> onServe = new Hook<>();
    private final Hook<MailerSendEvent> onMailerSend = new Hook<>();
    private final RecordHooks recordHooks = new RecordHooks(this);
    private final RealtimeHooks realtimeHooks = new RealtimeHooks();
    private volatile Realtime realtime = Realtime.NONE;
    private volatile io.pb4j.core.mail.RecordMails recordMails = io.pb4j.core.mail.RecordMails.NONE;
    private final Hook<SettingsReloadEvent> onSettingsReload = new Hook<>();
    private final Hook<SettingsListRequestEvent> onSettingsListRequest = new Hook<>();
    private final Hook<SettingsUpdateRequestEvent> onSettingsUpdateRequest = new Hook<>();
    private final Hook<FileDownloadRequestEvent> onFileDownloadRequest = new Hook<>();
    private final Hook<FileTokenRequestEvent> onFileTokenRequest = new Hook<>();
    private final Router router = new Router();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile Store store;
    private volatile SchemaCache schema;
    /** Changes other nodes announced, and how many of them the cache holds: while they differ, readers reload. */
    private final java.util.concurrent.atomic.AtomicLong schemaChanges = new java.util.concurrent.atomic.AtomicLong();
    private volatile long schemaLoaded;
    private volatile ServerProvider.RunningServer server;
    private final Logger logger = new Logger(this);
    private final Logs logs = new Logs(this);
    private volatile io.pb4j.core.internal.logs.LogWriter logWriter;
    private final Hook<BackupEvent> onBackupCreate = new Hook<>();
    private final Hook<BackupEvent> onBackupRestore = new Hook<>();
    private final Cron cron = new Cron();
    private final Cluster cluster = new Cluster(this);
    private final Backups backups = new Backups(this);
    private final SystemJobs systemJobs = new SystemJobs(this);
    private volatile AuthTokenResolver authTokenResolver = (app, token, type) -> Optional.empty();
    private final Migrations migrations = new Migrations(this);
    private volatile FileStorage files;

    private PocketBase(Config config) {
        this.config = config;
        systemJobs.registerBase();
        ModelProxies.bind(this, modelHooks, hooks, recordHooks);
        // PocketBase's __pbAppLoggerOnSettingsReload__: stored logs follow the new logs settings
        onSettingsReload.bind("__pbAppLoggerOnSettingsReload__", 0, e -> {
            e.next();
            if (logWriter != null) {
                try {
                    logs.pruneToSettings();
                } catch (RuntimeException ex) {
                    logger.debug("Failed to cleanup old logs", "error", ex);
                }
            }
        });
    }

    /** Creates an app and registers its plugins (discovered ones unless turned off, then explicit ones). */
    public static PocketBase create(Consumer<Config.Builder> configurer) {
        Config.Builder b = new Config.Builder();
        configurer.accept(b);
        PocketBase app = new PocketBase(b.build());
        for (Plugin p : Catalog.plugins(app.config)) {
            p.register(app);
        }
        return app;
    }

    /** The configuration the app was created with. */
    public Config config() {
        return config;
    }

    /** The app's migrations (discovered and registered in code) and their runner. */
    public Migrations migrations() {
        return migrations;
    }

    /** PocketBase's {@code OnBootstrap}: the default action opens the store and loads the schema; bind after it with {@code e.next()} first. */
    public Hook<BootstrapEvent> onBootstrap() {
        return onBootstrap;
    }

    /** PocketBase's {@code OnServe}: fired before the server starts; bind routes and middlewares on {@code e.router()}. */
    public Hook<ServeEvent> onServe() {
        return onServe;
    }

    /** PocketBase's {@code OnBackupCreate}: fired by {@link Backups#create}; the default action writes the backup. */
    public Hook<BackupEvent> onBackupCreate() {
        return onBackupCreate;
    }

    /** PocketBase's {@code OnBackupRestore}: fired by {@link Backups#restore}; the default action swaps the data. */
    public Hook<BackupEvent> onBackupRestore() {
        return onBackupRestore;
    }

    /** The other nodes serving this app from the same store, when the store is shared (PostgreSQL). */
    public Cluster cluster() {
        return cluster;
    }

    /** The scheduler of PocketBase's and the application's cron jobs; it ticks while the app serves. */
    public Cron cron() {
        return cron;
    }

    /** Backups of the data dir: create, list, restore. */
    public Backups backups() {
        return backups;
    }

    /**
     * PocketBase's {@code FindAuthRecordByToken}: the auth record of a valid token of {@code type} ({@code "auth"},
     * {@code "file"}, …); empty for anything else, and always empty when no auth module set a resolver.
     */
    public Optional<Record> findAuthRecordByToken(String token, String type) {
        return authTokenResolver.resolve(this, token, type);
    }

    /** Sets how {@link #findAuthRecordByToken} resolves tokens (the auth module registers its own). */
    public void authTokenResolver(AuthTokenResolver resolver) {
        this.authTokenResolver = java.util.Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * PocketBase's {@code OnMailerSend}: every message sent with a {@link #newMailClient()} mailer passes through it;
     * the default action sends it with the event's mailer.
     */
    public Hook<MailerSendEvent> onMailerSend() {
        return onMailerSend;
    }

    /**
     * A mailer for the current settings: SMTP when {@code smtp.enabled}, otherwise one that fails with a
     * {@link MailException} (pb4j has no {@code sendmail} fallback). Each send fires {@link #onMailerSend()} first, so
     * a handler can deliver the message some other way.
     */
    public Mailer newMailClient() {
        JsonObject smtp = settings().getJsonObject("smtp");
        Mailer transport = smtp != null && smtp.getBoolean("enabled", false) ? SmtpMailer.of(smtp) : message -> {
            throw new MailException("SMTP is disabled in the settings and pb4j has no sendmail fallback");
        };
        return message -> onMailerSend.trigger(new MailerSendEvent(this, transport, message),
                e -> e.mailer().send(e.message()));
    }

    /** PocketBase's {@code mails.SendRecord…}: a record's auth mails (failing without the auth module). */
    public io.pb4j.core.mail.RecordMails recordMails() {
        return recordMails;
    }

    /** Installs what {@link #recordMails()} returns (pb-auth's plugin does, at registration). */
    public void recordMails(io.pb4j.core.mail.RecordMails mails) {
        this.recordMails = java.util.Objects.requireNonNull(mails, "mails");
    }

    /**
     * PocketBase's {@code OnRecordAfterCreateSuccess}: fired after the transaction that created a record commits (see
     * {@link RecordEvent}); the default action does nothing.
     */
    public Hook<RecordEvent> onRecordAfterCreateSuccess() {
        return recordHooks.created();
    }

    /** PocketBase's {@code OnRecordAfterUpdateSuccess}: as {@link #onRecordAfterCreateSuccess()}, for updates. */
    public Hook<RecordEvent> onRecordAfterUpdateSuccess() {
        return recordHooks.updated();
    }

    /**
     * PocketBase's {@code OnRecordAfterDeleteSuccess}: as {@link #onRecordAfterCreateSuccess()}, for deletes (cascaded
     * ones included); the event's record is the record as it was.
     */
    public Hook<RecordEvent> onRecordAfterDeleteSuccess() {
        return recordHooks.deleted();
    }

    /** {@link #onRecordAfterCreateSuccess()} for the collections with these names or ids only. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordAfterCreateSuccess(String... tags) {
        return new io.pb4j.core.hook.TaggedHook<>(recordHooks.created(), List.of(tags));
    }

    /** {@link #onRecordAfterUpdateSuccess()} for the collections with these names or ids only. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordAfterUpdateSuccess(String... tags) {
        return new io.pb4j.core.hook.TaggedHook<>(recordHooks.updated(), List.of(tags));
    }

    /** {@link #onRecordAfterDeleteSuccess()} for the collections with these names or ids only. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordAfterDeleteSuccess(String... tags) {
        return new io.pb4j.core.hook.TaggedHook<>(recordHooks.deleted(), List.of(tags));
    }

    /**
     * PocketBase's {@code OnRealtimeConnectRequest}: fired when a realtime client connects, before it is registered;
     * the default action registers it and serves its stream until it goes away.
     */
    public Hook<RealtimeConnectRequestEvent> onRealtimeConnectRequest() {
        return realtimeHooks.connect();
    }

    /**
     * PocketBase's {@code OnRealtimeSubscribeRequest}: fired when a client submits its subscriptions; the default
     * action binds the request's auth to the client and replaces its subscriptions.
     */
    public Hook<RealtimeSubscribeRequestEvent> onRealtimeSubscribeRequest() {
        return realtimeHooks.subscribe();
    }

    /**
     * PocketBase's {@code OnRealtimeMessageSend}: fired for every message just before it is written to a client's
     * connection; the default action writes it.
     */
    public Hook<RealtimeMessageEvent> onRealtimeMessageSend() {
        return realtimeHooks.message();
    }

    /**
     * PocketBase's {@code SubscriptionsBroker}: the connected realtime clients, to list them, send a message to one or
     * broadcast to a topic. Without the pb-realtime module it has no clients and sends nothing.
     */
    public Realtime realtime() {
        return realtime;
    }

    /** Installs the realtime broker {@link #realtime()} returns (pb-realtime's plugin does, at registration). */
    public void realtime(Realtime broker) {
        this.realtime = java.util.Objects.requireNonNull(broker, "broker");
    }

    /** Opens the store, applies the system schema to a fresh data dir and loads collections and settings. */
    public void bootstrap() {
        onBootstrap.trigger(new BootstrapEvent(this), e -> {
            if (store == null) {
                openStore();
                systemJobs.registerOnBootstrap();
                backups.clearTemp();
            }
        });
        if (store != null) {
            reloadSettings(false);
        }
    }

    /**
     * The app logger ({@code app.Logger()}): entries go to {@code auxiliary.db}'s {@code _logs} through a background
     * writer, and to the console in dev mode.
     */
    public Logger logger() {
        return logger;
    }

    /** The stored logs: search them, count them per hour, delete old ones ({@code __pbLogsCleanup__}). */
    public Logs logs() {
        return logs;
    }

    /** The background log writer; null until bootstrap and after close. */
    io.pb4j.core.internal.logs.LogWriter logWriter() {
        return logWriter;
    }

    /** Opens the configured store, applies the system schema and loads collections and settings. */
    private void openStore() {
        StoreProvider provider = Catalog.named(ServiceLoader.load(StoreProvider.class), StoreProvider::name, config.storeName(), "store");
        // file writes and removals follow the outermost transaction's outcome
        Store opened = new io.pb4j.core.internal.TransactionEffects(provider.open(config.dataDir(), config.queryTimeout()),
                () -> Optional.ofNullable(files));
        try {
            Schema.ensure(opened);
            SettingsSaver.encryptIfPlain(opened, settingsCipher());
            schema = opened.read(s -> SchemaCache.load(s, settingsCipher()));
        } catch (RuntimeException | Error e) {
            opened.close();
            throw e;
        }
        store = opened;
        cluster.attach(opened);
        logWriter = io.pb4j.core.internal.logs.LogWriter.start(opened, this::settings, config.dev());
        systemJobs.settingsReloaded();
    }

    /**
     * PocketBase's app restart after a restore, in the same process: closes the store, runs {@code swap} (which
     * replaces the data dir's files), opens the store again and reloads collections and settings. When that fails,
     * {@code revert} puts the old files back, the old data is opened again and the failure is rethrown. The caller
     * holds requests back meanwhile ({@link Backups#admit}).
     */
    synchronized void reopenStore(Runnable swap, Runnable revert) {
        closeLogWriter();
        store().close();
        try {
            swap.run();
            openStore();
        } catch (RuntimeException | Error e) {
            try {
                revert.run();
                openStore();
            } catch (RuntimeException | Error revertError) {
                e.addSuppressed(revertError);
            }
            throw e;
        }
    }

    /** Whether {@link #bootstrap()} has run. */
    public boolean isBootstrapped() {
        return store != null;
    }

    /** The store (the SPI under the app API); apps use {@link #db()} for SQL of their own. */
    public Store store() {
        if (store == null) {
            throw new IllegalStateException("the app is not bootstrapped");
        }
        return store;
    }

    /**
     * Store facilities for an application's own SQL, e.g. {@code app.db(DbClient.class)} gives Helidon's DB Client
     * over the SQLite store's connections.
     */
    public <T> T db(Class<T> type) {
        return store().unwrap(type).orElseThrow(() -> new IllegalArgumentException("the store offers no " + type.getName()));
    }

    /** The current settings ({@code _params} row {@code settings}). */
    public JsonObject settings() {
        return schema().settings();
    }

    /**
     * PocketBase's {@code app.Save(settings)}: decodes {@code settings} onto the current settings as a
     * {@code PATCH /api/settings} body (keys not given keep their values, so a full settings object replaces them),
     * validates the result, stores it in one transaction (encrypted with the {@code --encryptionEnv} key if any) and
     * reloads the settings ({@link #onSettingsReload()}). Returns the saved settings.
     *
     * @throws ValidationException with PocketBase's nested errors ({@code {"meta":{"appURL":…}}}); nothing is saved then
     * @throws IllegalArgumentException when a value has the wrong type for its key
     */
    public JsonObject saveSettings(JsonObject settings) {
        return writeSettings(settings, true);
    }

    /** {@link #saveSettings} without validation (PocketBase's {@code SaveNoValidate}), e.g. for tests. */
    public JsonObject saveSettingsNoValidate(JsonObject settings) {
        return writeSettings(settings, false);
    }

    private JsonObject writeSettings(JsonObject settings, boolean validate) {
        store().write(s -> {
            SettingsSaver.save(s, settings, validate, settingsCipher());
            // at commit, with the change: the other nodes reload while this one still does
            cluster.schemaChanged("settings");
            return null;
        });
        reloadSettings(false);
        return settings();
    }

    /** PocketBase's {@code ReloadSettings}: re-reads the stored settings through {@link #onSettingsReload()}. */
    public void reloadSettings() {
        reloadSettings(true);
    }

    /** Reloads the settings; {@code announce}: and makes the other nodes of the cluster reload theirs. */
    private void reloadSettings(boolean announce) {
        onSettingsReload.trigger(new SettingsReloadEvent(this), e -> loadSchema());
        if (announce) {
            cluster.schemaChanged("settings");
        }
    }

    /** Another node changed the collections ({@code collections}) or the settings ({@code settings}). */
    void reloadFromCluster(String kind) {
        if (store == null) {
            return;
        }
        schemaChanges.incrementAndGet();
        if ("settings".equals(kind)) {
            reloadSettings(false);
        } else {
            loadSchema();
        }
    }

    /** PocketBase's {@code OnSettingsReload}: after the settings are loaded at bootstrap and after every save. */
    public Hook<SettingsReloadEvent> onSettingsReload() {
        return onSettingsReload;
    }

    /** PocketBase's {@code OnSettingsListRequest} ({@code GET /api/settings}). */
    public Hook<SettingsListRequestEvent> onSettingsListRequest() {
        return onSettingsListRequest;
    }

    /** PocketBase's {@code OnSettingsUpdateRequest} ({@code PATCH /api/settings}). */
    public Hook<SettingsUpdateRequestEvent> onSettingsUpdateRequest() {
        return onSettingsUpdateRequest;
    }

    /** The settings cipher of the key in the environment variable {@link Config#encryptionEnv()}, if set. */
    private Optional<io.pb4j.core.internal.settings.SettingsCipher> settingsCipher() {
        String env = config.encryptionEnv();
        String key = env.isEmpty() ? null : System.getenv(env);
        return io.pb4j.core.internal.settings.SettingsCipher.of(key == null ? "" : key);
    }

    // ----- collections

    /** Every collection, system ones included, from the schema cache. */
    public List<Collection> collections() {
        return schema().collections();
    }

    /** Collections matching a filter (on id, name, type, system, created, updated), sorted; {@code ""} for none. */
    public List<Collection> collections(String filter, String sort) {
        if (filter.isBlank() && sort.isBlank()) {
            return collections();
        }
        return store().read(s -> CollectionSearch.search(s, filter, sort));
    }

    /** Finds a collection by id (exact) or name (case-insensitive). */
    public Optional<Collection> findCollection(String idOrName) {
        return schema().find(idOrName);
    }

    /** Validates and saves a collection, migrating its table in the same transaction. */
    public Collection save(Collection collection) {
        Map<String, String> names = collectionNames();
        Collection saved = store().write(s -> {
            Collection c = CollectionSaver.save(s, collection, collectionWrites);
            SettingsSaver.followRenames(s, names, settingsCipher());
            cluster.schemaChanged("collections");
            return c;
        });
        loadSchema();
        return saved;
    }

    /**
     * PocketBase's {@code ImportCollections}: in one transaction, each collection JSON (as the API returns it) is
     * merged onto the stored collection with its id, else its name, or created; with {@code deleteMissing}, the
     * non-system collections and the non-system fields of matched collections that the import does not list are
     * deleted. Tables are migrated as by {@link #save(Collection)}; every collection is validated after all are saved.
     *
     * @throws ValidationException with PocketBase's {@code collections} error
     *         ({@code validation_collections_import_failure}) when anything fails; nothing is changed then
     */
    public void importCollections(List<JsonObject> collections, boolean deleteMissing) {
        Map<String, String> names = collectionNames();
        store().write(s -> {
            CollectionImport.run(s, collections, deleteMissing, collectionWrites);
            SettingsSaver.followRenames(s, names, settingsCipher());
            cluster.schemaChanged("collections");
            return null;
        });
        loadSchema();
    }

    /** Deletes a collection and drops its table. */
    public void delete(Collection collection) {
        store().write(s -> {
            CollectionSaver.delete(s, collection, collectionWrites);
            cluster.schemaChanged("collections");
            return null;
        });
        loadSchema();
    }

    /**
     * PocketBase's {@code DryRunView}: the fields a view collection over {@code query} would have and up to
     * {@code sampleSize} of its records. Nothing is kept (the temporary views are dropped in the same transaction).
     *
     * @throws ApiException 400 {@code "Invalid view query. Raw error: ..."} when the query cannot back a view
     */
    public ViewDryRun dryRunView(String query, int sampleSize) {
        try {
            ViewSchema.DryRun run = store().write(s -> ViewSchema.dryRun(s, query, sampleSize));
            return new ViewDryRun(run.fields(), run.sample());
        } catch (ViewQueryException | StoreException | IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid view query. Raw error: \n" + e.getMessage());
        }
    }

    /** Deletes every record of a collection in one transaction. */
    public void truncate(Collection collection) {
        store().write(s -> {
            CollectionSaver.truncate(s, collection, recordHooks);
            return null;
        });
    }

    // ----- records

    /** The record of {@code collection} with {@code id}; empty when there is none. */
    public Optional<Record> findRecordById(Collection collection, String id) {
        return store().read(s -> RecordSearch.findById(this, s, collection, id));
    }

    /** Finds a record by a field's exact value (e.g. an auth record by email). */
    public Optional<Record> findFirstRecordByData(Collection collection, String field, Object value) {
        return store().read(s -> RecordSearch.findFirstByData(this, s, collection, field, value));
    }

    /**
     * The record whose {@code field} equals {@code value} as the field's single-column unique index compares: ignoring
     * case when that index is {@code COLLATE NOCASE} (as PocketBase's {@code FindAuthRecordByEmail} and sign-in
     * identity lookups), exactly otherwise.
     */
    public Optional<Record> findRecordByUniqueField(Collection collection, String field, Object value) {
        return store().read(s -> RecordSearch.findByUniqueField(s, collection, field, value));
    }

    /** Validates and inserts or updates a record in one transaction. */
    public Record save(Record record) {
        store().write(s -> {
            RecordSaver.save(s, record, recordHooks);
            return null;
        });
        record.markSaved();
        return record;
    }

    /** Deletes {@code record} in one transaction, with PocketBase's cascade and every delete hook. */
    public void delete(Record record) {
        store().write(s -> {
            RecordSaver.delete(s, record, recordHooks);
            return null;
        });
    }

    /** A form that loads a request body into {@code record} and saves it with the request's rights. */
    public RecordUpsert upsert(Record record, RequestInfo request) {
        return new RecordUpsert(this, record, request);
    }

    /** Searches records with PocketBase's list semantics (rule, filter, sort, paging). */
    public RecordPage search(Collection collection, RecordQuery query) {
        return store().read(s -> RecordSearch.search(this, s, collection, query));
    }

    /**
     * The records (of one collection) as PocketBase's API writes them to the requester in {@code request}, with the
     * relations that {@code expand} names in PocketBase's {@code ?expand=} syntax ({@code rel,rel2.nested,
     * other_via_field}) fetched through the related collections' viewRules and placed under each record's
     * {@code expand} key. A path that cannot be expanded (unknown field, viewRule denied) is skipped, as in PocketBase.
     * Hidden fields show for superusers only; an auth record's email for superusers, its owner, the records the
     * requester manages and where {@code emailVisibility} is on.
     */
    public List<JsonObject> expand(List<Record> records, String expand, RequestInfo request) {
        return new RecordExpander(this, request, enricher).export(records, expand);
    }

    /**
     * PocketBase's {@code CanAccessRecord} for many requesters at once, as realtime asks it for each event: for every
     * check, whether {@code rule} ({@code Optional.empty()}: superusers only; {@code ""}: everybody) with that check's
     * {@code @request.*}, and its client filter, let {@code record} through. The record is matched as given (its
     * values, not the stored row), so a deleted record can still be checked. Requesters the rule cannot tell apart
     * share one answer and the rest are asked many per statement, so the cost grows with the number of distinct
     * questions, not of requesters. A filter that does not compile answers {@code false}.
     */
    public boolean[] canAccessRecord(Record record, Optional<String> rule, List<AccessCheck> checks) {
        return io.pb4j.core.internal.BulkRuleCheck.check(this, record, rule, checks);
    }

    /** The {@code _superusers} helpers (upsert, as {@code pb4j superuser upsert} does). */
    public Superusers superusers() {
        return new Superusers(this);
    }

    // ----- files

    /**
     * The app's file storage ({@code pb_data/storage} or S3, as the settings say), as PocketBase's
     * {@code NewFilesystem}.
     *
     * @throws IllegalStateException when pb-files ({@code io.pb4j.files}) is not installed
     */
    public FileStorage files() {
        FileStorage f = files;
        if (f == null) {
            throw new IllegalStateException("file storage needs the io.pb4j.files module (pb-files), which is not installed");
        }
        return f;
    }

    /** PocketBase's {@code OnFileDownloadRequest}; see {@link FileDownloadRequestEvent}. */
    public Hook<FileDownloadRequestEvent> onFileDownloadRequest() {
        return onFileDownloadRequest;
    }

    /** PocketBase's {@code OnFileTokenRequest}; see {@link FileTokenRequestEvent}. */
    public Hook<FileTokenRequestEvent> onFileTokenRequest() {
        return onFileTokenRequest;
    }

    /** Whether a file storage is installed (pb-files is present). */
    public boolean hasFiles() {
        return files != null;
    }

    /** Installs the file storage; pb-files calls it when it registers. */
    public void files(FileStorage storage) {
        this.files = java.util.Objects.requireNonNull(storage, "storage");
    }

    // ----- serving

    /**
     * Fires {@link #onServe()} so handlers can add routes, then starts the HTTP server (the hook's default action).
     * Returns the bound port at once.
     */
    public int serve(String host, int port) {
        if (store == null) {
            bootstrap();
        }
        // as PocketBase's apis.Serve: the latest migrations are applied before the server starts
        migrations.up();
        onServe.trigger(new ServeEvent(this, router, host), e -> {
            ServerProvider provider = Catalog.first(ServiceLoader.load(ServerProvider.class), "HTTP server (add the pb-http module)");
            server = provider.start(this, host, port, router);
        });
        if (server == null) {
            throw new IllegalStateException("an onServe handler did not call next(); the server was not started");
        }
        cron.start();
        return server.port();
    }

    /** The port the HTTP server listens on. */
    public int port() {
        ServerProvider.RunningServer s = server;
        if (s == null) {
            throw new IllegalStateException("the app is not serving");
        }
        return s.port();
    }

    /** The router the server dispatches to. */
    public Router router() {
        return router;
    }

    /** Blocks until {@link #close()} (or until the calling thread is interrupted). */
    public void awaitShutdown() {
        try {
            shutdown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fires {@link #onTerminate()}, whose default action stops the cron, the server, the log writer and the store. */
    @Override
    public synchronized void close() {
        hooks.terminate().trigger(new TerminateEvent(this, false), e -> shutDown());
    }

    private void shutDown() {
        cron.stop();
        ServerProvider.RunningServer s = server;
        if (s != null) {
            s.close();
            server = null;
        }
        closeLogWriter();
        Store st = store;
        if (st != null) {
            st.close();
            store = null;
        }
        shutdown.countDown();
        LOG.log(System.Logger.Level.DEBUG, "app closed");
    }

    // ----- internals

    /** Where record writes report to, so that the after-success hooks fire once their transaction commits. */
    io.pb4j.core.internal.RecordCommits recordCommits() {
        return recordHooks;
    }

    RecordHooks recordHooks() {
        return recordHooks;
    }

    /** Stops the log writer, writing what is queued while the store is still open. */
    private void closeLogWriter() {
        io.pb4j.core.internal.logs.LogWriter w = logWriter;
        if (w != null) {
            w.close();
            logWriter = null;
        }
    }

    SchemaCache schema() {
        if (schemaChanges.get() != schemaLoaded) {
            loadSchema();
        }
        SchemaCache s = schema;
        if (s == null) {
            throw new IllegalStateException("the app is not bootstrapped");
        }
        return s;
    }

    /** Re-reads collections and settings from the store. */
    public void reloadSchema() {
        loadSchema();
        cluster.schemaChanged("collections");
    }

    private void loadSchema() {
        long changes = schemaChanges.get();
        schema = store().read(s -> SchemaCache.load(s, settingsCipher()));
        schemaLoaded = changes;
        systemJobs.settingsReloaded();
    }

    /** Collection id to name, for the rate-limit labels that follow a rename. */
    private Map<String, String> collectionNames() {
        Map<String, String> names = new java.util.HashMap<>();
        collections().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    // ----- the app API: PocketBase's record finders, saves, transactions and SQL, by collection name or id

    /**
     * The collection with this id or name (case-insensitive).
     *
     * @throws java.util.NoSuchElementException when there is none (a 404 inside a route)
     */
    public Collection collection(String nameOrId) {
        return findCollection(nameOrId).orElseThrow(
                () -> new java.util.NoSuchElementException("missing collection " + '"' + nameOrId + '"'));
    }

    /**
     * PocketBase's {@code FindRecordById}: the record with this id in the collection with this name or id. No access
     * rule applies; {@code app.findRecordById("posts", id).orElseThrow()} in a route answers 404 when it is missing.
     */
    public Optional<Record> findRecordById(String collectionNameOrId, String id) {
        return findRecordById(collection(collectionNameOrId), id);
    }

    /** PocketBase's {@code FindRecordsByIds}: those of the records with these ids that exist, in table order. */
    public List<Record> findRecordsByIds(String collectionNameOrId, List<String> ids) {
        Collection c = collection(collectionNameOrId);
        return store().read(s -> io.pb4j.core.internal.RecordFinder.byIds(s, c, ids));
    }

    /**
     * PocketBase's {@code FindRecordsByFilter}: the records matching {@code filter} (the API's filter language, any
     * field including hidden ones, no access rule; {@code ""} for all) in {@code sort} order ({@code "-created,title"};
     * {@code ""} for table order), at most {@code limit} (0: all) after skipping {@code offset}. {@code {:name}}
     * placeholders in the filter take their values from {@code params}, quoted as literals, so user input never
     * becomes filter syntax:
     *
     * <pre>{@code
     * List<Record> open = app.findRecordsByFilter("orders", "status = {:status} && total > {:min}", "-created", 10, 0,
     *         Map.of("status", "open", "min", 100));
     * }</pre>
     *
     * @throws IllegalArgumentException for a filter or sort that does not compile, naming the reason (the token,
     *         the unknown field …); a 400 inside a route
     */
    public List<Record> findRecordsByFilter(String collectionNameOrId, String filter, String sort, int limit, int offset,
                                            Map<String, ?> params) {
        Collection c = collection(collectionNameOrId);
        return store().read(s -> io.pb4j.core.internal.RecordFinder.byFilter(s, c, filter, sort, limit, offset, params));
    }

    /** PocketBase's {@code FindFirstRecordByFilter}: the first record matching {@code filter} (see {@link #findRecordsByFilter}). */
    public Optional<Record> findFirstRecordByFilter(String collectionNameOrId, String filter, Map<String, ?> params) {
        return findRecordsByFilter(collectionNameOrId, filter, "", 1, 0, params).stream().findFirst();
    }

    /**
     * PocketBase's {@code FindFirstRecordByData}: the first record whose {@code field} equals {@code value} exactly.
     *
     * @throws IllegalArgumentException when the collection has no such field
     */
    public Optional<Record> findFirstRecordByData(String collectionNameOrId, String field, Object value) {
        Collection c = collection(collectionNameOrId);
        if (c.field(field).isEmpty()) {
            throw new IllegalArgumentException("invalid or missing field " + field);
        }
        return findFirstRecordByData(c, field, value);
    }

    /** PocketBase's {@code FindAllRecords}: every record of the collection, in table order. */
    public List<Record> findAllRecords(String collectionNameOrId) {
        return findRecordsByFilter(collectionNameOrId, "", "", 0, 0, Map.of());
    }

    /** PocketBase's {@code CountRecords}: how many records the collection has. */
    public long countRecords(String collectionNameOrId) {
        return countRecords(collectionNameOrId, "", Map.of());
    }

    /** How many records match {@code filter} (with {@code {:name}} placeholders, as {@link #findRecordsByFilter}). */
    public long countRecords(String collectionNameOrId, String filter, Map<String, ?> params) {
        Collection c = collection(collectionNameOrId);
        return store().read(s -> io.pb4j.core.internal.RecordFinder.count(s, c, filter, params));
    }

    /**
     * PocketBase's {@code FindAuthRecordByEmail}: the auth record with this email, ignoring case when the collection's
     * email index is {@code COLLATE NOCASE}, exactly otherwise (PocketBase's default index).
     *
     * @throws IllegalArgumentException when the collection is not an auth collection
     */
    public Optional<Record> findAuthRecordByEmail(String collectionNameOrId, String email) {
        Collection c = collection(collectionNameOrId);
        if (!c.isAuth()) {
            throw new IllegalArgumentException('"' + c.name() + "\" is not an auth collection");
        }
        return findRecordByUniqueField(c, "email", email);
    }

    /**
     * PocketBase's {@code FindAuthRecordByToken} without a type restriction: the auth record of a valid token of any
     * kind (auth, file, verification, password reset, email change). Needs pb-auth, as the typed variant.
     */
    public Optional<Record> findAuthRecordByToken(String token) {
        String type = io.pb4j.core.security.Jwt.claim(token, "type");
        return type.isEmpty() ? Optional.empty() : findAuthRecordByToken(token, type);
    }

    /**
     * PocketBase's {@code CanAccessRecord}: whether a requester ({@code request}; {@link RequestInfo#NONE} for a
     * guest) may access {@code record} under {@code rule} (empty: superusers only; {@code ""}: everybody; else a
     * filter such as the collection's {@code viewRule}). Superusers always may.
     */
    public boolean canAccessRecord(Record record, RequestInfo request, Optional<String> rule) {
        if (request.auth().map(a -> a.collection().isSuperusers()).orElse(false)) {
            return true;
        }
        return canAccessRecord(record, rule, List.of(new AccessCheck(request, "")))[0];
    }

    /**
     * PocketBase's {@code ExpandRecord}: the record's JSON as a superuser sees it, with the relations {@code expand}
     * names ({@code "author,comments_via_post.user"}) under its {@code expand} key.
     */
    public JsonObject expandRecord(Record record, String expand) {
        return expandRecords(List.of(record), expand).getFirst();
    }

    /** PocketBase's {@code ExpandRecords}: {@link #expandRecord} for many records of one collection at once. */
    public List<JsonObject> expandRecords(List<Record> records, String expand) {
        if (records.isEmpty()) {
            return List.of();
        }
        Optional<Record> superuser = Optional.of(new Record(collection("_superusers")));
        return expand(records, expand, new RequestInfo(superuser, "GET", Map.of(), Map.of(), Map.of(), "default"));
    }

    /**
     * PocketBase's {@code Validate}: checks {@code record} as {@link #save(Record)} would, without writing.
     *
     * @throws ValidationException with the field errors (a 400 with them inside a route)
     */
    public void validate(Record record) {
        store().read(s -> modelChain.validate(record, e -> {
            Map<String, Object> errors = io.pb4j.core.internal.RecordSaver.errors(s, record);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }));
    }

    /**
     * PocketBase's {@code SaveNoValidate}: writes {@code record} without the field, file and reference checks (the
     * database's own constraints, unique indexes included, still apply); hooks fire as for {@link #save(Record)}.
     */
    public Record saveNoValidate(Record record) {
        store().write(s -> {
            io.pb4j.core.internal.RecordSaver.save(s, record, recordHooks, false);
            return null;
        });
        record.markSaved();
        return record;
    }

    /**
     * PocketBase's {@code RunInTransaction}: runs {@code work} in one write transaction; every call it makes on the
     * app it is given (this app) from the same thread joins the transaction, {@link #db()} included. If it throws,
     * everything is rolled back (and collections and settings are re-read), then the exception is rethrown.
     * After-success hooks fire once it commits.
     *
     * <pre>{@code
     * app.runInTransaction(tx -> {
     *     Record order = new Record(tx.collection("orders"));
     *     order.set("total", 42);
     *     tx.save(order);
     *     tx.db().execute("UPDATE stock SET count = count - 1 WHERE item = {:item}", Map.of("item", "x"));
     * });
     * }</pre>
     */
    public void runInTransaction(Consumer<PocketBase> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** {@link #runInTransaction(Consumer)} for work with a result. */
    public <T> T inTransaction(java.util.function.Function<PocketBase, T> work) {
        try {
            return store().write(s -> work.apply(this));
        } catch (RuntimeException | Error e) {
            // a collection or settings change inside may have refreshed the caches from rows now rolled back
            reloadSchema();
            throw e;
        }
    }

    /** The app's own SQL with named parameters mapped to Java records; see {@link Db}. */
    public Db db() {
        return new io.pb4j.core.internal.SessionDb(this::store);
    }

    // ----- the command line (PocketBase's app.Start and app.RootCmd)

    private final Commands rootCommand = new Commands();

    /** The app's own commands, run by {@link #start} beside {@code serve}, {@code superuser} and {@code migrate}. */
    public Commands rootCommand() {
        return rootCommand;
    }

    /**
     * PocketBase's {@code app.Start()}: runs the command line {@code args} (what {@code main} received) against this
     * app: {@code serve} (blocks until the app is closed, by SIGTERM/SIGINT too), {@code superuser},
     * {@code migrate}, {@code --help}, {@code --version}, or one of the {@link #rootCommand()} commands. Output and
     * errors are printed as the {@code pb4j} command prints them. Returns the exit status (0 success, 1 failure);
     * it never calls {@code System.exit}. The flags that configure the app ({@code --dir}, {@code --dev},
     * {@code --encryptionEnv}, {@code --queryTimeout}) take effect through {@link Config.Builder#args} at create:
     *
     * <pre>{@code
     * public static void main(String[] args) {
     *     var app = PocketBase.create(cfg -> cfg.args(args));
     *     app.onServe().bind(se -> { se.router().get("/api/hello", e -> e.string(200, "Hello")); se.next(); });
     *     int status = app.start(args);
     *     if (status != 0) System.exit(status);
     * }
     * }</pre>
     *
     * @throws IllegalStateException when the pb-cli module ({@code io.pb4j.cli}), which provides the command line,
     *         is not on the module path
     */
    public int start(String... args) {
        io.pb4j.core.spi.Launcher launcher = ServiceLoader.load(io.pb4j.core.spi.Launcher.class).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "app.start needs the pb-cli module (io.pb4j.cli) on the module path or class path"));
        return launcher.start(this, List.of(args));
    }

    // ----- the hook catalogue (PocketBase's request hooks; see Hooks)

    private final Hooks hooks = new Hooks();
    private final ModelHooks modelHooks = new ModelHooks();
    private final ModelChain modelChain = new ModelChain(this, modelHooks, hooks, recordHooks);
    private final io.pb4j.core.internal.CollectionWrites collectionWrites = new CollectionHooks(modelChain);

    /** PocketBase's model and collection hooks ({@code onModel*}, {@code onCollection*}); see {@link ModelEvent}. */
    public ModelHooks modelHooks() {
        return modelHooks;
    }

    ModelChain modelChain() {
        return modelChain;
    }

    /** {@code onRecordEnrich} for the expander: each record's chain in turn; false once a handler stopped one. */
    private final RecordExpander.Enrich enricher = new RecordExpander.Enrich() {
        @Override
        public boolean active() {
            return hooks.recordEnrich().length() > 0;
        }

        @Override
        public boolean run(List<Record> records, RequestInfo info) {
            if (!active()) {
                return true;
            }
            for (Record r : records) {
                boolean[] through = {false};
                hooks.recordEnrich().trigger(new RecordEnrichEvent(PocketBase.this, r, info), e -> through[0] = true);
                if (!through[0]) {
                    return false;
                }
            }
            return true;
        }
    };

    /** The request hooks of PocketBase's catalogue that pb4j fires; the {@code onX()} methods below hand them out. */
    public Hooks hooks() {
        return hooks;
    }

    /** Every hook of the app under PocketBase's name ({@code "OnRecordCreateRequest"} …), e.g. to count calls. */
    public Map<String, Hook<?>> hooksByName() {
        return Hooks.all(this);
    }

    /** PocketBase's {@code OnRecordsListRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordsListRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordsListRequestEvent> onRecordsListRequest(String... tags) {
        return hooks.recordsListRequest(tags);
    }

    /** PocketBase's {@code OnRecordViewRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordViewRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordViewRequest(String... tags) {
        return hooks.recordViewRequest(tags);
    }

    /** PocketBase's {@code OnRecordCreateRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordCreateRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordCreateRequest(String... tags) {
        return hooks.recordCreateRequest(tags);
    }

    /** PocketBase's {@code OnRecordUpdateRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordUpdateRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordUpdateRequest(String... tags) {
        return hooks.recordUpdateRequest(tags);
    }

    /** PocketBase's {@code OnRecordDeleteRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordDeleteRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordDeleteRequest(String... tags) {
        return hooks.recordDeleteRequest(tags);
    }

    /** PocketBase's {@code OnRecordAuthWithPasswordRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordAuthWithPasswordRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordAuthWithPasswordRequest(String... tags) {
        return hooks.recordAuthWithPasswordRequest(tags);
    }

    /** PocketBase's {@code OnRecordAuthRefreshRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordAuthRefreshRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordAuthRefreshRequest(String... tags) {
        return hooks.recordAuthRefreshRequest(tags);
    }

    /** PocketBase's {@code OnRecordRequestOTPRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordRequestOTPRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordRequestOTPRequest(String... tags) {
        return hooks.recordRequestOTPRequest(tags);
    }

    /** PocketBase's {@code OnRecordRequestVerificationRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordRequestVerificationRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordRequestVerificationRequest(String... tags) {
        return hooks.recordRequestVerificationRequest(tags);
    }

    /** PocketBase's {@code OnRecordConfirmVerificationRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordConfirmVerificationRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordConfirmVerificationRequest(String... tags) {
        return hooks.recordConfirmVerificationRequest(tags);
    }

    /** PocketBase's {@code OnRecordRequestPasswordResetRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordRequestPasswordResetRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordRequestPasswordResetRequest(String... tags) {
        return hooks.recordRequestPasswordResetRequest(tags);
    }

    /** PocketBase's {@code OnRecordConfirmPasswordResetRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordConfirmPasswordResetRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordConfirmPasswordResetRequest(String... tags) {
        return hooks.recordConfirmPasswordResetRequest(tags);
    }

    /** PocketBase's {@code OnRecordRequestEmailChangeRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordRequestEmailChangeRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordRequestEmailChangeRequest(String... tags) {
        return hooks.recordRequestEmailChangeRequest(tags);
    }

    /** PocketBase's {@code OnRecordConfirmEmailChangeRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordConfirmEmailChangeRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordConfirmEmailChangeRequest(String... tags) {
        return hooks.recordConfirmEmailChangeRequest(tags);
    }

    /** PocketBase's {@code OnCollectionViewRequest} for the collections with these names or ids (none: all); see {@link Hooks#collectionViewRequest()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionRequestEvent> onCollectionViewRequest(String... tags) {
        return hooks.collectionViewRequest(tags);
    }

    /** PocketBase's {@code OnCollectionCreateRequest} for the collections with these names or ids (none: all); see {@link Hooks#collectionCreateRequest()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionRequestEvent> onCollectionCreateRequest(String... tags) {
        return hooks.collectionCreateRequest(tags);
    }

    /** PocketBase's {@code OnCollectionUpdateRequest} for the collections with these names or ids (none: all); see {@link Hooks#collectionUpdateRequest()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionRequestEvent> onCollectionUpdateRequest(String... tags) {
        return hooks.collectionUpdateRequest(tags);
    }

    /** PocketBase's {@code OnCollectionDeleteRequest} for the collections with these names or ids (none: all); see {@link Hooks#collectionDeleteRequest()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionRequestEvent> onCollectionDeleteRequest(String... tags) {
        return hooks.collectionDeleteRequest(tags);
    }

    /** PocketBase's {@code OnCollectionsListRequest}; see {@link Hooks#collectionsListRequest()}. */
    public Hook<CollectionsRequestEvent> onCollectionsListRequest() {
        return hooks.collectionsListRequest();
    }

    /** PocketBase's {@code OnCollectionsImportRequest}; see {@link Hooks#collectionsImportRequest()}. */
    public Hook<CollectionsRequestEvent> onCollectionsImportRequest() {
        return hooks.collectionsImportRequest();
    }

    /** PocketBase's {@code OnRecordValidate} for the collections with these names or ids (none: all); see {@link Hooks#recordValidate()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordValidate(String... tags) {
        return hooks.recordValidate(tags);
    }

    /** PocketBase's {@code OnRecordCreate} for the collections with these names or ids (none: all); see {@link Hooks#recordCreate()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordCreate(String... tags) {
        return hooks.recordCreate(tags);
    }

    /** PocketBase's {@code OnRecordCreateExecute} for the collections with these names or ids (none: all); see {@link Hooks#recordCreateExecute()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordCreateExecute(String... tags) {
        return hooks.recordCreateExecute(tags);
    }

    /** PocketBase's {@code OnRecordAfterCreateError} for the collections with these names or ids (none: all); see {@link Hooks#recordAfterCreateError()}. */
    public io.pb4j.core.hook.TaggedHook<RecordErrorEvent> onRecordAfterCreateError(String... tags) {
        return hooks.recordAfterCreateError(tags);
    }

    /** PocketBase's {@code OnRecordUpdate} for the collections with these names or ids (none: all); see {@link Hooks#recordUpdate()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordUpdate(String... tags) {
        return hooks.recordUpdate(tags);
    }

    /** PocketBase's {@code OnRecordUpdateExecute} for the collections with these names or ids (none: all); see {@link Hooks#recordUpdateExecute()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordUpdateExecute(String... tags) {
        return hooks.recordUpdateExecute(tags);
    }

    /** PocketBase's {@code OnRecordAfterUpdateError} for the collections with these names or ids (none: all); see {@link Hooks#recordAfterUpdateError()}. */
    public io.pb4j.core.hook.TaggedHook<RecordErrorEvent> onRecordAfterUpdateError(String... tags) {
        return hooks.recordAfterUpdateError(tags);
    }

    /** PocketBase's {@code OnRecordDelete} for the collections with these names or ids (none: all); see {@link Hooks#recordDelete()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordDelete(String... tags) {
        return hooks.recordDelete(tags);
    }

    /** PocketBase's {@code OnRecordDeleteExecute} for the collections with these names or ids (none: all); see {@link Hooks#recordDeleteExecute()}. */
    public io.pb4j.core.hook.TaggedHook<RecordEvent> onRecordDeleteExecute(String... tags) {
        return hooks.recordDeleteExecute(tags);
    }

    /** PocketBase's {@code OnRecordAfterDeleteError} for the collections with these names or ids (none: all); see {@link Hooks#recordAfterDeleteError()}. */
    public io.pb4j.core.hook.TaggedHook<RecordErrorEvent> onRecordAfterDeleteError(String... tags) {
        return hooks.recordAfterDeleteError(tags);
    }

    /** PocketBase's {@code OnMailerRecordVerificationSend} for the collections with these names or ids (none: all); see {@link Hooks#mailerRecordVerificationSend()}. */
    public io.pb4j.core.hook.TaggedHook<MailerRecordEvent> onMailerRecordVerificationSend(String... tags) {
        return hooks.mailerRecordVerificationSend(tags);
    }

    /** PocketBase's {@code OnMailerRecordPasswordResetSend} for the collections with these names or ids (none: all); see {@link Hooks#mailerRecordPasswordResetSend()}. */
    public io.pb4j.core.hook.TaggedHook<MailerRecordEvent> onMailerRecordPasswordResetSend(String... tags) {
        return hooks.mailerRecordPasswordResetSend(tags);
    }

    /** PocketBase's {@code OnMailerRecordEmailChangeSend} for the collections with these names or ids (none: all); see {@link Hooks#mailerRecordEmailChangeSend()}. */
    public io.pb4j.core.hook.TaggedHook<MailerRecordEvent> onMailerRecordEmailChangeSend(String... tags) {
        return hooks.mailerRecordEmailChangeSend(tags);
    }

    /** PocketBase's {@code OnMailerRecordOTPSend} for the collections with these names or ids (none: all); see {@link Hooks#mailerRecordOTPSend()}. */
    public io.pb4j.core.hook.TaggedHook<MailerRecordEvent> onMailerRecordOTPSend(String... tags) {
        return hooks.mailerRecordOTPSend(tags);
    }

    /** PocketBase's {@code OnMailerRecordAuthAlertSend} for the collections with these names or ids (none: all); see {@link Hooks#mailerRecordAuthAlertSend()}. */
    public io.pb4j.core.hook.TaggedHook<MailerRecordEvent> onMailerRecordAuthAlertSend(String... tags) {
        return hooks.mailerRecordAuthAlertSend(tags);
    }

    /** PocketBase's {@code OnRecordAuthWithOTPRequest} for the collections with these names or ids (none: all); see {@link Hooks#recordAuthWithOTPRequest()}. */
    public io.pb4j.core.hook.TaggedHook<RecordRequestEvent> onRecordAuthWithOTPRequest(String... tags) {
        return hooks.recordAuthWithOTPRequest(tags);
    }

    /** PocketBase's {@code OnTerminate}; see {@link TerminateEvent}. */
    public Hook<TerminateEvent> onTerminate() {
        return hooks.terminate();
    }

    /** PocketBase's {@code OnBatchRequest}; see {@link BatchRequestEvent}. */
    public Hook<BatchRequestEvent> onBatchRequest() {
        return hooks.batchRequest();
    }

    /** PocketBase's {@code OnModelValidate} for the events with these tags (none: all); see {@link ModelHooks#modelValidate()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelValidate(String... tags) {
        return modelHooks.modelValidate(tags);
    }

    /** PocketBase's {@code OnModelCreate} for the events with these tags (none: all); see {@link ModelHooks#modelCreate()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelCreate(String... tags) {
        return modelHooks.modelCreate(tags);
    }

    /** PocketBase's {@code OnModelCreateExecute} for the events with these tags (none: all); see {@link ModelHooks#modelCreateExecute()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelCreateExecute(String... tags) {
        return modelHooks.modelCreateExecute(tags);
    }

    /** PocketBase's {@code OnModelAfterCreateSuccess} for the events with these tags (none: all); see {@link ModelHooks#modelAfterCreateSuccess()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelAfterCreateSuccess(String... tags) {
        return modelHooks.modelAfterCreateSuccess(tags);
    }

    /** PocketBase's {@code OnModelAfterCreateError} for the events with these tags (none: all); see {@link ModelHooks#modelAfterCreateError()}. */
    public io.pb4j.core.hook.TaggedHook<ModelErrorEvent> onModelAfterCreateError(String... tags) {
        return modelHooks.modelAfterCreateError(tags);
    }

    /** PocketBase's {@code OnModelUpdate} for the events with these tags (none: all); see {@link ModelHooks#modelUpdate()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelUpdate(String... tags) {
        return modelHooks.modelUpdate(tags);
    }

    /** PocketBase's {@code OnModelUpdateExecute} for the events with these tags (none: all); see {@link ModelHooks#modelUpdateExecute()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelUpdateExecute(String... tags) {
        return modelHooks.modelUpdateExecute(tags);
    }

    /** PocketBase's {@code OnModelAfterUpdateSuccess} for the events with these tags (none: all); see {@link ModelHooks#modelAfterUpdateSuccess()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelAfterUpdateSuccess(String... tags) {
        return modelHooks.modelAfterUpdateSuccess(tags);
    }

    /** PocketBase's {@code OnModelAfterUpdateError} for the events with these tags (none: all); see {@link ModelHooks#modelAfterUpdateError()}. */
    public io.pb4j.core.hook.TaggedHook<ModelErrorEvent> onModelAfterUpdateError(String... tags) {
        return modelHooks.modelAfterUpdateError(tags);
    }

    /** PocketBase's {@code OnModelDelete} for the events with these tags (none: all); see {@link ModelHooks#modelDelete()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelDelete(String... tags) {
        return modelHooks.modelDelete(tags);
    }

    /** PocketBase's {@code OnModelDeleteExecute} for the events with these tags (none: all); see {@link ModelHooks#modelDeleteExecute()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelDeleteExecute(String... tags) {
        return modelHooks.modelDeleteExecute(tags);
    }

    /** PocketBase's {@code OnModelAfterDeleteSuccess} for the events with these tags (none: all); see {@link ModelHooks#modelAfterDeleteSuccess()}. */
    public io.pb4j.core.hook.TaggedHook<ModelEvent> onModelAfterDeleteSuccess(String... tags) {
        return modelHooks.modelAfterDeleteSuccess(tags);
    }

    /** PocketBase's {@code OnModelAfterDeleteError} for the events with these tags (none: all); see {@link ModelHooks#modelAfterDeleteError()}. */
    public io.pb4j.core.hook.TaggedHook<ModelErrorEvent> onModelAfterDeleteError(String... tags) {
        return modelHooks.modelAfterDeleteError(tags);
    }

    /** PocketBase's {@code OnCollectionValidate} for the events with these tags (none: all); see {@link ModelHooks#collectionValidate()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionValidate(String... tags) {
        return modelHooks.collectionValidate(tags);
    }

    /** PocketBase's {@code OnCollectionCreate} for the events with these tags (none: all); see {@link ModelHooks#collectionCreate()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionCreate(String... tags) {
        return modelHooks.collectionCreate(tags);
    }

    /** PocketBase's {@code OnCollectionCreateExecute} for the events with these tags (none: all); see {@link ModelHooks#collectionCreateExecute()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionCreateExecute(String... tags) {
        return modelHooks.collectionCreateExecute(tags);
    }

    /** PocketBase's {@code OnCollectionAfterCreateSuccess} for the events with these tags (none: all); see {@link ModelHooks#collectionAfterCreateSuccess()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionAfterCreateSuccess(String... tags) {
        return modelHooks.collectionAfterCreateSuccess(tags);
    }

    /** PocketBase's {@code OnCollectionAfterCreateError} for the events with these tags (none: all); see {@link ModelHooks#collectionAfterCreateError()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionErrorEvent> onCollectionAfterCreateError(String... tags) {
        return modelHooks.collectionAfterCreateError(tags);
    }

    /** PocketBase's {@code OnCollectionUpdate} for the events with these tags (none: all); see {@link ModelHooks#collectionUpdate()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionUpdate(String... tags) {
        return modelHooks.collectionUpdate(tags);
    }

    /** PocketBase's {@code OnCollectionUpdateExecute} for the events with these tags (none: all); see {@link ModelHooks#collectionUpdateExecute()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionUpdateExecute(String... tags) {
        return modelHooks.collectionUpdateExecute(tags);
    }

    /** PocketBase's {@code OnCollectionAfterUpdateSuccess} for the events with these tags (none: all); see {@link ModelHooks#collectionAfterUpdateSuccess()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionAfterUpdateSuccess(String... tags) {
        return modelHooks.collectionAfterUpdateSuccess(tags);
    }

    /** PocketBase's {@code OnCollectionAfterUpdateError} for the events with these tags (none: all); see {@link ModelHooks#collectionAfterUpdateError()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionErrorEvent> onCollectionAfterUpdateError(String... tags) {
        return modelHooks.collectionAfterUpdateError(tags);
    }

    /** PocketBase's {@code OnCollectionDelete} for the events with these tags (none: all); see {@link ModelHooks#collectionDelete()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionDelete(String... tags) {
        return modelHooks.collectionDelete(tags);
    }

    /** PocketBase's {@code OnCollectionDeleteExecute} for the events with these tags (none: all); see {@link ModelHooks#collectionDeleteExecute()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionDeleteExecute(String... tags) {
        return modelHooks.collectionDeleteExecute(tags);
    }

    /** PocketBase's {@code OnCollectionAfterDeleteSuccess} for the events with these tags (none: all); see {@link ModelHooks#collectionAfterDeleteSuccess()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionEvent> onCollectionAfterDeleteSuccess(String... tags) {
        return modelHooks.collectionAfterDeleteSuccess(tags);
    }

    /** PocketBase's {@code OnCollectionAfterDeleteError} for the events with these tags (none: all); see {@link ModelHooks#collectionAfterDeleteError()}. */
    public io.pb4j.core.hook.TaggedHook<CollectionErrorEvent> onCollectionAfterDeleteError(String... tags) {
        return modelHooks.collectionAfterDeleteError(tags);
    }

    /** PocketBase's {@code OnRecordEnrich} for the collections with these names or ids (none: all); see {@link RecordEnrichEvent}. */
    public io.pb4j.core.hook.TaggedHook<RecordEnrichEvent> onRecordEnrich(String... tags) {
        return hooks.recordEnrich(tags);
    }

    /** PocketBase's {@code OnRecordAuthRequest} for the collections with these names or ids (none: all); see {@link RecordAuthRequestEvent}. */
    public io.pb4j.core.hook.TaggedHook<RecordAuthRequestEvent> onRecordAuthRequest(String... tags) {
        return hooks.recordAuthRequest(tags);
    }

    /** PocketBase's {@code OnRecordAuthWithOAuth2Request} for the collections with these names or ids (none: all); see {@link RecordAuthWithOAuth2RequestEvent}. */
    public io.pb4j.core.hook.TaggedHook<RecordAuthWithOAuth2RequestEvent> onRecordAuthWithOAuth2Request(String... tags) {
        return hooks.recordAuthWithOAuth2Request(tags);
    }
}
