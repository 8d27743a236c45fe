package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.hook.TaggedHook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request, record model and record mailer hooks of PocketBase's catalogue that pb4j fires, held together so {@link PocketBase} stays a list of
 * accessors (its {@code onX()} methods hand these out). Each is fired by its endpoint once the request passed the
 * endpoint's checks (auth, rules, body) and before the endpoint's work, which is the hook's default action: a handler
 * may change the event, answer itself without {@code next()}, or run {@code next()} inside
 * {@code app.store().write(…)} and throw to roll the work back. Record and collection hooks are tagged with the
 * collection's id and name ({@link TaggedHook}). Thread-safe.
 */
public final class Hooks {
    private final Hook<RecordsListRequestEvent> recordsListRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordViewRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordCreateRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordUpdateRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordDeleteRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordAuthWithPasswordRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordAuthRefreshRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordRequestOTPRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordRequestVerificationRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordConfirmVerificationRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordRequestPasswordResetRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordConfirmPasswordResetRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordRequestEmailChangeRequest = new Hook<>();
    private final Hook<RecordRequestEvent> recordConfirmEmailChangeRequest = new Hook<>();
    private final Hook<CollectionRequestEvent> collectionViewRequest = new Hook<>();
    private final Hook<CollectionRequestEvent> collectionCreateRequest = new Hook<>();
    private final Hook<CollectionRequestEvent> collectionUpdateRequest = new Hook<>();
    private final Hook<CollectionRequestEvent> collectionDeleteRequest = new Hook<>();
    private final Hook<CollectionsRequestEvent> collectionsListRequest = new Hook<>();
    private final Hook<CollectionsRequestEvent> collectionsImportRequest = new Hook<>();
    private final Hook<RecordEvent> recordValidate = new Hook<>();
    private final Hook<RecordEvent> recordCreate = new Hook<>();
    private final Hook<RecordEvent> recordCreateExecute = new Hook<>();
    private final Hook<RecordErrorEvent> recordAfterCreateError = new Hook<>();
    private final Hook<RecordEvent> recordUpdate = new Hook<>();
    private final Hook<RecordEvent> recordUpdateExecute = new Hook<>();
    private final Hook<RecordErrorEvent> recordAfterUpdateError = new Hook<>();
    private final Hook<RecordEvent> recordDelete = new Hook<>();
    private final Hook<RecordEvent> recordDeleteExecute = new Hook<>();
    private final Hook<RecordErrorEvent> recordAfterDeleteError = new Hook<>();
    private final Hook<MailerRecordEvent> mailerRecordVerificationSend = new Hook<>();
    private final Hook<MailerRecordEvent> mailerRecordPasswordResetSend = new Hook<>();
    private final Hook<MailerRecordEvent> mailerRecordEmailChangeSend = new Hook<>();
    private final Hook<MailerRecordEvent> mailerRecordOTPSend = new Hook<>();
    private final Hook<MailerRecordEvent> mailerRecordAuthAlertSend = new Hook<>();
    private final Hook<RecordRequestEvent> recordAuthWithOTPRequest = new Hook<>();
    private final Hook<TerminateEvent> terminate = new Hook<>();
    private final Hook<BatchRequestEvent> batchRequest = new Hook<>();
    private final Hook<RecordEnrichEvent> recordEnrich = new Hook<>();
    private final Hook<RecordAuthRequestEvent> recordAuthRequest = new Hook<>();
    private final Hook<RecordAuthWithOAuth2RequestEvent> recordAuthWithOAuth2Request = new Hook<>();

    Hooks() {
    }

    /** PocketBase's {@code OnRecordsListRequest}, GET /api/collections/{collection}/records: once the page is fetched; the default action expands and answers it. */
    public Hook<RecordsListRequestEvent> recordsListRequest() {
        return recordsListRequest;
    }

    /** {@link #recordsListRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordsListRequestEvent> recordsListRequest(String... tags) {
        return new TaggedHook<>(recordsListRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordViewRequest}, GET /api/collections/{collection}/records/{id}: once the record passed the view rule; the default action answers it. */
    public Hook<RecordRequestEvent> recordViewRequest() {
        return recordViewRequest;
    }

