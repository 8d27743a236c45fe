package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.router.RequestEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * New-login alerts through {@code _authOrigins}, as PocketBase's {@code authAlert}: after a sign-in with a method
 * (password, OTP, OAuth2) in a collection with {@code authAlert.enabled}, the client's fingerprint (MD5 of IP + user
 * agent) is recorded; a fingerprint not seen before, on a record that already has origins and an email, first gets
 * an alert mail (waiting at most 15 s). At most 5 origins are kept. Failures are logged and never fail the sign-in.
 */
final class AuthAlerts {
    private static final System.Logger LOG = System.getLogger(AuthAlerts.class.getName());
    private static final String COLLECTION = "_authOrigins";
    private static final int MAX_ORIGINS = 5;
    private static final long MAIL_WAIT_SECONDS = 15;

    private AuthAlerts() {
    }

    /**
     * Called once by the shared auth response with the sign-in's auth {@code method}; does nothing for an empty one
     * (refresh, impersonation).
     */
    static void afterAuth(RequestEvent e, Record record, String method) {
        if (method.isEmpty() || !record.collection().authOptions().authAlert().enabled()) {
            return;
        }
        try {
            check(e, record);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "[recordAuthResponse] Failed to send login alert: " + ex.getMessage());
        }
    }

    private static void check(RequestEvent e, Record record) {
        PocketBase app = e.app();
        String ip = e.request().remoteIp();
        String userAgent = e.header("User-Agent");
        if (userAgent.length() > 200) {
            userAgent = userAgent.substring(0, 200) + "...";
        }
        String fingerprint = md5(ip + userAgent);
        Collection origins = app.findCollection(COLLECTION).orElseThrow();
        List<Record> existing = ofRecord(app, origins, record);
        Record current = existing.stream().filter(o -> o.getString("fingerprint").equals(fingerprint)).findFirst().orElse(null);
        boolean isNew = current == null;
        if (isNew) {
            current = Record.create(origins);
            current.set("collectionRef", record.collection().id());
            current.set("recordRef", record.id());
            current.set("fingerprint", fingerprint);
        }
        if (!existing.isEmpty() && isNew && !record.email().isEmpty()) {
            String info = DateTimes.now() + " - " + ip + " " + userAgent;
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> AuthMails.authAlert(app, record, info),
                    r -> Thread.ofVirtual().start(r));
            await(sent);
        }
        if (isNew && existing.size() >= MAX_ORIGINS) {
            for (int i = existing.size() - 1; i >= MAX_ORIGINS - 1; i--) {
                app.delete(existing.get(i));
            }
        }
        app.save(current);
    }

    private static void await(CompletableFuture<Void> sent) {
        try {
            sent.get(MAIL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException ex) {
            throw new IllegalStateException("auth alert mail send wait timeout reached");
        } catch (ExecutionException ex) {
            throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The record's origins, newest first. */
    private static List<Record> ofRecord(PocketBase app, Collection origins, Record owner) {
        return app.store().read(s -> s.query("SELECT * FROM " + s.dialect().quote(COLLECTION)
                        + " WHERE collectionRef = ? AND recordRef = ? ORDER BY created DESC",
                List.<Object>of(owner.collection().id(), owner.id()))).stream()
                .map(row -> Record.fromRow(origins, row))
                .toList();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
