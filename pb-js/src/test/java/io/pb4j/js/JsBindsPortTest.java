package io.pb4j.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A port of PocketBase v0.39.11's {@code plugins/jsvm/binds_test.go}, the parts that apply to pb4j: each Go test's
 * script runs inside a route of a real pb_hooks folder over PocketBase's own test data, and answers what failed.
 * TestBindCoreCookie, TestBindCoreDateTime, TestBindCoreField/NamedFields/FieldsList, TestBindHTTPSend's FormData,
 * TestSecurityRandomStringBinds' randomStringByRegex and $filepath are in {@link JsGlobalsTest}. Not ported:
 * TestBindCoreUnmarshal/Context/SubscriptionMessage/Command/RequestInfo/Middleware/Timezone/ValidationError (Go
 * types pb4j's scripts do not construct), TestDynamicModelMapFieldCaching (Go's JSONMap.set),
 * TestBindFilesystem's s3/local/dirFS, TestBindForms and the *Count tests for namespaces pb4j fills differently. Differences kept: dbx quotes columns with {@code "} (not SQLite's backticks) and
 * LIKE carries {@code ESCAPE '\'} so its escaping works on SQLite.
 */
class JsBindsPortTest {
    static JsTestServer server;

    @BeforeAll
    static void start() {
        server = JsTestServer.startOnFixture(Map.of("port.pb.js", """
                const tests = {
                    TestBindCoreSleep: () => {
                        const start = Date.now()
                        sleep(100)
                        const lasted = Date.now() - start
                        if (lasted < 100) throw new Error("Expected to sleep for ~100ms, got " + lasted)
                    },
                    TestBindCoreToString: () => {
                        const scenarios = [
                            ["null", null, ""], ["string", "test", "test"], ["number", -12.4, "-12.4"], ["bool", true, "true"],
                            ["arr", [1, 2, 3], "[1,2,3]"], ["obj", { test: 123 }, '{"test":123}'],
                        ]
                        for (const [name, value, expected] of scenarios) {
                            const str = toString(value)
                            if (str != expected) throw new Error("[" + name + "] Expected string " + expected + ", got " + str)
                        }
                    },
                    TestBindCoreRecord: () => {
                        const collection = $app.findCollectionByNameOrId("users")
                        const record = new Record(collection, { email: "new@example.com" })
                        if (record.collection().name !== "users") throw new Error("Expected the users collection")
                        if (record.email() !== "new@example.com") throw new Error("Expected the email, got " + record.email())
                    },
                    TestBindCoreMailerMessage: () => {
                        const m = new MailerMessage({
                            from: { address: "test_from@example.com", name: "test_from" },
                            to: [{ address: "test_to1@example.com", name: "test_to1" }, { address: "test_to2@example.com", name: "test_to2" }],
                            bcc: [{ address: "test_bcc1@example.com" }], cc: [{ address: "test_cc1@example.com" }],
                            subject: "test_subject", html: "test_html", text: "test_text", headers: { header1: "a" },
                        })
                        const expected = '{"from":{"address":"test_from@example.com","name":"test_from"},"to":[{"address":"test_to1@example.com","name":"test_to1"},{"address":"test_to2@example.com","name":"test_to2"}],"bcc":[{"address":"test_bcc1@example.com"}],"cc":[{"address":"test_cc1@example.com"}],"subject":"test_subject","html":"test_html","text":"test_text","headers":{"header1":"a"}}'
                        if (JSON.stringify(m) !== expected) throw new Error("Expected " + expected + ", got " + JSON.stringify(m))
                    },
                    TestBindDbx: () => {
                        const db = $app.db()
                        const scenarios = [
                            [$dbx.exp("a = 1").build(db, {}), "a = 1"],
                            [$dbx.hashExp({ "a": 1, b: null, c: [1, 2, 3] }).build(db, {}), '"a"={:p0} AND "b" IS NULL AND "c" IN ({:p1}, {:p2}, {:p3})'],
                            [$dbx.not($dbx.exp("a = 1")).build(db, {}), "NOT (a = 1)"],
                            [$dbx.and($dbx.exp("a = 1"), $dbx.exp("b = 2")).build(db, {}), "(a = 1) AND (b = 2)"],
                            [$dbx.or($dbx.exp("a = 1"), $dbx.exp("b = 2")).build(db, {}), "(a = 1) OR (b = 2)"],
                            [$dbx.in("a", 1, 2, 3).build(db, {}), '"a" IN ({:p0}, {:p1}, {:p2})'],
                            [$dbx.notIn("a", 1, 2, 3).build(db, {}), '"a" NOT IN ({:p0}, {:p1}, {:p2})'],
                            [$dbx.like("a", "test1", "test2").match(true, false).build(db, {}), `"a" LIKE {:p0} ESCAPE '\\\\' AND "a" LIKE {:p1} ESCAPE '\\\\'`],
                            [$dbx.orLike("a", "test1", "test2").match(false, true).build(db, {}), `"a" LIKE {:p0} ESCAPE '\\\\' OR "a" LIKE {:p1} ESCAPE '\\\\'`],
                            [$dbx.notLike("a", "test1", "test2").match(true, false).build(db, {}), `"a" NOT LIKE {:p0} ESCAPE '\\\\' AND "a" NOT LIKE {:p1} ESCAPE '\\\\'`],
                            [$dbx.orNotLike("a", "test1", "test2").match(false, false).build(db, {}), `"a" NOT LIKE {:p0} ESCAPE '\\\\' OR "a" NOT LIKE {:p1} ESCAPE '\\\\'`],
                            [$dbx.exists($dbx.exp("a = 1")).build(db, {}), "EXISTS (a = 1)"],
                            [$dbx.notExists($dbx.exp("a = 1")).build(db, {}), "NOT EXISTS (a = 1)"],
                            [$dbx.between("a", 1, 2).build(db, {}), '"a" BETWEEN {:p0} AND {:p1}'],
                            [$dbx.notBetween("a", 1, 2).build(db, {}), '"a" NOT BETWEEN {:p0} AND {:p1}'],
                        ]
                        for (const [got, expected] of scenarios) {
                            if (got !== expected) throw new Error("Expected \\n" + expected + ", \\ngot \\n" + got)
                        }
                        const params = {}
                        $dbx.like("a", "x%").match(true, false).build(db, params)
                        if (params.p0 !== "%x\\\\%") throw new Error("Expected the escaped pattern, got " + params.p0)
                    },
                    TestBindMailsCount: () => {
                        const names = ["sendRecordPasswordReset", "sendRecordVerification", "sendRecordChangeEmail", "sendRecordOTP", "sendRecordAuthAlert"]
                        for (const n of names) if (typeof $mails[n] !== "function") throw new Error("Missing $mails." + n)
                    },
                    TestSecurityCryptoBinds: () => {
                        const scenarios = [
                            [$security.md5("123"), "202cb962ac59075b964b07152d234b70"],
                            [$security.sha256("123"), "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3"],
                            [$security.sha512("123"), "3c9909afec25354d551dae21590bb26e38d53f2173b8d3dc3eee4c047e7ab1c1eb8b85103e3be7ba613b31bb5c9c36214dc9f14a42fd7a2fdb84856bca5c44c2"],
                            [$security.hs256("hello", "test"), "f151ea24bda91a18e89b8bb5793ef324b2a02133cce15a28a719acbd2e58a986"],
                            [$security.hs512("hello", "test"), "44f280e11103e295c26cd61dd1cdd8178b531b860466867c13b1c37a26b6389f8af110efbe0bb0717b9d9c87f6fe1c97b3b1690936578890e5669abf279fe7fd"],
                            [String($security.equal("abc", "abc")), "true"],
                            [String($security.equal("abc", "abcd")), "false"],
                        ]
                        for (const [got, expected] of scenarios) if (got !== expected) throw new Error("Expected " + expected + " got " + got)
                    },
                    TestSecurityRandomStringBinds: () => {
                        const scenarios = [[$security.randomString(6), 6], [$security.randomStringWithAlphabet(7, "abc"), 7],
                            [$security.pseudorandomString(8), 8], [$security.pseudorandomStringWithAlphabet(9, "abc"), 9]]
                        for (const [v, n] of scenarios) if (v.length !== n) throw new Error("Expected " + n + " length string, got " + v)
                    },
                    TestSecurityJWTBinds: () => {
                        const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.aXzC7q7z1lX_hxk5P0R368xEU7H1xRwnBQQcLAmG0EY"
                        for (const result of [$security.parseUnverifiedJWT(token), $security.parseJWT(token, "test")]) {
                            if (result.name != "John Doe") throw new Error("Expected result.name 'John Doe', got " + result.name)
                            if (result.sub != "1234567890") throw new Error("Expected result.sub '1234567890', got " + result.sub)
                        }
                        const created = $security.createJWT({ "exp": 123 }, "test", 0)
                        const expected = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjEyM30.7gbv7w672gApdBRASI6OniCtKwkKjhieSxsr6vxSrtw"
                        if (created != expected) throw new Error("Expected token \\n" + expected + ", got \\n" + created)
                    },
                    TestSecurityEncryptAndDecryptBinds: () => {
                        const key = "abcdabcdabcdabcdabcdabcdabcdabcd"
                        const decrypted = $security.decrypt($security.encrypt("123", key), key)
                        if (decrypted != "123") throw new Error("Expected decrypted '123', got " + decrypted)
                    },
                    TestBindApisErrors: () => {
                        const scenarios = [
                            [new ApiError(), 0, "", "null"],
                            [new ApiError(100, "test", { test: 1 }), 100, "Test.", '{"test":1}'],
                            [new NotFoundError(), 404, "The requested resource wasn't found.", "null"],
                            [new NotFoundError("test", { test: 1 }), 404, "Test.", '{"test":1}'],
                            [new BadRequestError(), 400, "Something went wrong while processing your request.", "null"],
                            [new BadRequestError("test", { test: 1 }), 400, "Test.", '{"test":1}'],
                            [new ForbiddenError(), 403, "You are not allowed to perform this request.", "null"],
                            [new ForbiddenError("test", { test: 1 }), 403, "Test.", '{"test":1}'],
                            [new UnauthorizedError(), 401, "Missing or invalid authentication.", "null"],
                            [new UnauthorizedError("test", { test: 1 }), 401, "Test.", '{"test":1}'],
                            [new TooManyRequestsError(), 429, "Too Many Requests.", "null"],
                            [new TooManyRequestsError("test", { test: 1 }), 429, "Test.", '{"test":1}'],
                            [new InternalServerError(), 500, "Something went wrong while processing your request.", "null"],
                            [new InternalServerError("test", { test: 1 }), 500, "Test.", '{"test":1}'],
                        ]
                        for (const [err, status, message, data] of scenarios) {
                            if (err.status !== status) throw new Error("Expected Status " + status + ", got " + err.status)
                            if (err.message !== message) throw new Error("Expected Message " + message + ", got " + err.message)
                            if (JSON.stringify(err.data) !== data) throw new Error("Expected Data " + data + ", got " + JSON.stringify(err.data))
                        }
                    },
                    TestLoadingDynamicModel: () => {
                        let result = new DynamicModel({
                            string: "", nullString: nullString(), nullStringEmpty: nullString(),
                            bool: false, nullBool: nullBool(), nullBoolEmpty: nullBool(),
                            int: 0, nullInt: nullInt(), nullIntEmpty: nullInt(),
                            float: -0, nullFloat: nullFloat(), nullFloatEmpty: nullFloat(),
                            array: [], nullArray: nullArray(), nullArrayEmpty: nullArray(),
                            object: {}, nullObject: nullObject(), nullObjectEmpty: nullObject(),
                        })
                        const expectations = {
                            "string": "a", "nullString": "b", "nullStringEmpty": null,
                            "bool": false, "nullBool": true, "nullBoolEmpty": null,
                            "int": 1, "nullInt": 2, "nullIntEmpty": null,
                            "float": 1.1, "nullFloat": 1.2, "nullFloatEmpty": null,
                            "array": [1, 2], "nullArray": [3, 4], "nullArrayEmpty": null,
                            "object": { a: 1 }, "nullObject": { a: 2 }, "nullObjectEmpty": null,
                        }
                        const selectColumns = []
                        for (const col in expectations) {
                            const val = expectations[col]
                            if (val === null) selectColumns.push("null as [[" + col + "]]")
                            else if (typeof val === "string") selectColumns.push("'" + val + "' as [[" + col + "]]")
                            else if (typeof val === "object") selectColumns.push("'" + JSON.stringify(val) + "' as [[" + col + "]]")
                            else selectColumns.push(val + " as [[" + col + "]]")
                        }
                        $app.db().newQuery("SELECT " + selectColumns.join(", ")).one(result)
                        for (const col in expectations) {
                            let expVal = expectations[col]
                            let resVal = result[col]
                            if (expVal !== null && typeof expVal === "object") {
                                expVal = JSON.stringify(expVal)
                                resVal = JSON.stringify(resVal)
                            }
                            if (expVal != resVal) throw new Error("Expected '" + col + "' value " + expVal + ", got " + resVal)
                        }
                    },
                    TestLoadingArrayOf: () => {
                        let result = arrayOf(new DynamicModel({ id: "", text: "" }))
                        $app.db().select("id", "text").from("demo1")
                            .where($dbx.exp("id='84nmscqy84lsi1t' OR id='al1h9ijdeojtsjy'"))
                            .limit(2).orderBy("text ASC").all(result)
                        if (result.length != 2) throw new Error("Expected 2 list items, got " + result.length)
                        if (result[0].id != "84nmscqy84lsi1t") throw new Error('Expected 0.id "84nmscqy84lsi1t", got ' + result[0].id)
                        if (result[0].text != "test") throw new Error('Expected 0.text "test", got ' + result[0].text)
                        if (result[1].id != "al1h9ijdeojtsjy") throw new Error('Expected 1.id "al1h9ijdeojtsjy", got ' + result[1].id)
                        if (result[1].text != "test2") throw new Error('Expected 1.text "test2", got ' + result[1].text)
                    },
                }
                routerAdd("GET", "/port/{name}", (e) => {
                    const name = e.request.pathValue("name")
                    try {
                        tests[name]()
                        return e.json(200, { ok: true })
                    } catch (err) {
                        return e.json(200, { ok: false, error: String(err) })
                    }
                })
                routerAdd("GET", "/port-error", async (e) => {
                    throw new ApiError(456, "test", null)
                })
                """), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TestBindCoreSleep", "TestBindCoreToString", "TestBindCoreRecord", "TestBindCoreMailerMessage",
            "TestBindDbx", "TestBindMailsCount", "TestSecurityCryptoBinds", "TestSecurityRandomStringBinds",
            "TestSecurityJWTBinds", "TestSecurityEncryptAndDecryptBinds", "TestBindApisErrors", "TestLoadingDynamicModel",
            "TestLoadingArrayOf"})
    void bindsAsInPocketBase(String test) {
        var r = server.get("/port/" + test);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as(test).isEqualTo("{\"ok\":true}");
    }

    /** TestRouterBinds' "/error" route: an async handler's thrown ApiError keeps its status and message. */
    @org.junit.jupiter.api.Test
    void anAsyncRoutesThrownApiErrorIsItsResponse() {
        var r = server.get("/port-error");
        assertThat(r.body()).isEqualTo("{\"data\":{},\"message\":\"Test.\",\"status\":456}");
        assertThat(r.statusCode()).isEqualTo(456);
    }
}