    /** {@link #recordViewRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordViewRequest(String... tags) {
        return new TaggedHook<>(recordViewRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordCreateRequest}, POST /api/collections/{collection}/records: with the new record loaded from the request; the default action validates and saves it (create rule included) and answers it. */
    public Hook<RecordRequestEvent> recordCreateRequest() {
        return recordCreateRequest;
    }

    /** {@link #recordCreateRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordCreateRequest(String... tags) {
        return new TaggedHook<>(recordCreateRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordUpdateRequest}, PATCH /api/collections/{collection}/records/{id}: with the record changed by the request; the default action validates and saves it and answers it. */
    public Hook<RecordRequestEvent> recordUpdateRequest() {
        return recordUpdateRequest;
    }

    /** {@link #recordUpdateRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordUpdateRequest(String... tags) {
        return new TaggedHook<>(recordUpdateRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordDeleteRequest}, DELETE /api/collections/{collection}/records/{id}: once the record passed the delete rule; the default action deletes it and answers 204. */
    public Hook<RecordRequestEvent> recordDeleteRequest() {
        return recordDeleteRequest;
    }

    /** {@link #recordDeleteRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordDeleteRequest(String... tags) {
        return new TaggedHook<>(recordDeleteRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAuthWithPasswordRequest}, POST …/auth-with-password: once the identity and password matched; the default action signs the record in. */
    public Hook<RecordRequestEvent> recordAuthWithPasswordRequest() {
        return recordAuthWithPasswordRequest;
    }

    /** {@link #recordAuthWithPasswordRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordAuthWithPasswordRequest(String... tags) {
        return new TaggedHook<>(recordAuthWithPasswordRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAuthRefreshRequest}, POST …/auth-refresh: with the token's record; the default action answers a fresh token. */
    public Hook<RecordRequestEvent> recordAuthRefreshRequest() {
        return recordAuthRefreshRequest;
    }

    /** {@link #recordAuthRefreshRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordAuthRefreshRequest(String... tags) {
        return new TaggedHook<>(recordAuthRefreshRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordRequestOTPRequest}, POST …/request-otp: with the record of the email (empty when there is none); the default action creates and mails the OTP. */
    public Hook<RecordRequestEvent> recordRequestOTPRequest() {
        return recordRequestOTPRequest;
    }

    /** {@link #recordRequestOTPRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordRequestOTPRequest(String... tags) {
        return new TaggedHook<>(recordRequestOTPRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordRequestVerificationRequest}, POST …/request-verification: with the record of the email; the default action mails the verification link. */
    public Hook<RecordRequestEvent> recordRequestVerificationRequest() {
        return recordRequestVerificationRequest;
    }

    /** {@link #recordRequestVerificationRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordRequestVerificationRequest(String... tags) {
        return new TaggedHook<>(recordRequestVerificationRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordConfirmVerificationRequest}, POST …/confirm-verification: with the token's record; the default action marks it verified. */
    public Hook<RecordRequestEvent> recordConfirmVerificationRequest() {
        return recordConfirmVerificationRequest;
    }

    /** {@link #recordConfirmVerificationRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordConfirmVerificationRequest(String... tags) {
        return new TaggedHook<>(recordConfirmVerificationRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordRequestPasswordResetRequest}, POST …/request-password-reset: with the record of the email; the default action mails the reset link. */
    public Hook<RecordRequestEvent> recordRequestPasswordResetRequest() {
        return recordRequestPasswordResetRequest;
    }

    /** {@link #recordRequestPasswordResetRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordRequestPasswordResetRequest(String... tags) {
        return new TaggedHook<>(recordRequestPasswordResetRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordConfirmPasswordResetRequest}, POST …/confirm-password-reset: with the token's record; the default action sets the new password. */
    public Hook<RecordRequestEvent> recordConfirmPasswordResetRequest() {
        return recordConfirmPasswordResetRequest;
    }

    /** {@link #recordConfirmPasswordResetRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordConfirmPasswordResetRequest(String... tags) {
        return new TaggedHook<>(recordConfirmPasswordResetRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordRequestEmailChangeRequest}, POST …/request-email-change: with the signed-in record; the default action mails the confirmation link. */
    public Hook<RecordRequestEvent> recordRequestEmailChangeRequest() {
        return recordRequestEmailChangeRequest;
    }

