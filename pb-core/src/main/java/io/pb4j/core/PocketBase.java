package io.pb4j.core;

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
import io.pb4j.core.internal.mail.SmtpMailer;
import io.pb4j.core.mail.MailException;
import io.pb4j.core.mail.Mailer;
import io.pb4j.core.mail.MailerSendEvent;
import io.pb4j.core.internal.SchemaCache;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.Plugin;
import io.pb4j.core.spi.ServerProvider;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import io.pb4j.core.spi.StoreProvider;
import jakarta.json.JsonObject;
import java.util.List;
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
    private final Router router = new Router();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile Store store;
    private volatile SchemaCache schema;
    private volatile ServerProvider.RunningServer server;

    private PocketBase(Config config) {
        this.config = config;
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

    public Config config() {
        return config;
    }

    public Hook<BootstrapEvent> onBootstrap() {
        return onBootstrap;
    }

    public Hook<ServeEvent> onServe() {
        return onServe;
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

    /** Opens the store, applies the system schema to a fresh data dir and loads collections and settings. */
    public void bootstrap() {
        onBootstrap.trigger(new BootstrapEvent(this), e -> {
            if (store == null) {
                StoreProvider provider = Catalog.named(ServiceLoader.load(StoreProvider.class), StoreProvider::name, config.storeName(), "store");
                store = provider.open(config.dataDir(), config.queryTimeout());
                Schema.ensure(store);
                reloadSchema();
            }
        });
    }

    public boolean isBootstrapped() {
        return store != null;
    }

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
     * Replaces the settings ({@code _params} row {@code settings}) with {@code settings} as given, no validation or
     * merging, and reloads the cache. A stand-in until the settings API lands; tests use it to switch features on.
     */
    public void saveSettings(JsonObject settings) {
        store().write(s -> {
            io.pb4j.core.internal.Settings.save(s, settings);
            return null;
        });
        reloadSchema();
    }

    // ----- collections

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
        Collection saved = store().write(s -> CollectionSaver.save(s, collection));
        reloadSchema();
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
        store().write(s -> {
            CollectionImport.run(s, collections, deleteMissing);
            return null;
        });
        reloadSchema();
    }

    /** Deletes a collection and drops its table. */
    public void delete(Collection collection) {
        store().write(s -> {
            CollectionSaver.delete(s, collection);
            return null;
        });
        reloadSchema();
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
            CollectionSaver.truncate(s, collection);
            return null;
        });
    }

    // ----- records

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
            RecordSaver.save(s, record);
            return null;
        });
        record.markSaved();
        return record;
    }

    public void delete(Record record) {
        store().write(s -> {
            RecordSaver.delete(s, record);
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
        return new RecordExpander(this, request).export(records, expand);
    }

    public Superusers superusers() {
        return new Superusers(this);
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
        onServe.trigger(new ServeEvent(this, router), e -> {
            ServerProvider provider = Catalog.first(ServiceLoader.load(ServerProvider.class), "HTTP server (add the pb-http module)");
            server = provider.start(this, host, port, router);
        });
        if (server == null) {
            throw new IllegalStateException("an onServe handler did not call next(); the server was not started");
        }
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

    @Override
    public synchronized void close() {
        ServerProvider.RunningServer s = server;
        if (s != null) {
            s.close();
            server = null;
        }
        Store st = store;
        if (st != null) {
            st.close();
            store = null;
        }
        shutdown.countDown();
        LOG.log(System.Logger.Level.DEBUG, "app closed");
    }

    // ----- internals

    SchemaCache schema() {
        SchemaCache s = schema;
        if (s == null) {
            throw new IllegalStateException("the app is not bootstrapped");
        }
        return s;
    }

    /** Re-reads collections and settings from the store. */
    public void reloadSchema() {
        schema = store().read(SchemaCache::load);
    }
}
