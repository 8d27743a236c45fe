package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated filters (fixed seed): parsing and compiling only ever fail with {@link FilterException},
 * and every compiled filter prepares and runs in SQLite.
 */
class FilterFuzzTest {
    private static final long SEED = 0x5eed_f11e7L;
    private static final int CASES = 20_000;
    private static final List<String> IDENTIFIERS = List.of("id", "title", "num", "created", "tags", "status",
            "data", "loc", "secret", "author", "nope", "title:lower", "tags:each", "tags:length", "status:each",
            "status:length", "num:length", "title:isset", "data.a", "data.a.0.b", "data.0", "loc.lat", "loc.lon",
            "data.a:lower", "null", "TRUE", "false", "@now", "@todayStart", "@monthEnd", "@weekday", "@year",
            "@request.auth.id", "@request.body.title:lower", "@collection.users.id", "author.name", "_x", "#y");
    private static final List<String> OPERATORS = List.of("=", "!=", "~", "!~", "<", "<=", ">", ">=", "?=", "?!=",
            "?~", "?!~", "?<", "?<=", "?>", "?>=");
    private static final String ALPHABET = "ab_.:@#0-9 '\"\\()=!?~<>&|,/%\n\r\té\u0000";

    private final Random random = new Random(SEED);

    @Test
    void onlyFilterExceptionsAndOnlyValidSql() throws Exception {
        int compiled = 0;
        try (SqliteDb db = new SqliteDb()) {
            for (int i = 0; i < CASES; i++) {
                String filter = switch (i % 4) {
                    case 0, 1 -> expression(0);
                    case 2 -> mutate(expression(0));
                    default -> randomText(1 + random.nextInt(30));
                };
                compiled += check(db, filter) ? 1 : 0;
            }
        }
        // the generator must produce mostly valid filters, or the SQL half of the test proves nothing
        assertThat(compiled).isGreaterThan(CASES / 4);
    }

    private boolean check(SqliteDb db, String filter) {
        CollectionFieldResolver resolver = Fixtures.resolver(random.nextBoolean());
        SqlFragment where;
        try {
            where = SearchFilter.compileRule(filter, resolver, Fixtures.DIALECT, Fixtures.CLOCK);
        } catch (FilterException expected) {
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("unexpected " + e + " for filter: " + filter, e);
        }
        try {
            db.ids(where, resolver);
        } catch (Exception e) {
            fail("SQL error " + e.getMessage() + "\nfilter: " + filter + "\nsql: " + where);
        }
        return true;
    }

    private String expression(int depth) {
        StringBuilder sb = new StringBuilder();
        int terms = 1 + random.nextInt(3);
        for (int t = 0; t < terms; t++) {
            if (t > 0) {
                sb.append(random.nextBoolean() ? " && " : " || ");
            }
            if (depth < 4 && random.nextInt(5) == 0) {
                sb.append('(').append(expression(depth + 1)).append(')');
            } else {
                sb.append(operand(0)).append(' ').append(pick(OPERATORS)).append(' ').append(operand(0));
            }
            if (random.nextInt(15) == 0) {
                sb.append(" // note ) '\n");
            }
        }
        return sb.toString();
    }

    private String operand(int depth) {
        return switch (random.nextInt(depth < 2 ? 6 : 5)) {
            case 0, 1 -> pick(IDENTIFIERS);
            case 2 -> text();
            case 3 -> number();
            case 4 -> random.nextBoolean() ? "''" : "null";
            default -> function(depth);
        };
    }

    private String function(int depth) {
        if (random.nextBoolean()) {
            return "geoDistance(" + operand(depth + 1) + ", " + operand(depth + 1) + ", " + number() + ", "
                    + operand(depth + 1) + ")";
        }
        StringBuilder sb = new StringBuilder("strftime(").append(random.nextInt(6) == 0 ? "title" : "'%Y-%m'");
        int args = random.nextInt(4);
        for (int i = 0; i < args; i++) {
            sb.append(", ").append(i == 0 ? operand(depth + 1) : "'+1 day'");
        }
        return sb.append(')').toString();
    }

    private String text() {
        String body = randomText(random.nextInt(8)).replace("'", "\\'");
        return "'" + (body.endsWith("\\") ? body + "x" : body) + "'";
    }

    private String number() {
        String n = (random.nextBoolean() ? "-" : "") + random.nextInt(1000);
        return random.nextBoolean() ? n : n + "." + random.nextInt(100);
    }

    private String mutate(String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !sb.isEmpty(); e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                default -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }

    private String randomText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