    /** {@link #recordRequestEmailChangeRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordRequestEmailChangeRequest(String... tags) {
        return new TaggedHook<>(recordRequestEmailChangeRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordConfirmEmailChangeRequest}, POST …/confirm-email-change: with the token's record; the default action changes its email. */
    public Hook<RecordRequestEvent> recordConfirmEmailChangeRequest() {
        return recordConfirmEmailChangeRequest;
    }

    /** {@link #recordConfirmEmailChangeRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordConfirmEmailChangeRequest(String... tags) {
        return new TaggedHook<>(recordConfirmEmailChangeRequest, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionViewRequest}, GET /api/collections/{collection}: the default action answers the collection. */
    public Hook<CollectionRequestEvent> collectionViewRequest() {
        return collectionViewRequest;
    }

    /** {@link #collectionViewRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<CollectionRequestEvent> collectionViewRequest(String... tags) {
        return new TaggedHook<>(collectionViewRequest, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionCreateRequest}, POST /api/collections: with the collection built from the request; the default action saves and answers it. */
    public Hook<CollectionRequestEvent> collectionCreateRequest() {
        return collectionCreateRequest;
    }

    /** {@link #collectionCreateRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<CollectionRequestEvent> collectionCreateRequest(String... tags) {
        return new TaggedHook<>(collectionCreateRequest, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionUpdateRequest}, PATCH /api/collections/{collection}: with the request's changes applied; the default action saves and answers it. */
    public Hook<CollectionRequestEvent> collectionUpdateRequest() {
        return collectionUpdateRequest;
    }

    /** {@link #collectionUpdateRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<CollectionRequestEvent> collectionUpdateRequest(String... tags) {
        return new TaggedHook<>(collectionUpdateRequest, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionDeleteRequest}, DELETE /api/collections/{collection}: the default action deletes the collection and answers 204. */
    public Hook<CollectionRequestEvent> collectionDeleteRequest() {
        return collectionDeleteRequest;
    }

    /** {@link #collectionDeleteRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<CollectionRequestEvent> collectionDeleteRequest(String... tags) {
        return new TaggedHook<>(collectionDeleteRequest, List.of(tags));
    }

    /** PocketBase's {@code OnCollectionsListRequest}, GET /api/collections: data is the page answered; the default action answers it. */
    public Hook<CollectionsRequestEvent> collectionsListRequest() {
        return collectionsListRequest;
    }

    /** PocketBase's {@code OnCollectionsImportRequest}, PUT /api/collections/import: data is the submitted body; the default action imports it and answers 204. */
    public Hook<CollectionsRequestEvent> collectionsImportRequest() {
        return collectionsImportRequest;
    }

    /** PocketBase's {@code OnRecordValidate}, fired inside the save's transaction by onRecordCreate's and onRecordUpdate's default action; the default action validates the record (a ValidationException rejects it). */
    public Hook<RecordEvent> recordValidate() {
        return recordValidate;
    }

    /** {@link #recordValidate()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordValidate(String... tags) {
        return new TaggedHook<>(recordValidate, List.of(tags));
    }

    /** PocketBase's {@code OnRecordCreate}, fired inside the transaction of every record insert; the default action validates (onRecordValidate) and inserts (onRecordCreateExecute). */
    public Hook<RecordEvent> recordCreate() {
        return recordCreate;
    }

    /** {@link #recordCreate()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordCreate(String... tags) {
        return new TaggedHook<>(recordCreate, List.of(tags));
    }

    /** PocketBase's {@code OnRecordCreateExecute}, fired inside the insert's transaction once the record is valid; the default action writes the row. */
    public Hook<RecordEvent> recordCreateExecute() {
        return recordCreateExecute;
    }

    /** {@link #recordCreateExecute()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordCreateExecute(String... tags) {
        return new TaggedHook<>(recordCreateExecute, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAfterCreateError}, fired after an insert failed, with the failure. */
    public Hook<RecordErrorEvent> recordAfterCreateError() {
        return recordAfterCreateError;
    }

