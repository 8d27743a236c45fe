package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.CLIENT;
import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static io.pb4j.http.PocketBaseScenarios.s;

import java.util.List;

/**
 * PocketBase's scenarios for the records API over the {@code _otps} and {@code _authOrigins} system collections
 * (owner-only list/view, superuser-only writes), ported as data. {@code tests.StubOTPRecords} is
 * {@link Setup#STUB_OTPS}; the fixture already holds the auth origins.
 */
final class PocketBaseOtpOriginScenarios {
    private PocketBaseOtpOriginScenarios() {
    }

    static final List<PbScenario> PORTED = List.of(
            s("record_crud_otp_test.go", "TestRecordCrudOTPList", 17, "guest", "GET", "/api/collections/_otps/records", null, null, 200)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":0", "\"totalPages\":0", "\"items\":[]"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPList", 39, "regular auth with otps", "GET", "/api/collections/_otps/records", USER, null, 200)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":1", "\"totalPages\":1", "\"id\":\"user1_0\""),
            s("record_crud_otp_test.go", "TestRecordCrudOTPList", 66, "regular auth without otps", "GET", "/api/collections/_otps/records", CLIENT, null, 200)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":0", "\"totalPages\":0", "\"items\":[]"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPView", 103, "guest", "GET", "/api/collections/_otps/records/user1_0", null, null, 404)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPView", 116, "non-owner", "GET", "/api/collections/_otps/records/user1_0", CLIENT, null, 404)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPView", 133, "owner", "GET", "/api/collections/_otps/records/user1_0", USER, null, 200)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"id\":\"user1_0\""),
            s("record_crud_otp_test.go", "TestRecordCrudOTPDelete", 165, "guest", "DELETE", "/api/collections/_otps/records/user1_0", null, null, 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPDelete", 178, "non-owner auth", "DELETE", "/api/collections/_otps/records/user1_0", CLIENT, null, 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPDelete", 195, "owner regular auth", "DELETE", "/api/collections/_otps/records/user1_0", USER, null, 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPDelete", 212, "superusers auth", "DELETE", "/api/collections/_otps/records/user1_0", SUPERUSER, null, 204)
                    .setup(Setup.STUB_OTPS),
            s("record_crud_otp_test.go", "TestRecordCrudOTPCreate", 256, "guest", "POST", "/api/collections/_otps/records", null, "{\n\t\t\t\"recordRef\":     \"4q1xlclmfloku33\",\n\t\t\t\"collectionRef\": \"_pb_users_auth_\",\n\t\t\t\"password\":      \"abc\"\n\t\t}", 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPCreate", 270, "owner regular auth", "POST", "/api/collections/_otps/records", USER, "{\n\t\t\t\"recordRef\":     \"4q1xlclmfloku33\",\n\t\t\t\"collectionRef\": \"_pb_users_auth_\",\n\t\t\t\"password\":      \"abc\"\n\t\t}", 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPCreate", 288, "superusers auth", "POST", "/api/collections/_otps/records", SUPERUSER, "{\n\t\t\t\"recordRef\":     \"4q1xlclmfloku33\",\n\t\t\t\"collectionRef\": \"_pb_users_auth_\",\n\t\t\t\"password\":      \"abc\"\n\t\t}", 200)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"recordRef\":\"4q1xlclmfloku33\""),
            s("record_crud_otp_test.go", "TestRecordCrudOTPUpdate", 337, "guest", "PATCH", "/api/collections/_otps/records/user1_0", null, "{\n\t\t\t\"password\":\"abc\"\n\t\t}", 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPUpdate", 351, "owner regular auth", "PATCH", "/api/collections/_otps/records/user1_0", USER, "{\n\t\t\t\"password\":\"abc\"\n\t\t}", 403)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"data\":{}"),
            s("record_crud_otp_test.go", "TestRecordCrudOTPUpdate", 369, "superusers auth", "PATCH", "/api/collections/_otps/records/user1_0", SUPERUSER, "{\n\t\t\t\"password\":\"abc\"\n\t\t}", 200)
                    .setup(Setup.STUB_OTPS)
                    .expect("\"id\":\"user1_0\""),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginList", 17, "guest", "GET", "/api/collections/_authOrigins/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":0", "\"totalPages\":0", "\"items\":[]"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginList", 34, "regular auth with authOrigins", "GET", "/api/collections/_authOrigins/records", CLIENT, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":1", "\"totalPages\":1", "\"id\":\"9r2j0m74260ur8i\""),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginList", 56, "regular auth without authOrigins", "GET", "/api/collections/_authOrigins/records", USER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":0", "\"totalPages\":0", "\"items\":[]"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginView", 88, "guest", "GET", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginView", 96, "non-owner", "GET", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", USER, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginView", 108, "owner", "GET", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", CLIENT, null, 200)
                    .expect("\"id\":\"9r2j0m74260ur8i\""),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginDelete", 135, "guest", "DELETE", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginDelete", 143, "non-owner", "DELETE", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", USER, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginDelete", 155, "owner", "DELETE", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", CLIENT, null, 204),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginCreate", 194, "guest", "POST", "/api/collections/_authOrigins/records", null, "{\n\t\t\t\"recordRef\":     \"4q1xlclmfloku33\",\n\t\t\t\"collectionRef\": \"_pb_users_auth_\",\n\t\t\t\"fingerprint\":   \"abc\"\n\t\t}", 403)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginCreate", 203, "owner regular auth", "POST", "/api/collections/_authOrigins/records", USER, "{\n\t\t\t\"recordRef\":     \"4q1xlclmfloku33\",\n\t\t\t\"collectionRef\": \"_pb_users_auth_\",\n\t\t\t\"fingerprint\":   \"abc\"\n\t\t}", 403)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginCreate", 216, "superusers auth", "POST", "/api/collections/_authOrigins/records", SUPERUSER, "{\n\t\t\t\"recordRef\":     \"4q1xlclmfloku33\",\n\t\t\t\"collectionRef\": \"_pb_users_auth_\",\n\t\t\t\"fingerprint\":   \"abc\"\n\t\t}", 200)
                    .expect("\"fingerprint\":\"abc\""),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginUpdate", 260, "guest", "PATCH", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", null, "{\n\t\t\t\"fingerprint\":\"abc\"\n\t\t}", 403)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginUpdate", 269, "owner regular auth", "PATCH", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", CLIENT, "{\n\t\t\t\"fingerprint\":\"abc\"\n\t\t}", 403)
                    .expect("\"data\":{}"),
            s("record_crud_auth_origin_test.go", "TestRecordCrudAuthOriginUpdate", 282, "superusers auth", "PATCH", "/api/collections/_authOrigins/records/9r2j0m74260ur8i", SUPERUSER, "{\n\t\t\t\"fingerprint\":\"abc\"\n\t\t}", 200)
                    .expect("\"id\":\"9r2j0m74260ur8i\"", "\"fingerprint\":\"abc\""));
}
