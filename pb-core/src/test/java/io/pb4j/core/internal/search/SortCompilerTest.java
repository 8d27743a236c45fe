package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SortCompilerTest {
    private static List<String> sort(String sort) {
        return SortCompiler.compile(sort, Fixtures.resolver(false), Fixtures.DIALECT).stream()
                .map(SqlFragment::sql).toList();
    }

    @Test
    void compilesDirectionsSpecialKeysAndJsonPaths() {
        assertThat(sort("-title, +num ,created,  -@rowid,@random, data.a.0"))
                .containsExactly("`posts`.`title` DESC", "`posts`.`num` ASC", "`posts`.`created` ASC",
                        "`posts`._rowid_ DESC", "RANDOM()", Fixtures.DIALECT.jsonExtract("`posts`.`data`", "$.a[0]") + " ASC");
        assertThat(sort(" num")).containsExactly("`posts`.`num` ASC"); // an unencoded '+' arrives as a space
        assertThat(sort("")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ` `                     => invalid sort field ""
            title,,num              => invalid sort field ""
            --title                 => invalid sort field "-title"
            nope                    => invalid sort field "nope"
            secret                  => non-filterable field
            null                    => invalid sort field "null"
            @request.auth.id        => invalid sort field "@request.auth.id"
            a,b,c,d,e,f,g,h,i       => max sort expressions limit reached
            """)
    void rejectsInvalidSorts(String sort, String message) {
        assertThatThrownBy(() -> sort(sort)).isInstanceOf(FilterException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsEntriesOver255Bytes() {
        assertThatThrownBy(() -> sort("-" + "a".repeat(256))).hasMessageContaining("max sort field length");
        assertThatThrownBy(() -> sort("a".repeat(255))).hasMessageContaining("unknown field");
    }

    @Test
    void rejectsEntriesThatResolveToABoundValue() {
        var resolver = CollectionFieldResolver.builder(Fixtures.POSTS, Fixtures.DIALECT)
                .requestInfo(RequestFieldsTest.request(java.util.Map.of("title", "x"))).build();
        assertThatThrownBy(() -> SortCompiler.compile("@request.body.title", resolver, Fixtures.DIALECT))
                .hasMessageContaining("invalid sort field");
        assertThatThrownBy(() -> SortCompiler.compile("@request.auth.id", resolver, Fixtures.DIALECT))
                .hasMessageContaining("invalid sort field");
    }

    @Test
    void ordersRowsInSqlite() throws Exception {
        try (SqliteDb db = new SqliteDb()) {
            var resolver = Fixtures.resolver(false);
            SqlFragment where = Fixtures.compile("id != ''");
            assertThat(db.query(where, resolver, SortCompiler.compile("-num,id", resolver, Fixtures.DIALECT)))
                    .containsExactly("p5", "p6", "p1", "p2", "p4", "p3");
            assertThat(db.query(where, resolver, SortCompiler.compile("-@rowid", resolver, Fixtures.DIALECT)))
                    .containsExactly("p6", "p5", "p4", "p3", "p2", "p1");
            assertThat(db.query(where, resolver, SortCompiler.compile("@random", resolver, Fixtures.DIALECT)))
                    .hasSize(6);
        }
    }
}
