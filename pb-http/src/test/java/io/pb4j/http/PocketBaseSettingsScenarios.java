package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import io.pb4j.http.PbScenario.Skipped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

/**
 * PocketBase's {@code apis/settings_test.go} ported as data. The TestMailer checks of the test-email scenarios are
 * {@link Setup#CAPTURE_MAILS} with the {@code After.TEST_MAIL_*} checks; the Apple scenario signs with a P-256 key made
 * here, as the Go test makes one.
 */
final class PocketBaseSettingsScenarios {
    private PocketBaseSettingsScenarios() {
    }

    private static final String F = "settings_test.go";
    private static final String VALID_DATA = "{\n\t\t\"meta\":{\"appName\":\"update_test\"},\n\t\t\"smtp\":{\"password\": \"new_smtp_password\"},\n"
            + "\t\t\"s3\":{\"secret\": \"new_s3_secret\"},\n\t\t\"backups\":{\"s3\":{\"secret\":\"new_backups_s3_secret\"}}\n\t}";
    private static final String VERIFICATION = "{\n\t\t\t\t\"template\": \"verification\",\n\t\t\t\t\"email\": \"test@example.com\"\n\t\t\t}";
    private static final String[] SETTINGS_SECTIONS = {"\"meta\":{", "\"logs\":{", "\"smtp\":{", "\"s3\":{", "\"backups\":{", "\"batch\":{"};