    /** {@link #recordAfterCreateError()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordErrorEvent> recordAfterCreateError(String... tags) {
        return new TaggedHook<>(recordAfterCreateError, List.of(tags));
    }

    /** PocketBase's {@code OnRecordUpdate}, fired inside the transaction of every record update; the default action validates (onRecordValidate) and updates (onRecordUpdateExecute). */
    public Hook<RecordEvent> recordUpdate() {
        return recordUpdate;
    }

    /** {@link #recordUpdate()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordUpdate(String... tags) {
        return new TaggedHook<>(recordUpdate, List.of(tags));
    }

    /** PocketBase's {@code OnRecordUpdateExecute}, fired inside the update's transaction once the record is valid; the default action writes the row. */
    public Hook<RecordEvent> recordUpdateExecute() {
        return recordUpdateExecute;
    }

    /** {@link #recordUpdateExecute()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordUpdateExecute(String... tags) {
        return new TaggedHook<>(recordUpdateExecute, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAfterUpdateError}, fired after an update failed, with the failure. */
    public Hook<RecordErrorEvent> recordAfterUpdateError() {
        return recordAfterUpdateError;
    }

    /** {@link #recordAfterUpdateError()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordErrorEvent> recordAfterUpdateError(String... tags) {
        return new TaggedHook<>(recordAfterUpdateError, List.of(tags));
    }

    /** PocketBase's {@code OnRecordDelete}, fired inside the transaction of every record delete (cascaded ones too); the default action runs onRecordDeleteExecute. */
    public Hook<RecordEvent> recordDelete() {
        return recordDelete;
    }

    /** {@link #recordDelete()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordDelete(String... tags) {
        return new TaggedHook<>(recordDelete, List.of(tags));
    }

    /** PocketBase's {@code OnRecordDeleteExecute}, fired inside the delete's transaction; the default action cascades and deletes the row. */
    public Hook<RecordEvent> recordDeleteExecute() {
        return recordDeleteExecute;
    }

    /** {@link #recordDeleteExecute()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEvent> recordDeleteExecute(String... tags) {
        return new TaggedHook<>(recordDeleteExecute, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAfterDeleteError}, fired after a delete failed, with the failure. */
    public Hook<RecordErrorEvent> recordAfterDeleteError() {
        return recordAfterDeleteError;
    }

    /** {@link #recordAfterDeleteError()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordErrorEvent> recordAfterDeleteError(String... tags) {
        return new TaggedHook<>(recordAfterDeleteError, List.of(tags));
    }

    /** PocketBase's {@code OnMailerRecordVerificationSend}, fired before a verification mail is sent; the default action sends the message. */
    public Hook<MailerRecordEvent> mailerRecordVerificationSend() {
        return mailerRecordVerificationSend;
    }

    /** {@link #mailerRecordVerificationSend()} for the collections with these names or ids only (none: all). */
    public TaggedHook<MailerRecordEvent> mailerRecordVerificationSend(String... tags) {
        return new TaggedHook<>(mailerRecordVerificationSend, List.of(tags));
    }

    /** PocketBase's {@code OnMailerRecordPasswordResetSend}, fired before a password reset mail is sent; the default action sends the message. */
    public Hook<MailerRecordEvent> mailerRecordPasswordResetSend() {
        return mailerRecordPasswordResetSend;
    }

    /** {@link #mailerRecordPasswordResetSend()} for the collections with these names or ids only (none: all). */
    public TaggedHook<MailerRecordEvent> mailerRecordPasswordResetSend(String... tags) {
        return new TaggedHook<>(mailerRecordPasswordResetSend, List.of(tags));
    }

    /** PocketBase's {@code OnMailerRecordEmailChangeSend}, fired before an email change confirmation is sent; the default action sends the message. */
    public Hook<MailerRecordEvent> mailerRecordEmailChangeSend() {
        return mailerRecordEmailChangeSend;
    }

    /** {@link #mailerRecordEmailChangeSend()} for the collections with these names or ids only (none: all). */
    public TaggedHook<MailerRecordEvent> mailerRecordEmailChangeSend(String... tags) {
        return new TaggedHook<>(mailerRecordEmailChangeSend, List.of(tags));
    }

