package io.pb4j.core;

import io.pb4j.core.hook.Tagged;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code RecordAuthWithOAuth2RequestEvent}, {@code onRecordAuthWithOAuth2Request},
 * POST …/auth-with-oauth2: fired once the provider answered with its user, with the record that sign-in belongs to
 * (linked, signed in, or of the same email; empty when a new one is to be created). The default action creates the
 * record from {@link #createData()} (or updates and links the found one) in one transaction and answers as every
 * sign-in ({@link RecordAuthRequestEvent}). A handler may pick another record, change the create data, or answer
 * itself. Tagged with the collection's id and name. Per request, not thread-safe.
 */
public final class RecordAuthWithOAuth2RequestEvent extends RequestHookEvent implements Tagged {
    private final Collection collection;
    private final String providerName;
    private final JsonObject oauth2User;
    private final boolean isNewRecord;
    private Record record;
    private JsonObject createData;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public RecordAuthWithOAuth2RequestEvent(RequestEvent request, Collection collection, String providerName,
                                            JsonObject oauth2User, Optional<Record> record, JsonObject createData) {
        super(request);
        this.collection = Objects.requireNonNull(collection, "collection");
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.oauth2User = Objects.requireNonNull(oauth2User, "oauth2User");
        this.record = record.orElse(null);
        this.isNewRecord = record.isEmpty();
        this.createData = Objects.requireNonNull(createData, "createData");
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** The provider's name, e.g. {@code google}. */
    public String providerName() {
        return providerName;
    }

    /** The provider's user as the answer's {@code meta} shows it ({@code id}, {@code name}, {@code email}, {@code rawUser} …). */
    public JsonObject oauth2User() {
        return oauth2User;
    }

    /** The record signing in; empty when the default action is to create one. */
    public Optional<Record> record() {
        return Optional.ofNullable(record);
    }

    /** Replaces the record signing in (empty: create one). */
    public void record(Optional<Record> record) {
        this.record = record.orElse(null);
    }

    /** The request's {@code createData}, the fields of a record created by this sign-in. */
    public JsonObject createData() {
        return createData;
    }

    /** Replaces the data a new record is created from. */
    public void createData(JsonObject createData) {
        this.createData = Objects.requireNonNull(createData, "createData");
    }

    /** Whether no record was found when the event was made (the answer's {@code meta.isNew}). */
    public boolean isNewRecord() {
        return isNewRecord;
    }

    @Override
    public List<String> tags() {
        return List.of(collection.id(), collection.name());
    }
}
