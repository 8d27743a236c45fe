package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import java.util.List;

/**
 * PocketBase's scenarios for the mail-driven auth endpoints (request-otp, auth-with-otp, request/confirm
 * verification, password reset and email change), ported as data. The mails themselves (PocketBase's TestMailer
 * counts in AfterTestFunc) are followed over real SMTP by {@link MailFlowsApiTest} instead.
 */
final class PocketBaseMailScenarios {
    private PocketBaseMailScenarios() {
    }


    /** The request info context each app's onRecordAuthRequest saw last. */
    private static final java.util.Map<io.pb4j.core.PocketBase, String> AUTH_CONTEXTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Setup.OTP_A15_UNVERIFIED_NO_MFA, and an onRecordAuthRequest handler that notes the request info context (the Go test asserts it). */
    private static final PbScenario.Step OTP_A15_UNVERIFIED_NO_MFA_AUTH_CONTEXT = new PbScenario.Step(
            "Setup.OTP_A15_UNVERIFIED_NO_MFA + onRecordAuthRequest notes the request info context", server -> {
        Setup.OTP_A15_UNVERIFIED_NO_MFA.apply(server);
        server.nodes().forEach(node -> node.onRecordAuthRequest().bindFunc(e -> {
            AUTH_CONTEXTS.put(server.app, e.request().requestInfo(java.util.Map.of()).context());
            e.next();
        }));
    });

    /** After.USER_UNVERIFIED_EXTERNAL_AUTHS_KEPT, and onRecordAuthRequest saw the context "otp". */
    private static final PbScenario.Check EXTERNAL_AUTHS_KEPT_AND_OTP_CONTEXT = new PbScenario.Check(
            "After.USER_UNVERIFIED_EXTERNAL_AUTHS_KEPT + onRecordAuthRequest saw context otp", server -> {
        List<String> out = new java.util.ArrayList<>(After.USER_UNVERIFIED_EXTERNAL_AUTHS_KEPT.problems(server));
        String context = AUTH_CONTEXTS.get(server.app);
        if (!"otp".equals(context)) {
            out.add("after: onRecordAuthRequest saw request info context " + context + ", expected otp");
        }
        return out;
    });