    /** A PKCS#8 PEM of a fresh P-256 key, JSON-escaped (Go's {@code %q}). */
    private static String applePrivateKeyJson() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(gen.generateKeyPair().getPrivate().getEncoded());
            return "\"-----BEGIN PRIVATE KEY-----\\n" + b64.replace("\n", "\\n") + "\\n-----END PRIVATE KEY-----\\n\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String email(String template) {
        return "{\n\t\t\t\t\"template\": \"" + template + "\",\n\t\t\t\t\"email\": \"test@example.com\"\n\t\t\t}";
    }

    static final List<PbScenario> PORTED = List.of(
            s(F, "TestSettingsList", 23, "unauthorized", "GET", "/api/settings", null, null, 401).expect("\"data\":{}"),
            s(F, "TestSettingsList", 31, "authorized as regular user", "GET", "/api/settings", USER, null, 403).expect("\"data\":{}"),
            s(F, "TestSettingsList", 42, "authorized as superuser", "GET", "/api/settings", SUPERUSER, null, 200).expect(SETTINGS_SECTIONS),
            s(F, "TestSettingsSet", 107, "unauthorized", "PATCH", "/api/settings", null, VALID_DATA, 401).expect("\"data\":{}"),
            s(F, "TestSettingsSet", 116, "authorized as regular user", "PATCH", "/api/settings", USER, VALID_DATA, 403).expect("\"data\":{}"),
            s(F, "TestSettingsSet", 128, "authorized as superuser submitting empty data", "PATCH", "/api/settings", SUPERUSER, "", 200)
                    .expect(SETTINGS_SECTIONS),
            s(F, "TestSettingsSet", 155, "authorized as superuser submitting invalid data", "PATCH", "/api/settings", SUPERUSER,
                    "{\"meta\":{\"appName\":\"\"}}", 400)
                    .expect("\"data\":{", "\"meta\":{\"appName\":{\"code\":\"validation_required\""),
            s(F, "TestSettingsSet", 176, "authorized as superuser submitting valid data", "PATCH", "/api/settings", SUPERUSER, VALID_DATA, 200)
                    .expect("\"meta\":{", "\"logs\":{", "\"smtp\":{", "\"s3\":{", "\"backups\":{", "\"batch\":{", "\"appName\":\"update_test\"")
                    .notExpect("secret", "password")
                    .after(After.SETTINGS_SECRETS_STORED),
            s(F, "TestSettingsTestS3", 265, "unauthorized", "POST", "/api/settings/test/s3", null, null, 401).expect("\"data\":{}"),
            s(F, "TestSettingsTestS3", 273, "authorized as regular user", "POST", "/api/settings/test/s3", USER, null, 403).expect("\"data\":{}"),
            s(F, "TestSettingsTestS3", 284, "authorized as superuser (missing body + no s3)", "POST", "/api/settings/test/s3", SUPERUSER, null, 400)
                    .expect("\"data\":{", "\"filesystem\":{"),
            s(F, "TestSettingsTestS3", 298, "authorized as superuser (invalid filesystem)", "POST", "/api/settings/test/s3", SUPERUSER,
                    "{\"filesystem\":\"invalid\"}", 400)
                    .expect("\"data\":{", "\"filesystem\":{"),
            s(F, "TestSettingsTestS3", 313, "authorized as superuser (valid filesystem and no s3)", "POST", "/api/settings/test/s3", SUPERUSER,
                    "{\"filesystem\":\"storage\"}", 400)
                    .expect("\"data\":{}"),
            s(F, "TestSettingsTestEmail", 338, "unauthorized", "POST", "/api/settings/test/email", null, VERIFICATION, 401).expect("\"data\":{}"),
            s(F, "TestSettingsTestEmail", 350, "authorized as regular user", "POST", "/api/settings/test/email", USER, VERIFICATION, 403)
                    .expect("\"data\":{}"),
            s(F, "TestSettingsTestEmail", 365, "authorized as superuser (invalid body)", "POST", "/api/settings/test/email", SUPERUSER, "{", 400)
                    .expect("\"data\":{}"),
            s(F, "TestSettingsTestEmail", 377, "authorized as superuser (empty json)", "POST", "/api/settings/test/email", SUPERUSER, "{}", 400)
                    .expect("\"email\":{\"code\":\"validation_required\"", "\"template\":{\"code\":\"validation_required\""),
            s(F, "TestSettingsTestEmail", 392, "authorized as superuser (verifiation template)", "POST", "/api/settings/test/email", SUPERUSER,
                    email("verification"), 204)
                    .setup(Setup.CAPTURE_MAILS).after(After.TEST_MAIL_VERIFICATION)
                    .unchecked("ExpectedEvents (OnMailerSend, OnMailerRecordVerificationSend)"),
            s(F, "TestSettingsTestEmail", 428, "authorized as superuser (password reset template)", "POST", "/api/settings/test/email", SUPERUSER,
                    email("password-reset"), 204)
                    .setup(Setup.CAPTURE_MAILS).after(After.TEST_MAIL_PASSWORD_RESET)
                    .unchecked("ExpectedEvents (OnMailerSend, OnMailerRecordPasswordResetSend)"),
            s(F, "TestSettingsTestEmail", 464, "authorized as superuser (email change)", "POST", "/api/settings/test/email", SUPERUSER,
                    email("email-change"), 204)
                    .setup(Setup.CAPTURE_MAILS).after(After.TEST_MAIL_EMAIL_CHANGE)
                    .unchecked("ExpectedEvents (OnMailerSend, OnMailerRecordEmailChangeSend)"),
            s(F, "TestSettingsTestEmail", 500, "authorized as superuser (otp)", "POST", "/api/settings/test/email", SUPERUSER,
                    email("otp"), 204)
                    .setup(Setup.CAPTURE_MAILS).after(After.TEST_MAIL_OTP)
                    .unchecked("ExpectedEvents (OnMailerSend, OnMailerRecordOTPSend)"),
            s(F, "TestGenerateAppleClientSecret", 564, "unauthorized", "POST", "/api/settings/apple/generate-client-secret", null, null, 401)
                    .expect("\"data\":{}"),
            s(F, "TestGenerateAppleClientSecret", 572, "authorized as regular user", "POST", "/api/settings/apple/generate-client-secret", USER,
                    null, 403)
                    .expect("\"data\":{}"),
            s(F, "TestGenerateAppleClientSecret", 583, "authorized as superuser (invalid body)", "POST", "/api/settings/apple/generate-client-secret",
                    SUPERUSER, "{", 400)
                    .expect("\"data\":{}"),
            s(F, "TestGenerateAppleClientSecret", 595, "authorized as superuser (empty json)", "POST", "/api/settings/apple/generate-client-secret",
                    SUPERUSER, "{}", 400)
                    .expect("\"clientId\":{\"code\":\"validation_required\"", "\"teamId\":{\"code\":\"validation_required\"",
                            "\"keyId\":{\"code\":\"validation_required\"", "\"privateKey\":{\"code\":\"validation_required\"",
                            "\"duration\":{\"code\":\"validation_required\""),
            s(F, "TestGenerateAppleClientSecret", 613, "authorized as superuser (invalid data)", "POST", "/api/settings/apple/generate-client-secret",
                    SUPERUSER, "{\n\t\t\t\t\"clientId\": \"\",\n\t\t\t\t\"teamId\": \"123456789\",\n\t\t\t\t\"keyId\": \"123456789\",\n"
                            + "\t\t\t\t\"privateKey\": \"invalid\",\n\t\t\t\t\"duration\": -1\n\t\t\t}", 400)
                    .expect("\"clientId\":{\"code\":\"validation_required\"", "\"teamId\":{\"code\":\"validation_length_invalid\"",
                            "\"keyId\":{\"code\":\"validation_length_invalid\"", "\"privateKey\":{\"code\":\"validation_match_invalid\"",
                            "\"duration\":{\"code\":\"validation_min_greater_equal_than_required\""),
            s(F, "TestGenerateAppleClientSecret", 637, "authorized as superuser (valid data)", "POST", "/api/settings/apple/generate-client-secret",
                    SUPERUSER, "{\n\t\t\t\t\"clientId\": \"123\",\n\t\t\t\t\"teamId\": \"1234567890\",\n\t\t\t\t\"keyId\": \"1234567891\",\n"
                            + "\t\t\t\t\"privateKey\": " + applePrivateKeyJson() + ",\n\t\t\t\t\"duration\": 1\n\t\t\t}", 200)
                    .expect("\"secret\":\""));

    static final List<Skipped> SKIPPED = List.of();
}
