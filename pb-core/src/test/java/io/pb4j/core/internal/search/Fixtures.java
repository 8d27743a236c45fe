package io.pb4j.core.internal.search;

import io.pb4j.core.Collection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code posts} collection and clock shared by the compiler tests. */
final class Fixtures {
    static final TestSqliteDialect DIALECT = new TestSqliteDialect();
    /** 2026-02-14 (a Saturday) 09:08:07.123 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-14T09:08:07.123456Z"), ZoneOffset.UTC);

    static final Collection POSTS = Collection.builder().id("pbc_posts").name("posts").fields(List.of(
            TestField.of("id", "text"),
            TestField.of("title", "text"),
            TestField.of("num", "number"),
            TestField.of("created", "autodate"),
            new TestField("tags", "select", false, 5),
            new TestField("status", "select", false, 1),
            TestField.of("data", "json"),
            TestField.of("loc", "geoPoint"),
            new TestField("secret", "text", true, 0),
            new io.pb4j.core.field.RelationField("rel_author", "author", false, false, false, "", "pbc_users", false, 0, 1, false),
            new io.pb4j.core.field.RelationField("rel_editors", "editors", false, false, false, "", "pbc_users", false, 0, 5, false))).build();

    static final Collection USERS = Collection.builder().id("pbc_users").name("users").type(Collection.AUTH)
            .fields(List.of(TestField.of("id", "text"), TestField.of("email", "email"),
                    TestField.of("emailVisibility", "bool"), TestField.of("name", "text"))).build();

    /** Comments point at posts, so {@code comments_via_post} is a back-relation of posts only. */
    static final Collection COMMENTS = Collection.builder().id("pbc_comments").name("comments").fields(List.of(
            TestField.of("id", "text"),
            new io.pb4j.core.field.RelationField("rel_post", "post", false, false, false, "", "pbc_posts", false, 0, 1, false))).build();

    private Fixtures() {
    }

    static CollectionFieldResolver resolver(boolean allowHidden) {
        return CollectionFieldResolver.builder(POSTS, DIALECT).allowHiddenFields(allowHidden)
                .collections(Fixtures::collection).build();
    }

    static java.util.Optional<Collection> collection(String idOrName) {
        return java.util.stream.Stream.of(POSTS, USERS, COMMENTS)
                .filter(c -> c.id().equals(idOrName) || c.name().equals(idOrName)).findFirst();
    }

    static SqlFragment compile(String filter) {
        return SearchFilter.compile(filter, resolver(false), DIALECT, CLOCK);
    }
}
