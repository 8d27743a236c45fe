package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionFieldResolverTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            nope = 1                             => unknown field "nope"
            secret = 1                           => non-filterable field "secret"
            title:upper = 1                      => unknown modifier in "title:upper"
            title:lower:each = 1                 => unknown field "title:lower:each"
            num.x = 1                            => field "num" is not a valid relation
            title.x = 1                          => field "title" is not a valid relation
            nope.x = 1                           => failed to resolve field "nope"
            a.b.c.d.e.f.g.h = 1                  => failed to resolve field "a"
            users_via_nope.x = 1                 => missing back relation field "nope"
            data..x = 1                          => invalid JSON path segment
            @collection.users.id = 1             => "users" fields can be accessed only
            @request.nope = 1                    => failed to resolve field "@request.nope"
            #x = 1                               => failed to resolve field "#x"
            nope(1) = 1                          => unknown function "nope"
            geoDistance(1, 2, 3) = 1             => [geoDistance] expected 4 arguments, got 3
            geoDistance(1, 2, 3, 'x') = 1        => [geoDistance] argument 3 must be an identifier or number
            geoDistance(1, 2, 3, nope) = 1       => [geoDistance] failed to resolve argument 3: unknown field
            strftime() = 1                       => [strftime] expected at least 1 arguments
            strftime(created) = 1                => [strftime] expects the first argument to be a format string
            strftime('%Y', strftime('%Y')) = 1   => [strftime] expects the second argument
            strftime('%Y', created, 1) = 1       => [strftime] invalid modifier argument 0
            strftime('a','b','c','d','e','f','g','h','i','j','k') = 1 => [strftime] too many arguments
            """)
    void rejectsWhatPocketBaseRejects(String filter, String message) {
        assertThatThrownBy(() -> Fixtures.compile(filter)).isInstanceOf(FilterException.class)
                .hasMessageContaining("invalid left operand").hasMessageContaining(message);
    }

    @Test
    void relationPathsJoinTheRelatedCollection() {
        SqlFragment single = SearchFilter.compile("author.email = 'a'", Fixtures.resolver(true), Fixtures.DIALECT);
        assertThat(single.sql()).isEqualTo("`posts_author`.`email` = ?");
        SqlFragment local = SearchFilter.compile("author.id = 'a'", Fixtures.resolver(true), Fixtures.DIALECT);
        assertThat(local.sql()).isEqualTo("`posts`.`author` = ?");
    }

    @Test
    void multipleRelationsCompareEveryItemUnlessAnyOf() {
        var resolver = Fixtures.resolver(true);
        SqlFragment all = SearchFilter.compile("editors.email = 'a'", resolver, Fixtures.DIALECT);
        assertThat(all.sql()).contains("`posts_editors`.`email` = ?").contains("NOT EXISTS").contains("`__mm_posts_editors`.`email`");
        assertThat(resolver.joins()).extracting(SqlJoin::alias).containsExactly("__je_posts_editors", "posts_editors");
        SqlFragment any = SearchFilter.compile("editors.email ?= 'a'", Fixtures.resolver(true), Fixtures.DIALECT);
        assertThat(any.sql()).doesNotContain("NOT EXISTS");
    }

    @Test
    void clientFiltersNeedListAccessToJoinedCollections() {
        assertThatThrownBy(() -> Fixtures.compile("author.email = 'a'")).isInstanceOf(FilterException.class)
                .hasMessageContaining("\"users\" fields can be accessed only");
    }

    @Test
    void hiddenFieldsResolveWhenAllowed() {
        SqlFragment f = SearchFilter.compile("secret = 'x'", Fixtures.resolver(true), Fixtures.DIALECT);
        assertThat(f.sql()).isEqualTo("`posts`.`secret` = ?");
    }

    @Test
    void keywordsAreCaseInsensitiveAndOnlyUsedWhenNoFieldHasThatName() {
        assertThat(Fixtures.compile("num = True").sql()).isEqualTo("`posts`.`num` = 1");
        var withNullField = io.pb4j.core.Collection.builder().name("t")
                .fields(java.util.List.of(TestField.of("null", "text"))).build();
        var resolver = CollectionFieldResolver.builder(withNullField, Fixtures.DIALECT).build();
        assertThat(SearchFilter.compile("null = 'a'", resolver, Fixtures.DIALECT).sql()).isEqualTo("`t`.`null` = ?");
    }

    @Test
    void clientFiltersAreLimitedTo3500Utf8Bytes() {
        String twoByteChars = "title = '" + "é".repeat(1746) + "'"; // 3502 bytes, 1756 chars
        assertThatThrownBy(() -> Fixtures.compile(twoByteChars)).hasMessageContaining("max filter length");
        SqlFragment rule = SearchFilter.compileRule(twoByteChars, Fixtures.resolver(false), Fixtures.DIALECT,
                Fixtures.CLOCK);
        assertThat(rule.params()).hasSize(1);
        assertThat(Fixtures.compile("title = '" + "e".repeat(3490) + "'").params()).hasSize(1);
    }
}