    static final List<PbScenario> PORTED = List.of(
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 20, "not an auth collection", "POST", "/api/collections/demo1/request-otp", null, "{\"email\":\"test@example.com\"}", 404)
                    .expect("\"data\":{}"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 29, "auth collection with disabled otp", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}", 403)
                    .setup(Setup.USERS_OTP_DISABLED)
                    .expect("\"data\":{}"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 50, "empty body", "POST", "/api/collections/users/request-otp", null, "", 400)
                    .expect("\"data\":{\"email\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}}"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 59, "invalid body", "POST", "/api/collections/users/request-otp", null, "{\"email", 400)
                    .expect("\"data\":{}"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 68, "invalid request data", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"invalid\"}", 400)
                    .expect("\"data\":{", "\"email\":{\"code\":\"validation_is_email"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 80, "missing auth record", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"missing@example.com\"}", 200)
                    .expect("\"otpId\":\"")
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 100, "existing auth record (with < 9 non-expired)", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}", 200)
                    .setup(Setup.OTPS_8_RECENT_2_EXPIRED)
                    .expect("\"otpId\":\"")
                    .notExpect("\"otpId\":\"otp_")
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_otp_request_test.go", "TestRecordRequestOTP", 213, "existing auth record (with > 9 non-expired)", "POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}", 200)
                    .setup(Setup.OTPS_10_RECENT)
                    .expect("\"otpId\":\"otp_9\"")
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 18, "not an auth collection", "POST", "/api/collections/demo1/auth-with-otp", null, "{\"otpId\":\"test\",\"password\":\"123456\"}", 404)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 27, "auth collection with disabled otp", "POST", "/api/collections/users/auth-with-otp", null, "{\"otpId\":\"test\",\"password\":\"123456\"}", 403)
                    .setup(Setup.USERS_OTP_DISABLED)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 48, "invalid body", "POST", "/api/collections/users/auth-with-otp", null, "{\"email", 400)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 57, "empty body", "POST", "/api/collections/users/auth-with-otp", null, "", 400)
                    .expect("\"data\":{", "\"otpId\":{\"code\":\"validation_required\"", "\"password\":{\"code\":\"validation_required\""),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 70, "invalid request data", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"otpId\":{\"code\":\"validation_length_out_of_range\"", "\"password\":{\"code\":\"validation_length_out_of_range\""),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 86, "missing otp", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"missing\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 400)
                    .setup(Setup.OTP_A15)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 112, "otp for different collection", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 400)
                    .setup(Setup.OTP_A15_CLIENTS)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 138, "otp with wrong password", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 400)
                    .setup(Setup.OTP_A15_OTHER_PASSWORD)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 164, "expired otp with valid password", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 400)
                    .setup(Setup.OTP_A15_EXPIRED)
                    .expect("\"data\":{}"),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 193, "valid otp with valid password (enabled MFA)", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 401)
                    .setup(Setup.OTP_A15)
                    .expect("\"mfaId\":\""),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 239, "valid otp with valid password and empty sentTo (disabled MFA)", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 200)
                    .setup(OTP_A15_UNVERIFIED_NO_MFA_AUTH_CONTEXT).after(EXTERNAL_AUTHS_KEPT_AND_OTP_CONTEXT)
                    .expect("\"token\":\"", "\"record\":{", "\"email\":\"test@example.com\"")
                    .notExpect("\"meta\":", "\"tokenKey\"", "\"password\""),
            s("record_auth_with_otp_test.go", "TestRecordAuthWithOTP", 342, "valid otp with valid password and nonempty sentTo=email (disabled MFA)", "POST", "/api/collections/users/auth-with-otp", null, "{\n\t\t\t\t\"otpId\":\"aaaaaaaaaaaaaaa\",\n\t\t\t\t\"password\":\"123456\"\n\t\t\t}", 200)
                    .setup(Setup.OTP_A15_SENT_TO_UNVERIFIED)
                    .expect("\"token\":\"", "\"record\":{", "\"email\":\"test@example.com\"")
                    .notExpect("\"meta\":", "\"tokenKey\"", "\"password\"")
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 18, "not an auth collection", "POST", "/api/collections/demo1/request-verification", null, "", 404)
                    .expect("\"data\":{}"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 27, "empty data", "POST", "/api/collections/users/request-verification", null, "", 400)
                    .expect("\"data\":{\"email\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}}"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 36, "invalid data", "POST", "/api/collections/users/request-verification", null, "{\"email", 400)
                    .expect("\"data\":{}"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 45, "missing auth record", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"missing@example.com\"}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 59, "already verified auth record", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"test2@example.com\"}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 76, "existing auth record", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"test@example.com\"}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_verification_request_test.go", "TestRecordRequestVerification", 95, "existing auth record (after already sent)", "POST", "/api/collections/users/request-verification", null, "{\"email\":\"test@example.com\"}", 204)
                    .setup(Setup.VERIFICATION_RESEND_LOCKED).after(After.NO_MAIL_SENT),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 17, "empty data", "POST", "/api/collections/users/confirm-verification", null, "", 400)
                    .expect("\"data\":{", "\"token\":{\"code\":\"validation_required\""),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 29, "invalid data format", "POST", "/api/collections/users/confirm-verification", null, "{\"password", 400)
                    .expect("\"data\":{}"),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 38, "expired token", "POST", "/api/collections/users/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MTY0MDk5MTY2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.qqelNNL2Udl6K_TJ282sNHYCpASgA6SIuSVKGfBHMZU\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{\"code\":\"validation_invalid_token\""),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 52, "non-verification token", "POST", "/api/collections/users/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{\"code\":\"validation_invalid_token\""),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 66, "non auth collection", "POST", "/api/collections/demo1/confirm-verification?expand=rel,missing", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E\"\n\t\t\t}", 404)
                    .expect("\"data\":{}"),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 77, "different auth collection", "POST", "/api/collections/clients/confirm-verification?expand=rel,missing", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E\"\n\t\t\t}", 400)
                    .expect("\"data\":{\"token\":{\"code\":\"validation_token_collection_mismatch\""),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 90, "valid token", "POST", "/api/collections/users/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E\"\n\t\t\t}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 156, "valid token (disabled password auth)", "POST", "/api/collections/users/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E\"\n\t\t\t}", 204)
                    .setup(Setup.USERS_PASSWORD_AUTH_DISABLED)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 235, "valid token (already verified)", "POST", "/api/collections/users/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6Im9hcDY0MGNvdDR5cnUycyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdDJAZXhhbXBsZS5jb20ifQ.QQmM3odNFVk6u4J4-5H8IBM3dfk9YCD7mPW-8PhBAI8\"\n\t\t\t}", 204),
            s("record_auth_verification_confirm_test.go", "TestRecordConfirmVerification", 248, "valid verification token from a collection without allowed login", "POST", "/api/collections/nologin/confirm-verification", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6ImRjNDlrNmpnZWpuNDBoMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6ImtwdjcwOXNrMmxxYnFrOCIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.5GmuZr4vmwk3Cb_3ZZWNxwbE75KZC-j71xxIPR9AsVw\"\n\t\t\t}", 204),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 18, "not an auth collection", "POST", "/api/collections/demo1/request-password-reset", null, "", 404)
                    .expect("\"data\":{}"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 27, "empty data", "POST", "/api/collections/users/request-password-reset", null, "", 400)
                    .expect("\"data\":{\"email\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}}"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 36, "invalid data", "POST", "/api/collections/users/request-password-reset", null, "{\"email", 400)
                    .expect("\"data\":{}"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 45, "existing auth record in a collection with disabled password login", "POST", "/api/collections/nologin/request-password-reset", null, "{\"email\":\"test@example.com\"}", 400)
                    .expect("\"data\":{}"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 54, "missing auth record", "POST", "/api/collections/users/request-password-reset", null, "{\"email\":\"missing@example.com\"}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 68, "existing auth record", "POST", "/api/collections/users/request-password-reset", null, "{\"email\":\"test@example.com\"}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_password_reset_request_test.go", "TestRecordRequestPasswordReset", 87, "existing auth record (after already sent)", "POST", "/api/collections/users/request-password-reset", null, "{\"email\":\"test@example.com\"}", 204)
                    .setup(Setup.PASSWORD_RESET_RESEND_LOCKED).after(After.NO_MAIL_SENT),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 17, "empty data", "POST", "/api/collections/users/confirm-password-reset", null, "", 400)
                    .expect("\"data\":{", "\"password\":{\"code\":\"validation_required\"", "\"passwordConfirm\":{\"code\":\"validation_required\"", "\"token\":{\"code\":\"validation_required\""),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 31, "invalid data format", "POST", "/api/collections/users/confirm-password-reset", null, "{\"password", 400)
                    .expect("\"data\":{}"),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 40, "expired token and invalid password", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MTY0MDk5MTY2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.5Tm6_6amQqOlX3urAnXlEdmxwG5qQJfiTg6U0hHR1hk\",\n\t\t\t\t\"password\":\"1234567\",\n\t\t\t\t\"passwordConfirm\":\"7654321\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{\"code\":\"validation_invalid_token\"", "\"password\":{\"code\":\"validation_length_out_of_range\"", "\"passwordConfirm\":{\"code\":\"validation_values_mismatch\""),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 58, "non-password reset token", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{\"code\":\"validation_invalid_token\""),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 74, "non auth collection", "POST", "/api/collections/demo1/confirm-password-reset?expand=rel,missing", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 404)
                    .expect("\"data\":{}"),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 87, "different auth collection", "POST", "/api/collections/clients/confirm-password-reset?expand=rel,missing", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 400)
                    .expect("\"data\":{\"token\":{\"code\":\"validation_token_collection_mismatch\""),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 102, "valid token and data (unverified user)", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 173, "valid token and data (unverified user with different email from the one in the token)", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 204)
                    .setup(Setup.USER_EMAIL_CHANGED)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_password_reset_confirm_test.go", "TestRecordConfirmPasswordReset", 252, "valid token and data (verified user)", "POST", "/api/collections/users/confirm-password-reset", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InBhc3N3b3JkUmVzZXQiLCJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJlbWFpbCI6InRlc3RAZXhhbXBsZS5jb20ifQ.xR-xq1oHDy0D8Q4NDOAEyYKGHWd_swzoiSoL8FLFBHY\",\n\t\t\t\t\"password\":\"1234567!\",\n\t\t\t\t\"passwordConfirm\":\"1234567!\"\n\t\t\t}", 204)
                    .setup(Setup.USER_VERIFIED)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 17, "unauthorized", "POST", "/api/collections/users/request-email-change", null, "{\"newEmail\":\"change@example.com\"}", 401)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 26, "not an auth collection", "POST", "/api/collections/demo1/request-email-change", null, "{\"newEmail\":\"change@example.com\"}", 401)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 35, "record authentication but from different auth collection", "POST", "/api/collections/clients/request-email-change", USER, "{\"newEmail\":\"change@example.com\"}", 403)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 47, "superuser authentication", "POST", "/api/collections/users/request-email-change", SUPERUSER, "{\"newEmail\":\"change@example.com\"}", 403)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 59, "invalid data", "POST", "/api/collections/users/request-email-change", USER, "{\"newEmail", 400)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 71, "empty data", "POST", "/api/collections/users/request-email-change", USER, "{}", 400)
                    .expect("\"data\":", "\"newEmail\":{\"code\":\"validation_required\""),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 86, "valid data (existing email)", "POST", "/api/collections/users/request-email-change", USER, "{\"newEmail\":\"test2@example.com\"}", 400)
                    .expect("\"data\":", "\"newEmail\":{\"code\":\"validation_invalid_new_email\""),
            s("record_auth_email_change_request_test.go", "TestRecordRequestEmailChange", 101, "valid data (new email)", "POST", "/api/collections/users/request-email-change", USER, "{\"newEmail\":\"change@example.com\"}", 204)
                    .setup(Setup.TEST_MAILER)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 17, "not an auth collection", "POST", "/api/collections/demo1/confirm-email-change", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 25, "empty data", "POST", "/api/collections/users/confirm-email-change", null, "", 400)
                    .expect("\"data\":", "\"token\":{\"code\":\"validation_required\"", "\"password\":{\"code\":\"validation_required\""),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 38, "invalid data", "POST", "/api/collections/users/confirm-email-change", null, "{\"token", 400)
                    .expect("\"data\":{}"),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 47, "expired token and correct password", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoxNjQwOTkxNjYxfQ.dff842MO0mgRTHY8dktp0dqG9-7LGQOgRuiAbQpYBls\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{", "\"code\":\"validation_invalid_token\""),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 63, "non-email change token", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{", "\"code\":\"validation_invalid_token_payload\""),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 79, "valid token and incorrect password", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoyNTI0NjA0NDYxfQ.Y7mVlaEPhJiNPoIvIqbIosZU4c4lEhwysOrRR8c95iU\",\n\t\t\t\t\"password\":\"1234567891\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"password\":{", "\"code\":\"validation_invalid_password\""),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 95, "valid token and correct password", "POST", "/api/collections/users/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoyNTI0NjA0NDYxfQ.Y7mVlaEPhJiNPoIvIqbIosZU4c4lEhwysOrRR8c95iU\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 204)
                    .unchecked("AfterTestFunc (mails sent, stored state) is checked by MailFlowsApiTest instead"),
            s("record_auth_email_change_confirm_test.go", "TestRecordConfirmEmailChange", 162, "valid token in different auth collection", "POST", "/api/collections/clients/confirm-email-change", null, "{\n\t\t\t\t\"token\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsInR5cGUiOiJlbWFpbENoYW5nZSIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSIsIm5ld0VtYWlsIjoiY2hhbmdlQGV4YW1wbGUuY29tIiwiZXhwIjoyNTI0NjA0NDYxfQ.Y7mVlaEPhJiNPoIvIqbIosZU4c4lEhwysOrRR8c95iU\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"token\":{\"code\":\"validation_token_collection_mismatch\""));

    static final List<PbScenario.Skipped> SKIPPED = List.of(
            new PbScenario.Skipped("record_auth_otp_request_test.go", "TestRecordRequestOTP", 169, "existing auth record with intercepted email (with < 9 non-expired)", "hooks (BeforeTestFunc binds an OnMailerRecordOTPSend hook that swallows the mail; AfterTestFunc checks that no OTP got sentTo; pb4j has no per-mail hooks)"));
}
