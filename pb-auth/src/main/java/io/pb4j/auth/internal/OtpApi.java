package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordRequestEvent;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObject;
import io.pb4j.core.AuthOptions;
import io.pb4j.core.security.RandomStrings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-time password sign-in: {@code POST /api/collections/{collection}/request-otp} stores a hashed numeric password
 * in {@code _otps} and mails it (answering {@code {"otpId"}} whether or not the email is known);
 * {@code auth-with-otp} exchanges the id and password, once, for the shared auth response.
 */
final class OtpApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(OtpApi.class.getName());
    /** PocketBase reuses the newest OTP once a record has this many unexpired ones (outside dev mode). */
    private static final int MAX_RECENT_OTPS = 10;
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration ATTEMPTS_WINDOW = Duration.ofSeconds(180);

    private OtpApi() {
    }

    static void bind(Router router) {
        router.post("/api/collections/{collection}/request-otp", OtpApi::request);
        router.post("/api/collections/{collection}/auth-with-otp", OtpApi::authWithOtp);
    }

    private static void request(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        AuthOptions.Otp otpOptions = requireEnabled(c);
        JsonObject form = AuthRequests.form(e);
        String email = AuthRequests.string(form, "email");
        Map<String, Object> errors = new LinkedHashMap<>();
        AuthRequests.email(email).ifPresent(err -> errors.put("email", err));
        AuthRequests.check(errors);

        Optional<Record> found = e.app().findRecordByUniqueField(c, "email", email);
        // as PocketBase, the hook fires for unknown emails too (its record empty)
        e.app().hooks().recordRequestOTPRequest().trigger(new RecordRequestEvent(e, c, found), ev -> {
            if (found.isEmpty()) {
                // a random id of the same shape: no account enumeration
                e.json(200, JSON.createObjectBuilder().add("otpId", RandomStrings.fromAlphabet(15, RandomStrings.LOWER_ALPHANUMERIC)).build());
                return;
            }
            Record otp = issue(e, found.get(), otpOptions);
            e.json(200, JSON.createObjectBuilder().add("otpId", otp.id()).build());
        });
    }

    /** A new OTP for {@code record}, mailed in the background, or the last one while too many are pending. */
    private static Record issue(RequestEvent e, Record record, AuthOptions.Otp otpOptions) {
        Duration duration = otpOptions.duration();
        Optional<Record> reused = e.app().config().dev() ? Optional.empty() : reusable(e.app(), record, duration);
        if (reused.isPresent()) {
            Record otp = reused.get();
            LOG.log(System.Logger.Level.WARNING, "Too many OTP requests - reusing the last issued (recordId "
                    + record.id() + ", otpId " + otp.id() + ")");
            return otp;
        }
        String password = RandomStrings.fromAlphabet(otpOptions.length(), RandomStrings.DIGITS);
        Record otp = Otps.create(e.app(), record, password);
        PocketBase app = e.app();
        String otpId = otp.id();
        Background.run("send OTP email", () -> send(app, record, otpId, password));
        return otp;
    }

    /** Mails the OTP and records where it went; a failed send deletes the OTP, which then cannot be used. */
    private static void send(PocketBase app, Record record, String otpId, String password) {
        try {
            AuthMails.otp(app, record, otpId, password);
        } catch (RuntimeException ex) {
            Otps.findById(app, otpId).ifPresent(app::delete);
            throw ex;
        }
        Otps.findById(app, otpId).filter(otp -> otp.getString("sentTo").isEmpty()).ifPresent(otp -> {
            otp.set("sentTo", record.email());
            app.save(otp);
        });
    }

    private static Optional<Record> reusable(PocketBase app, Record record, Duration duration) {
        List<Record> otps = Otps.ofRecord(app, record);
        long recent = otps.stream().filter(otp -> !Otps.expired(otp, duration)).count();
        return recent >= MAX_RECENT_OTPS ? Optional.of(otps.get(0)) : Optional.empty();
    }

    private static void authWithOtp(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        AuthOptions.Otp otpOptions = requireEnabled(c);
        JsonObject form = AuthRequests.form(e);
        String otpId = AuthRequests.string(form, "otpId");
        String password = AuthRequests.string(form, "password");
        Map<String, Object> errors = new LinkedHashMap<>();
        AuthRequests.required(otpId, 255).ifPresent(err -> errors.put("otpId", err));
        AuthRequests.required(password, 71).ifPresent(err -> errors.put("password", err));
        AuthRequests.check(errors);
        e.infoContext("otp");

        // one generic answer for every OTP problem: no OTP enumeration
        ApiException invalid = ApiException.badRequest("Invalid or expired OTP.");
        Record otp = Otps.findById(e.app(), otpId).orElseThrow(() -> invalid);
        if (!otp.getString("collectionRef").equals(c.id())
                || Otps.expired(otp, otpOptions.duration())) {
            throw invalid;
        }
        Record record = e.app().findRecordById(c, otp.getString("recordRef")).orElseThrow(() -> invalid);
        // OTPs are short digit strings: a fixed window per record and client IP stops guessing
        String attemptsKey = "@pb_otp_" + record.id() + "|" + e.request().remoteIp();
        if (!AuthLimits.of(e.app()).tryAttempt(attemptsKey, MAX_ATTEMPTS, ATTEMPTS_WINDOW)) {
            throw new ApiException(429, "Too many attempts, please try again later with a new OTP.");
        }
        if (!otp.validatePassword(password)) {
            throw invalid;
        }

        e.app().hooks().recordAuthWithOTPRequest().trigger(new RecordRequestEvent(e, c, Optional.of(record)), ev -> {
            String sentTo = otp.getString("sentTo");
            e.app().delete(otp);
            if (!record.getBool("verified") && !sentTo.isEmpty() && record.email().equals(sentTo)) {
                record.set("verified", true);
                // a verified upgrade by OTP alone replaces the password nobody proved to know (pre-hijacking)
                if (!mfaEnabled(c)) {
                    PasswordAuth.randomize(record);
                }
                try {
                    e.app().save(record);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.ERROR, "Failed to update record verified state after successful OTP validation: "
                            + ex.getMessage());
                }
            }
            // "otp" as the method: the shared response runs the MFA step (OTP as one of two factors) and the login alert
            AuthApi.respond(e, record, AuthTokens.newAuthToken(record, true), "otp", Optional.empty());
        });
    }

    private static AuthOptions.Otp requireEnabled(Collection c) {
        AuthOptions.Otp otp = c.authOptions().otp();
        if (!otp.enabled()) {
            throw ApiException.forbidden("The collection is not configured to allow OTP authentication.");
        }
        return otp;
    }

    private static boolean mfaEnabled(Collection c) {
        return c.authOptions().mfa().enabled();
    }
}
