package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Record;
import io.pb4j.core.RequestInfo;
import jakarta.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @collection.*} and {@code @request.*} identifiers compiled as an API rule and run on SQLite. The caller is
 * user u1 (Ann), the author of p1 and p5; posts p1 and p4 have editors [u1, u2] and [u2].
 */
class RequestFieldsTest {
    private static final Map<String, Object> BODY = Map.of(
            "title", "Hello",
            "num", "5",
            "author", "u1",
            "editors", Json.createArrayBuilder().add("u1").add("u2").build(),
            "tags", List.of("news", "news"),
            "status", "draft",
            "data", Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(7)).build());
    private static SqliteDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new SqliteDb();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    /** A request by u1 with {@code body}. */
    static RequestInfo request(Map<String, Object> body) {
        Record ann = Record.fromRow(Fixtures.USERS, Map.of("id", "u1", "email", "ann@x.io", "emailVisibility", true,
                "name", "Ann"));
        return new RequestInfo(Optional.of(ann), "PATCH", Map.of("page", "2"), Map.of("x_token", "t"), body, "default");
    }

    private static CollectionFieldResolver resolver(RequestInfo info) {
        return CollectionFieldResolver.builder(Fixtures.POSTS, Fixtures.DIALECT).allowHiddenFields(true)
                .collections(Fixtures::collection).requestInfo(info).build();
    }

    private static List<String> select(String rule, RequestInfo info) throws Exception {
        CollectionFieldResolver resolver = resolver(info);
        SqlFragment where = SearchFilter.compileRule(rule, resolver, Fixtures.DIALECT, Fixtures.CLOCK);
        return db.ids(where, resolver);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            @collection.users.name ?= 'Ann'                                     => p1 p2 p3 p4 p5 p6
            @collection.users.name = 'Ann'                                      => -
            @collection.users.name != 'Zed'                                     => p1 p2 p3 p4 p5 p6
            @collection.pbc_users.name ?= 'Cid'                                 => p1 p2 p3 p4 p5 p6
            @collection.users.id ?= author && @collection.users.name ?= 'Ann'   => p1 p5
            @collection.users.name ?= 'Ann' && @collection.users.name ?= 'Bob'  => -
            @collection.users:a.name ?= 'Ann' && @collection.users:b.name ?= 'Bob' => p1 p2 p3 p4 p5 p6
            @collection.users:u.id ?= author && @collection.users:u.name ?= 'Bob' => p4
            @collection.posts:other.num ?> num                                  => p1 p2 p4 p6
            @collection.users.posts_via_author.title ?= '100x off'              => p1 p2 p3 p4 p5 p6
            @collection.users.posts_via_editors.id ?= id                        => p1 p4
            @request.auth.id = author                                           => p1 p5
            @request.auth.name = 'Ann'                                          => p1 p2 p3 p4 p5 p6
            @request.auth.name:lower = 'ann'                                    => p1 p2 p3 p4 p5 p6
            @request.auth.email = 'ann@x.io' && @request.auth.verified = false  => p1 p2 p3 p4 p5 p6
            @request.auth.posts_via_author.title ?= title                       => p1 p5
            @request.auth.posts_via_editors.id ?= id                            => p1
            @request.auth.nope = null                                           => p1 p2 p3 p4 p5 p6
            @request.auth.comments_via_post.id = null                           => p1 p2 p3 p4 p5 p6
            @request.body.author.name = 'Ann'                                   => p1 p2 p3 p4 p5 p6
            @request.body.editors.name ?= 'Bob'                                 => p1 p2 p3 p4 p5 p6
            @request.body.editors.name = 'Bob'                                  => -
            @request.body.editors.name != 'Zed'                                 => p1 p2 p3 p4 p5 p6
            @request.body.editors.id ?= author                                  => p1 p4 p5
            @request.body.tags:each = 'news'                                    => p1 p2 p3 p4 p5 p6
            @request.body.tags:each ?= status                                   => -
            @request.body.tags:length = 2                                       => p1 p2 p3 p4 p5 p6
            @request.body.editors:length = tags:length                          => p1
            @request.body.editors:each ?= author                                => p1 p4 p5
            @request.body.title:lower = 'hello'                                 => p1 p2 p3 p4 p5 p6
            @request.body.title:changed = true                                  => p2 p3 p4 p5 p6
            @request.body.title:changed = false                                 => p1
            @request.body.status:changed = false                                => p1 p6
            @request.body.secret:changed = false                                => p1 p2 p3 p4 p5 p6
            @request.body.num = num                                             => p1
            @request.body.data.a.0 = 7                                          => p1 p2 p3 p4 p5 p6
            @request.body.title:isset = true && @request.body.nope:isset = false => p1 p2 p3 p4 p5 p6
            @request.query.page = '2' && @request.headers.x_token = 't'         => p1 p2 p3 p4 p5 p6
            @request.method = 'PATCH' && @request.context = 'default'           => p1 p2 p3 p4 p5 p6
            """)
    void requestAndCollectionFieldsSelectTheExpectedRows(String rule, String expected) throws Exception {
        List<String> want = expected.equals("-") ? List.of() : Arrays.asList(expected.trim().split(" "));
        assertThat(select(rule, request(BODY))).as(rule).isEqualTo(want);
    }

    @Test
    void unsubmittedBodyRelationsAndModifiersResolveToNothing() throws Exception {
        RequestInfo empty = request(Map.of());
        assertThat(select("@request.body.author.name = null", empty)).hasSize(6);
        assertThat(select("@request.body.title:changed = false", empty)).hasSize(6);
        assertThat(select("@request.body.tags:length = 0", empty)).hasSize(6);
        assertThat(select("@request.body.tags:each ?= 'news'", empty)).isEmpty();
    }

    @Test
    void guestsHaveNoAuthFields() throws Exception {
        RequestInfo guest = new RequestInfo(Optional.empty(), "GET", Map.of(), Map.of(), Map.of(), "default");
        assertThat(select("@request.auth.id = '' && @request.auth.name = null", guest)).hasSize(6);
        assertThat(select("@request.auth.posts_via_author.id ?= id", guest)).isEmpty();
        assertThat(resolver(guest).joins()).isEmpty();
    }

    @Test
    void withoutRequestInfoEveryRequestFieldIsNull() {
        var resolver = CollectionFieldResolver.builder(Fixtures.POSTS, Fixtures.DIALECT).build();
        assertThat(SearchFilter.compileRule("@request.body.nope:changed = 1", resolver, Fixtures.DIALECT, Fixtures.CLOCK)
                .sql()).isEqualTo("'' = ?");
    }

    @Test
    void collectionAliasesJoinTheSameCollectionSeparately() {
        CollectionFieldResolver resolver = resolver(request(BODY));
        SearchFilter.compileRule("@collection.users:a.name = 'x' && @collection.users.name = 'y' && @collection.users:a.id = 'z'",
                resolver, Fixtures.DIALECT, Fixtures.CLOCK);
        assertThat(resolver.joins()).extracting(SqlJoin::alias)
                .containsExactly("__collection_alias_a", "__collection_users");
    }

    @Test
    void changedComparesTheStoredValueWithoutNullFallback() {
        SqlFragment f = SearchFilter.compileRule("@request.body.title:changed = false", resolver(request(BODY)),
                Fixtures.DIALECT, Fixtures.CLOCK);
        assertThat(f.sql()).isEqualTo("((TRUE = 1 AND ? IS NOT `posts`.`title`) IS 0)");
        assertThat(f.params()).containsExactly("Hello");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            @request.body.title:each = 1         => field "title" doesn't support multivalue operations
            @request.body.num:length = 1         => field "num" doesn't support multivalue operations
            @request.body.nope:changed = 1       => invalid modifier sequence nope:changed
            @request.query.page:changed = 1      => invalid modifier sequence page:changed
            @request.body.nope:each = 1          => invalid modifier sequence nope:each
            @request.body.title:upper = 1        => unknown modifier in "title:upper"
            @collection.nope.id = 1              => failed to load collection "nope"
            @collection.users.nope = 1           => unknown field "nope"
            @collection.users.posts_via_nope.id = 1 => missing back relation field "nope"
            @request.body.author.name.x = 1      => field "name" is not a valid relation
            """)
    void rejectsWhatPocketBaseRejects(String rule, String message) {
        assertThatThrownBy(() -> SearchFilter.compileRule(rule, resolver(request(BODY)), Fixtures.DIALECT, Fixtures.CLOCK))
                .isInstanceOf(FilterException.class).hasMessageContaining(message);
    }

    @Test
    void clientFiltersNeedListAccessToCollectionJoins() {
        var client = CollectionFieldResolver.builder(Fixtures.POSTS, Fixtures.DIALECT).collections(Fixtures::collection)
                .requestInfo(request(BODY)).build();
        assertThatThrownBy(() -> SearchFilter.compile("@collection.users.name ?= 'Ann'", client, Fixtures.DIALECT))
                .hasMessageContaining("\"users\" fields can be accessed only when allowHiddenFields is enabled");
        var listed = io.pb4j.core.Collection.builder().id("pbc_posts").name("posts").listRule("title != ''")
                .fields(Fixtures.POSTS.fields()).build();
        var listedClient = CollectionFieldResolver.builder(listed, Fixtures.DIALECT).build();
        SearchFilter.compile("@collection.posts:p.title ?= 'Hello'", listedClient, Fixtures.DIALECT);
        assertThat(listedClient.ruleJoins()).containsOnlyKeys("__collection_alias_p");
    }
}