    /** PocketBase's {@code OnMailerRecordOTPSend}, fired before an OTP mail is sent; the default action sends the message. */
    public Hook<MailerRecordEvent> mailerRecordOTPSend() {
        return mailerRecordOTPSend;
    }

    /** {@link #mailerRecordOTPSend()} for the collections with these names or ids only (none: all). */
    public TaggedHook<MailerRecordEvent> mailerRecordOTPSend(String... tags) {
        return new TaggedHook<>(mailerRecordOTPSend, List.of(tags));
    }

    /** PocketBase's {@code OnMailerRecordAuthAlertSend}, fired before a new-login alert is sent; the default action sends the message. */
    public Hook<MailerRecordEvent> mailerRecordAuthAlertSend() {
        return mailerRecordAuthAlertSend;
    }

    /** {@link #mailerRecordAuthAlertSend()} for the collections with these names or ids only (none: all). */
    public TaggedHook<MailerRecordEvent> mailerRecordAuthAlertSend(String... tags) {
        return new TaggedHook<>(mailerRecordAuthAlertSend, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAuthWithOTPRequest}, POST …/auth-with-otp: once the OTP matched, with its record; the default action deletes the OTP, verifies the email it went to and signs the record in. */
    public Hook<RecordRequestEvent> recordAuthWithOTPRequest() {
        return recordAuthWithOTPRequest;
    }

    /** {@link #recordAuthWithOTPRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordRequestEvent> recordAuthWithOTPRequest(String... tags) {
        return new TaggedHook<>(recordAuthWithOTPRequest, List.of(tags));
    }

    /** PocketBase's {@code OnTerminate}, fired by {@link PocketBase#close()}; the default action closes the app. */
    public Hook<TerminateEvent> terminate() {
        return terminate;
    }

    /** PocketBase's {@code OnBatchRequest}; see {@link BatchRequestEvent}. */
    public Hook<BatchRequestEvent> batchRequest() {
        return batchRequest;
    }

    /** PocketBase's {@code OnRecordEnrich}; see {@link RecordEnrichEvent}. */
    public Hook<RecordEnrichEvent> recordEnrich() {
        return recordEnrich;
    }

    /** {@link #recordEnrich()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordEnrichEvent> recordEnrich(String... tags) {
        return new TaggedHook<>(recordEnrich, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAuthRequest}; see {@link RecordAuthRequestEvent}. */
    public Hook<RecordAuthRequestEvent> recordAuthRequest() {
        return recordAuthRequest;
    }

    /** {@link #recordAuthRequest()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordAuthRequestEvent> recordAuthRequest(String... tags) {
        return new TaggedHook<>(recordAuthRequest, List.of(tags));
    }

    /** PocketBase's {@code OnRecordAuthWithOAuth2Request}; see {@link RecordAuthWithOAuth2RequestEvent}. */
    public Hook<RecordAuthWithOAuth2RequestEvent> recordAuthWithOAuth2Request() {
        return recordAuthWithOAuth2Request;
    }

    /** {@link #recordAuthWithOAuth2Request()} for the collections with these names or ids only (none: all). */
    public TaggedHook<RecordAuthWithOAuth2RequestEvent> recordAuthWithOAuth2Request(String... tags) {
        return new TaggedHook<>(recordAuthWithOAuth2Request, List.of(tags));
    }

    /**
     * Every hook the app has under PocketBase's name: the app, record, mailer, realtime, settings and file hooks of
     * {@code app}, then this catalogue's ({@code "OnRecordCreateRequest"} …). For tools that bind on all of them,
     * e.g. a test that counts hook calls.
     */
    static Map<String, Hook<?>> all(PocketBase app) {
        Map<String, Hook<?>> all = new LinkedHashMap<>();
        all.put("OnBootstrap", app.onBootstrap());
        all.put("OnServe", app.onServe());
        all.put("OnTerminate", app.onTerminate());
        all.put("OnBackupCreate", app.onBackupCreate());
        all.put("OnBackupRestore", app.onBackupRestore());
        all.put("OnSettingsReload", app.onSettingsReload());
        all.put("OnMailerSend", app.onMailerSend());
        all.put("OnRecordAfterCreateSuccess", app.onRecordAfterCreateSuccess());
        all.put("OnRecordAfterUpdateSuccess", app.onRecordAfterUpdateSuccess());
        all.put("OnRecordAfterDeleteSuccess", app.onRecordAfterDeleteSuccess());
        all.put("OnRealtimeConnectRequest", app.onRealtimeConnectRequest());
        all.put("OnRealtimeSubscribeRequest", app.onRealtimeSubscribeRequest());
        all.put("OnRealtimeMessageSend", app.onRealtimeMessageSend());
        all.put("OnSettingsListRequest", app.onSettingsListRequest());
        all.put("OnSettingsUpdateRequest", app.onSettingsUpdateRequest());
        all.put("OnFileDownloadRequest", app.onFileDownloadRequest());
        all.putAll(app.hooks().byName());
        all.putAll(app.modelHooks().byName());
        return all;
    }

    /** Every hook of this catalogue under PocketBase's name ({@code "OnRecordCreateRequest"} …), in catalogue order. */
    public Map<String, Hook<?>> byName() {
        Map<String, Hook<?>> all = new LinkedHashMap<>();
        all.put("OnRecordsListRequest", recordsListRequest);
        all.put("OnRecordViewRequest", recordViewRequest);
        all.put("OnRecordCreateRequest", recordCreateRequest);
        all.put("OnRecordUpdateRequest", recordUpdateRequest);
        all.put("OnRecordDeleteRequest", recordDeleteRequest);
        all.put("OnRecordAuthWithPasswordRequest", recordAuthWithPasswordRequest);
        all.put("OnRecordAuthRefreshRequest", recordAuthRefreshRequest);
        all.put("OnRecordRequestOTPRequest", recordRequestOTPRequest);
        all.put("OnRecordRequestVerificationRequest", recordRequestVerificationRequest);
        all.put("OnRecordConfirmVerificationRequest", recordConfirmVerificationRequest);
        all.put("OnRecordRequestPasswordResetRequest", recordRequestPasswordResetRequest);
        all.put("OnRecordConfirmPasswordResetRequest", recordConfirmPasswordResetRequest);
        all.put("OnRecordRequestEmailChangeRequest", recordRequestEmailChangeRequest);
        all.put("OnRecordConfirmEmailChangeRequest", recordConfirmEmailChangeRequest);
        all.put("OnCollectionViewRequest", collectionViewRequest);
        all.put("OnCollectionCreateRequest", collectionCreateRequest);
        all.put("OnCollectionUpdateRequest", collectionUpdateRequest);
        all.put("OnCollectionDeleteRequest", collectionDeleteRequest);
        all.put("OnCollectionsListRequest", collectionsListRequest);
        all.put("OnCollectionsImportRequest", collectionsImportRequest);
        all.put("OnRecordValidate", recordValidate);
        all.put("OnRecordCreate", recordCreate);
        all.put("OnRecordCreateExecute", recordCreateExecute);
        all.put("OnRecordAfterCreateError", recordAfterCreateError);
        all.put("OnRecordUpdate", recordUpdate);
        all.put("OnRecordUpdateExecute", recordUpdateExecute);
        all.put("OnRecordAfterUpdateError", recordAfterUpdateError);
        all.put("OnRecordDelete", recordDelete);
        all.put("OnRecordDeleteExecute", recordDeleteExecute);
        all.put("OnRecordAfterDeleteError", recordAfterDeleteError);
        all.put("OnMailerRecordVerificationSend", mailerRecordVerificationSend);
        all.put("OnMailerRecordPasswordResetSend", mailerRecordPasswordResetSend);
        all.put("OnMailerRecordEmailChangeSend", mailerRecordEmailChangeSend);
        all.put("OnMailerRecordOTPSend", mailerRecordOTPSend);
        all.put("OnMailerRecordAuthAlertSend", mailerRecordAuthAlertSend);
        all.put("OnRecordAuthWithOTPRequest", recordAuthWithOTPRequest);
        all.put("OnBatchRequest", batchRequest);
        all.put("OnRecordEnrich", recordEnrich);
        all.put("OnRecordAuthRequest", recordAuthRequest);
        all.put("OnRecordAuthWithOAuth2Request", recordAuthWithOAuth2Request);
        return all;
    }
}
