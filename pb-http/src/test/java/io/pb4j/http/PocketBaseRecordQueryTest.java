package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PocketBase v0.39.11's {@code core/record_query_test.go} scenarios for the finders that take a filter, an id or an
 * email (not the ones built on Go's {@code dbx} expressions), on a copy of PocketBase's own test data. Where the Go
 * finder returns an error, the Java one throws ({@code NoSuchElementException} for a missing collection,
 * {@code IllegalArgumentException} for a bad filter) or answers an empty {@code Optional} for "no rows".
 */
class PocketBaseRecordQueryTest {
    private static TestServer server;
    private static PocketBase app;

    @BeforeAll
    static void start() {
        server = TestServer.onFixture();
        app = server.app;
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** TestFindRecordsByFilter: name, collection, filter, sort, limit, offset, params, error expected, ids in order. */
    record ByFilter(String name, String collection, String filter, String sort, int limit, int offset,
                    Map<String, Object> params, boolean error, List<String> ids) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<ByFilter> findRecordsByFilter() {
        List<String> all = List.of("llvuca81nly1qls", "achvryl401bhse3", "0yxhwia2amd8gec");
        return List.of(
                new ByFilter("missing collection", "missing", "id != ''", "", 0, 0, Map.of(), true, List.of()),
                new ByFilter("invalid filter", "demo2", "someMissingField > 1", "", 0, 0, Map.of(), true, List.of()),
                new ByFilter("empty filter", "demo2", "", "", 0, 0, Map.of(), false, all),
                new ByFilter("simple filter", "demo2", "id != ''", "", 0, 0, Map.of(), false, all),
                new ByFilter("multi-condition filter with sort", "demo2", "id != '' && active=true", "-created,title", -1, 0,
                        Map.of(), false, List.of("0yxhwia2amd8gec", "achvryl401bhse3")),
                new ByFilter("with limit and offset", "sz5l5z67tg7gku0", "id != ''", "title", 2, 1, Map.of(), false,
                        List.of("achvryl401bhse3", "0yxhwia2amd8gec")),
                new ByFilter("with placeholder params", "demo2", "active = {:active}", "", 10, 0, Map.of("active", false),
                        false, List.of("llvuca81nly1qls")),
                new ByFilter("with json filter and sort", "demo4", "json_object != null && json_object.a.b = 'test'",
                        "-json_object.a", 10, 0, Map.of("active", false), false, List.of("i9naidtvr6qsgb4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void findRecordsByFilter(ByFilter s) {
        if (s.error()) {
            assertThatThrownBy(() -> app.findRecordsByFilter(s.collection(), s.filter(), s.sort(), s.limit(), s.offset(), s.params()))
                    .isInstanceOfAny(IllegalArgumentException.class, java.util.NoSuchElementException.class);
            return;
        }
        assertThat(app.findRecordsByFilter(s.collection(), s.filter(), s.sort(), s.limit(), s.offset(), s.params()))
                .extracting(Record::id).containsExactlyElementsOf(s.ids());
    }

    /** TestFindFirstRecordByFilter: name, collection, filter, params, the id ({@code ""}: no record), error expected. */
    record FirstByFilter(String name, String collection, String filter, Map<String, Object> params, String id, boolean error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<FirstByFilter> findFirstRecordByFilter() {
        return List.of(
                new FirstByFilter("missing collection", "missing", "id != ''", Map.of(), "", true),
                new FirstByFilter("invalid filter", "demo2", "someMissingField > 1", Map.of(), "", true),
                new FirstByFilter("empty filter", "demo2", "", Map.of(), "llvuca81nly1qls", false),
                new FirstByFilter("valid filter but no matches", "demo2", "id = 'test'", Map.of(), "", false),
                new FirstByFilter("valid filter and multiple matches", "sz5l5z67tg7gku0", "id != ''", Map.of(), "llvuca81nly1qls", false),
                new FirstByFilter("with placeholder params", "demo2", "active = {:active}", Map.of("active", false),
                        "llvuca81nly1qls", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void findFirstRecordByFilter(FirstByFilter s) {
        if (s.error()) {
            assertThatThrownBy(() -> app.findFirstRecordByFilter(s.collection(), s.filter(), s.params()))
                    .isInstanceOfAny(IllegalArgumentException.class, java.util.NoSuchElementException.class);
            return;
        }
        assertThat(app.findFirstRecordByFilter(s.collection(), s.filter(), s.params()).map(Record::id))
                .isEqualTo(s.id().isEmpty() ? Optional.empty() : Optional.of(s.id()));
    }

    @ParameterizedTest(name = "FindRecordById {0}/{1}")
    @org.junit.jupiter.params.provider.CsvSource({"demo2, missing, false", "missing, 0yxhwia2amd8gec, error",
            "demo2, 0yxhwia2amd8gec, true", "sz5l5z67tg7gku0, 0yxhwia2amd8gec, true"})
    void findRecordById(String collection, String id, String found) {
        if (found.equals("error")) {
            assertThatThrownBy(() -> app.findRecordById(collection, id)).isInstanceOf(java.util.NoSuchElementException.class);
            return;
        }
        assertThat(app.findRecordById(collection, id).map(Record::id)).isEqualTo(
                Boolean.parseBoolean(found) ? Optional.of(id) : Optional.empty());
    }

    /** TestFindAuthRecordByToken (the fixture's tokens), with the Java variants: any type, or one type. */
    @ParameterizedTest(name = "FindAuthRecordByToken {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "empty token||''|''",
        "invalid token|invalid|''|''",
        "expired token|eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoxNjQwOTkxNjYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.2D3tmqPn3vc5LoqqCz8V-iCDVXo9soYiH0d32G7FQT4|''|''",
        "valid auth token|eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo|''|4q1xlclmfloku33",
        "valid verification token|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6ImRjNDlrNmpnZWpuNDBoMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIsImNvbGxlY3Rpb25JZCI6ImtwdjcwOXNrMmxxYnFrOCIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.5GmuZr4vmwk3Cb_3ZZWNxwbE75KZC-j71xxIPR9AsVw|''|dc49k6jgejn40h3",
        "auth token with file type only check|eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo|file|''",
        "auth token with auth type check|eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo|auth|4q1xlclmfloku33"})
    void findAuthRecordByToken(String name, String token, String type, String id) {
        String t = token == null ? "" : token;
        Optional<Record> found = type.isEmpty() ? app.findAuthRecordByToken(t) : app.findAuthRecordByToken(t, type);
        assertThat(found.map(Record::id)).isEqualTo(id.isEmpty() ? Optional.empty() : Optional.of(id));
    }

    @ParameterizedTest(name = "FindAuthRecordByEmail {0} {1} nocase={2}")
    @org.junit.jupiter.params.provider.CsvSource({"missing, test@example.com, false, error", "demo2, test@example.com, false, error",
            "users, missing@example.com, false, none", "users, test@example.com, false, found",
            "clients, test2@example.com, false, found", "clients, TeSt2@example.com, false, none",
            "clients, TeSt2@example.com, true, found"})
    void findAuthRecordByEmail(String collection, String email, boolean nocase, String expect) {
        if (nocase) {
            Collection c = app.collection(collection);
            List<String> indexes = c.indexes().stream()
                    .map(i -> i.contains("(email)") || i.contains("(`email`)") ? i.replaceFirst("\\(`?email`?\\)", "(`email` COLLATE NOCASE)") : i)
                    .toList();
            assertThat(indexes).anyMatch(i -> i.contains("COLLATE NOCASE"));
            app.save(c.toBuilder().indexes(indexes).build());
        }
        try {
            switch (expect) {
                case "error" -> assertThatThrownBy(() -> app.findAuthRecordByEmail(collection, email))
                        .isInstanceOfAny(IllegalArgumentException.class, java.util.NoSuchElementException.class);
                case "none" -> assertThat(app.findAuthRecordByEmail(collection, email)).isEmpty();
                default -> assertThat(app.findAuthRecordByEmail(collection, email).map(Record::email))
                        .hasValueSatisfying(e -> assertThat(e).isEqualToIgnoringCase(email));
            }
        } finally {
            if (nocase) {
                Collection c = app.collection(collection);
                app.save(c.toBuilder().indexes(c.indexes().stream().map(i -> i.replace(" COLLATE NOCASE", "")).toList()).build());
            }
        }
    }
}
