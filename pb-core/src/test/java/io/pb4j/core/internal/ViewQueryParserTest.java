package io.pb4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.internal.ViewQueryParser.Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewQueryParserTest {
    @Test
    void columnsAndTablesWithTheirAliases() {
        ViewQueryParser.Parsed p = ViewQueryParser.parse("""
                SELECT DISTINCT p.id, p.title AS headline, count(c.id) total, `u`.[email], 'x' as 'quoted'
                FROM posts p
                LEFT JOIN comments c ON c.post = p.id
                INNER JOIN users AS u ON u.id = p.author
                WHERE p.published = true GROUP BY p.id ORDER BY p.created;""");
        assertThat(p.columns()).containsExactly(new Identifier("p.id", "id"), new Identifier("p.title", "headline"),
                new Identifier("count(c.id)", "total"), new Identifier("u.email", "email"), new Identifier("'x'", "quoted"));
        assertThat(p.tables()).containsExactly(new Identifier("posts", "p"), new Identifier("comments", "c"),
                new Identifier("users", "u"));
    }

    @Test
    void commentsAreIgnoredAndParenthesesKeptWhole() {
        ViewQueryParser.Parsed p = ViewQueryParser.parse("select /* a, b */ (ROW_NUMBER() OVER()) as id, -- note\n"
                + "cast(n as real) as r from (select 1 as n) sub");
        assertThat(p.columns()).containsExactly(new Identifier("(ROW_NUMBER() OVER())", "id"), new Identifier("cast(n as real)", "r"));
        assertThat(p.tables()).containsExactly(new Identifier("(select 1 as n)", "sub"));
    }

    @Test
    void expressionsWithoutParenthesesAreRejectedLikePocketBase() {
        assertThatThrownBy(() -> ViewQueryParser.parse("select a + 1 as b from t"))
                .hasMessage("invalid identifier parts [a + 1 as b]");
        assertThatThrownBy(() -> ViewQueryParser.parse("select a is b from t"))
                .hasMessage("invalid identifier part - expected \"as\", got is");
    }

    @Test
    void tokenizerRespectsQuotesAndParentheses() {
        assertThat(SqlTokenizer.scanAll("a, 'b, c', (d, e) ,, f", ",")).isEqualTo(List.of("a", "'b, c'", "(d, e)", "f"));
        assertThatThrownBy(() -> SqlTokenizer.scanAll("(a, b", ",")).hasMessageContaining("unbalanced parenthesis");
        assertThat(SqlTokenizer.scanAll("select 1; select ';'", ";")).hasSize(2);
    }
}
