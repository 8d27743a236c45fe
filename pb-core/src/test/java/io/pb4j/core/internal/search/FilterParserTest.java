package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.internal.search.Expr.Comparison;
import io.pb4j.core.internal.search.Expr.Group;
import io.pb4j.core.internal.search.Expr.Join;
import io.pb4j.core.internal.search.Expr.Term;
import io.pb4j.core.internal.search.Operand.FunctionCall;
import io.pb4j.core.internal.search.Operand.Identifier;
import io.pb4j.core.internal.search.Operand.NumberLiteral;
import io.pb4j.core.internal.search.Operand.TextLiteral;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {
    private static Identifier id(String name) {
        return new Identifier(name);
    }

    private static TextLiteral text(String value) {
        return new TextLiteral(value);
    }

    private static NumberLiteral num(String literal) {
        return new NumberLiteral(literal);
    }

    private static Comparison cmp(Operand left, String op, Operand right) {
        return new Comparison(left, SignOperator.fromSymbol(op).orElseThrow(), right);
    }

    private static Group group(Object... joinsAndExprs) {
        List<Term> terms = new java.util.ArrayList<>();
        Join join = Join.AND;
        for (Object o : joinsAndExprs) {
            if (o instanceof Join j) {
                join = j;
            } else {
                terms.add(new Term(join, (Expr) o));
            }
        }
        return new Group(terms);
    }

    static Stream<Arguments> validInputs() {
        return Stream.of(
                Arguments.of("a = 1", group(cmp(id("a"), "=", num("1")))),
                Arguments.of("a=1", group(cmp(id("a"), "=", num("1")))),
                Arguments.of("@request.auth.id != ''", group(cmp(id("@request.auth.id"), "!=", text("")))),
                Arguments.of("#x ~ _y", group(cmp(id("#x"), "~", id("_y")))),
                Arguments.of("tags:each ?= \"a\"", group(cmp(id("tags:each"), "?=", text("a")))),
                Arguments.of("a.b_c.0 >= -14", group(cmp(id("a.b_c.0"), ">=", num("-14")))),
                Arguments.of("a < 10.50", group(cmp(id("a"), "<", num("10.50")))),
                Arguments.of("a > -.5", group(cmp(id("a"), ">", num("-.5")))),
                Arguments.of("'it\\'s' = \"a \\\"b\\\"\"", group(cmp(text("it's"), "=", text("a \"b\"")))),
                Arguments.of("'a\\\\b\\\"' = \"it's\"", group(cmp(text("a\\\\b\\\""), "=", text("it's")))),
                Arguments.of("a = 1 && b = 2 || c = 3", group(cmp(id("a"), "=", num("1")),
                        Join.AND, cmp(id("b"), "=", num("2")), Join.OR, cmp(id("c"), "=", num("3")))),
                Arguments.of("(a = 1 || b = 2) && c = 3", group(group(cmp(id("a"), "=", num("1")), Join.OR,
                        cmp(id("b"), "=", num("2"))), Join.AND, cmp(id("c"), "=", num("3")))),
                Arguments.of("((a = ')'))", group(group(group(cmp(id("a"), "=", text(")")))))),
                Arguments.of("// lead\na = 1 // trail\n// end", group(cmp(id("a"), "=", num("1")))),
                Arguments.of("a\r\n=\t1", group(cmp(id("a"), "=", num("1")))),
                Arguments.of("f() = g(a, 1, 'x',)", group(cmp(new FunctionCall("f", List.of()), "=",
                        new FunctionCall("g", List.of(id("a"), num("1"), text("x")))))),
                Arguments.of("f( a // c\n , g(h(1)) ) = 1", group(cmp(new FunctionCall("f", List.of(id("a"),
                        new FunctionCall("g", List.of(new FunctionCall("h", List.of(num("1"))))))), "=", num("1")))),
                // fexpr quirks kept on purpose: a group completes a term wherever it appears
                Arguments.of("a = 1 (b = 2)", group(cmp(id("a"), "=", num("1")), group(cmp(id("b"), "=", num("2"))))),
                Arguments.of("a = 1 || b = 2 (c = 3)", group(cmp(id("a"), "=", num("1")), Join.OR,
                        cmp(id("b"), "=", num("2")), Join.OR, group(cmp(id("c"), "=", num("3"))))),
                Arguments.of("a = (b = 2)", group(group(cmp(id("b"), "=", num("2"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validInputs")
    void parsesValidInputsToTheExpectedTree(String input, Group expected) {
        assertThat(FilterParser.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(SignOperator.class)
    void parsesEverySignOperator(SignOperator op) {
        assertThat(FilterParser.parse("a" + op.symbol() + "b")).isEqualTo(group(new Comparison(id("a"), op, id("b"))));
        assertThat(op.base().anyMatch()).isFalse();
        assertThat(op.anyMatch()).isEqualTo(op.symbol().startsWith("?"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            ``                  => empty filter expression
            `  // only a comment` => empty filter expression
            a = 1 && ()         => empty filter expression
            a                   => invalid or incomplete filter expression
            a =                 => invalid or incomplete filter expression
            a = 1 &&            => invalid or incomplete filter expression
            a = 1 b = 2         => expected && or ||
            a b                 => expected a sign operator
            && a = 1            => expected left operand
            a = &&              => expected right operand
            a == 1              => invalid sign operator "=="
            a =! 1              => invalid sign operator "=!"
            a ?? 1              => invalid sign operator "??"
            a = 1 & b = 2       => invalid join operator "&"
            a = 1 ||| b = 2     => invalid join operator "|||"
            a = 'x              => invalid quoted text 'x
            a = 'x\\'           => invalid quoted text
            a = -               => invalid number "-"
            a = 1.              => invalid number "1."
            a = 1.2.3           => unexpected character '.'
            a. = 1              => invalid identifier "a."
            a: = 1              => invalid identifier "a:"
            @ = 1               => invalid identifier "@"
            _ = 1               => invalid identifier "_"
            a = é               => unexpected character 'é'
            a = 1 / 2           => invalid comment
            (a = 1              => missing 1 closing bracket(s)
            a = 1)              => unexpected character ')'
            f(=1) = 1           => unsupported argument character '='
            f(a                 => invalid or incomplete function "f"
            f(a b) = 1          => expected comma after the last argument in function "f"
            f(,a) = 1           => unexpected comma in function "f"
            f(a,,) = 1          => unexpected comma in function "f"
            f((1)) = 1          => unsupported argument character '('
            a.(1) = 1           => invalid function name "a."
            f(g(h(i(1)))) = 1   => max nested function arguments reached (max: 3)
            """)
    void rejectsInvalidInputsWithAClearMessage(String input, String message) {
        assertThatThrownBy(() -> FilterParser.parse(input == null ? "" : input))
                .isInstanceOf(FilterException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsControlCharactersOutsideText() {
        assertThatThrownBy(() -> FilterParser.parse("a = 1\u000b")).hasMessageContaining("U+000B");
        assertThat(FilterParser.parse("a = '\u0001'")).isEqualTo(group(cmp(id("a"), "=", text("\u0001"))));
    }

    @Test
    void allowsAtMostTwoHundredComparisonsAcrossGroups() {
        String ok = "a = 1" + " && (a = 1)".repeat(FilterParser.MAX_COMPARISONS - 1);
        assertThat(FilterParser.parse(ok).terms()).hasSize(FilterParser.MAX_COMPARISONS);
        assertThatThrownBy(() -> FilterParser.parse(ok + " && a = 1"))
                .isInstanceOf(FilterException.class).hasMessageContaining("max filter expressions limit");
    }

    @Test
    void limitsGroupNestingInsteadOfOverflowingTheStack() {
        int depth = FilterParser.MAX_GROUP_DEPTH;
        assertThat(FilterParser.parse("(".repeat(depth) + "a=1" + ")".repeat(depth))).isNotNull();
        assertThatThrownBy(() -> FilterParser.parse("(".repeat(depth + 1) + "a=1" + ")".repeat(depth + 1)))
                .isInstanceOf(FilterException.class).hasMessageContaining("max nested groups");
    }

    @Test
    void aClosingParenthesisInACommentInsideAGroupEndsTheGroupAsInFexpr() {
        assertThatThrownBy(() -> FilterParser.parse("(a = 1 // )\n)")).isInstanceOf(FilterException.class);
    }
}
