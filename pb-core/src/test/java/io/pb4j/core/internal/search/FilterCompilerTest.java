package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterCompilerTest {
    private static final String T = "`posts`.`title`";
    private static final String N = "`posts`.`num`";
    private static final String C = "`posts`.`created`";

    private static String json(String path) {
        return Fixtures.DIALECT.jsonExtract("`posts`.`data`", path);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // equality and the NULL/'' fallback
                arguments("title = ''", "((" + T + " = '' OR " + T + " IS NULL))", List.of()),
                arguments("title != null", "((" + T + " IS NOT '' AND " + T + " IS NOT NULL))", List.of()),
                arguments("'' = title", "(('' = " + T + " OR " + T + " IS NULL))", List.of()),
                arguments("'' != title", "(('' IS NOT " + T + " AND " + T + " IS NOT NULL))", List.of()),
                arguments("null = ''", "'' = ''", List.of()),
                arguments("NULL != \"\"", "'' IS NOT ''", List.of()),
                arguments("title = 'a'", T + " = ?", List.of("a")),
                arguments("title ?= 'a'", T + " = ?", List.of("a")),
                arguments("title != 'a'", T + " IS NOT ?", List.of("a")),
                arguments("title ?!= 'a'", T + " IS NOT ?", List.of("a")),
                arguments("title = TRUE", T + " = 1", List.of()),
                arguments("title != false", T + " IS NOT 0", List.of()),
                arguments("'' = 'a'", "'' = ?", List.of("a")),
                arguments("title = num", "COALESCE(" + T + ", '') = COALESCE(" + N + ", '')", List.of()),
                arguments("title != num", "COALESCE(" + T + ", '') IS NOT COALESCE(" + N + ", '')", List.of()),
                // like
                arguments("title ~ 'a'", T + " LIKE ? ESCAPE '\\'", List.of("%a%")),
                arguments("title ?~ 'a%'", T + " LIKE ? ESCAPE '\\'", List.of("a%")),
                arguments("title !~ 'a_b\\c'", T + " NOT LIKE ? ESCAPE '\\'", List.of("%a\\_b\\\\c%")),
                arguments("title ?!~ '50\\%'", T + " NOT LIKE ? ESCAPE '\\'", List.of("%50\\%%")),
                arguments("title ~ 1.50", T + " LIKE ? ESCAPE '\\'", List.of("%1.5%")),
                arguments("title ~ num", T + " LIKE ('%' || " + N + " || '%') ESCAPE '\\'", List.of()),
                arguments("'lorem' ~ title", "? LIKE ('%' || " + T + " || '%') ESCAPE '\\'", List.of("lorem")),
                // ordering
                arguments("num > 1", N + " > ?", List.of(1.0)),
                arguments("num ?>= -14", N + " >= ?", List.of(-14.0)),
                arguments("num < 10.50", N + " < ?", List.of(10.5)),
                arguments("num < " + "9".repeat(400), N + " < ?", List.of(0.0)),
                arguments("num ?<= num", N + " <= " + N, List.of()),
                // macros (fixed clock: 2026-02-14T09:08:07.123456Z, a Saturday)
                arguments("created > @now", C + " > ?", List.of("2026-02-14 09:08:07.123Z")),
                arguments("created > @yesterday", C + " > ?", List.of("2026-02-13 09:08:07.123Z")),
                arguments("created < @tomorrow", C + " < ?", List.of("2026-02-15 09:08:07.123Z")),
                arguments("created >= @todayStart", C + " >= ?", List.of("2026-02-14 00:00:00.000Z")),
                arguments("created <= @todayEnd", C + " <= ?", List.of("2026-02-14 23:59:59.999Z")),
                arguments("created >= @monthStart", C + " >= ?", List.of("2026-02-01 00:00:00.000Z")),
                arguments("created <= @monthEnd", C + " <= ?", List.of("2026-02-28 23:59:59.999Z")),
                arguments("created >= @yearStart", C + " >= ?", List.of("2026-01-01 00:00:00.000Z")),
                arguments("created <= @yearEnd", C + " <= ?", List.of("2026-12-31 23:59:59.999Z")),
                arguments("@second = num", "? = " + N, List.of(7)),
                arguments("@minute = num", "? = " + N, List.of(8)),
                arguments("@hour = num", "? = " + N, List.of(9)),
                arguments("@day = num", "? = " + N, List.of(14)),
                arguments("@weekday = num", "? = " + N, List.of(6)),
                arguments("@month = num", "? = " + N, List.of(2)),
                arguments("@year = num", "? = " + N, List.of(2026)),
                // modifiers
                arguments("title:lower = 'a'", "LOWER(" + T + ") = ?", List.of("a")),
                // the length expression contains " OR ", so PocketBase's group join parenthesises it once more
                arguments("tags:length > 1", "(" + Fixtures.DIALECT.jsonArrayLength("`posts`.`tags`") + " > ?)",
                        List.of(1.0)),
                arguments("num:length > 1", N + " > ?", List.of(1.0)),
                arguments("title:isset = 1", T + " = ?", List.of(1.0)),
                arguments("tags:each ?= 'a'", "`__je_posts_tags`.`value` = ?", List.of("a")),
                arguments("status:each = 'a'", "`__je_posts_status`.`value` = ?", List.of("a")),
                // JSON paths: IS / IS NOT, no fallback
                arguments("data.a.0.b = 1", json("$.a[0].b") + " IS ?", List.of(1.0)),
                arguments("data.x:lower != ''", json("$.xlower") + " IS NOT ?", List.of("")),
                arguments("data = null", json("$") + " IS NULL", List.of()),
                arguments("data ~ 'x'", json("$") + " LIKE ? ESCAPE '\\'", List.of("%x%")),
                // functions
                arguments("strftime('%Y', created) = '2026'", "strftime(?," + C + ") = ?", List.of("%Y", "2026")),
                arguments("strftime('%Y', created) = ''",
                        "((strftime(?," + C + ") = '' OR strftime(?," + C + ") IS NULL))", List.of("%Y", "%Y")),
                arguments("strftime('%d', '2026-01-02', 'start of month', '+1 day') != num",
                        "COALESCE(strftime(?,?,?,?), '') IS NOT COALESCE(" + N + ", '')",
                        List.of("%d", "2026-01-02", "start of month", "+1 day")),
                arguments("strftime('%s') > 1", "strftime(?) > ?", List.of("%s", 1.0)),
                // joins and groups in source order
                arguments("title = 'a' && (num = 1 || num = 2)",
                        "(" + T + " = ? AND (" + N + " = ? OR " + N + " = ?))", List.of("a", 1.0, 2.0)),
                arguments("num = 1 || num = 2 && num = 3",
                        "(" + N + " = ? OR " + N + " = ? AND " + N + " = ?)", List.of(1.0, 2.0, 3.0)),
                arguments("((title = 'a'))", T + " = ?", List.of("a")),
                arguments("@request.auth.id = ''", "'' = ''", List.of()),
                arguments("author = @request.auth.id",
                        "((`posts`.`author` = '' OR `posts`.`author` IS NULL))", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compilesToTheExpectedSqlAndParams(String filter, String sql, List<Object> params) {
        SqlFragment compiled = Fixtures.compile(filter);
        assertThat(compiled.sql()).isEqualTo(sql);
        assertThat(compiled.params()).isEqualTo(params);
    }

    @Test
    void anyMatchEachNeedsOnlyTheJoinWhileAllMatchAddsTheNotExistsGuard() {
        CollectionFieldResolver resolver = Fixtures.resolver(false);
        SqlFragment all = SearchFilter.compile("tags:each = 'a'", resolver, Fixtures.DIALECT, Fixtures.CLOCK);
        String je = Fixtures.DIALECT.jsonEach("`__mm_posts`.`tags`");
        assertThat(all.sql()).isEqualTo("(((`__je_posts_tags`.`value` = ?) AND (NOT EXISTS (SELECT 1 FROM ("
                + "SELECT `__je___mm_posts_tags`.`value` AS multiMatchValue FROM `posts` `__mm_posts` LEFT JOIN "
                + je + " `__je___mm_posts_tags` WHERE `__mm_posts`.`id` = `posts`.`id`) __sm1 "
                + "WHERE NOT (__sm1.multiMatchValue = ?)))))");
        assertThat(all.params()).containsExactly("a", "a");
        assertThat(resolver.joins()).singleElement().satisfies(j -> {
            assertThat(j.alias()).isEqualTo("__je_posts_tags");
            assertThat(j.source().sql()).isEqualTo(Fixtures.DIALECT.jsonEach("`posts`.`tags`"));
        });
    }

    @Test
    void bothSidesMultiValuedCompareEveryPair() {
        SqlFragment f = Fixtures.compile("tags:each != tags:each");
        assertThat(f.sql()).contains("NOT EXISTS (SELECT 1 FROM (SELECT").contains(") __ml1 LEFT JOIN (SELECT")
                .contains("WHERE NOT (COALESCE(__ml1.multiMatchValue, '') IS NOT COALESCE(__mr1.multiMatchValue, ''))");
    }

    @Test
    void geoDistanceRepeatsItsBoundArgumentsInPlaceholderOrder() {
        SqlFragment f = Fixtures.compile("geoDistance(loc.lon, loc.lat, 1, 2) < 3");
        assertThat(f.sql()).startsWith("(6371 * acos(cos(radians(").doesNotContain("COALESCE")
                .endsWith(")) < ?");
        assertThat(f.params()).containsExactly(2.0, 1.0, 2.0, 3.0);
        assertThat(Fixtures.compile("geoDistance(1, 2, 3, 4) = null").sql()).endsWith(" IS NULL");
    }

    @Test
    void authEmailComparisonsAlsoRequireEmailVisibilityUnlessHiddenFieldsAreAllowed() {
        var client = CollectionFieldResolver.builder(Fixtures.USERS, Fixtures.DIALECT).build();
        assertThat(SearchFilter.compile("email = 'a@b.c'", client, Fixtures.DIALECT).sql())
                .isEqualTo("(((`users`.`email` = ?) AND (`users`.`emailVisibility` = TRUE)))");
        var superuser = CollectionFieldResolver.builder(Fixtures.USERS, Fixtures.DIALECT).allowHiddenFields(true)
                .tableAlias("u").build();
        assertThat(SearchFilter.compile("email = 'a@b.c'", superuser, Fixtures.DIALECT).sql())
                .isEqualTo("`u`.`email` = ?");
    }
}
