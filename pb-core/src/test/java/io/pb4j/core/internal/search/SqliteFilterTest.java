package io.pb4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliteFilterTest {
    private static SqliteDb db;

    @BeforeAll
    static void open() throws Exception {
        db = new SqliteDb();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            title = ''                                     => p2 p3
            title = null                                   => p2 p3
            title != ''                                    => p1 p4 p5 p6
            title != null                                  => p1 p4 p5 p6
            '' = title                                     => p2 p3
            title = 'Hello'                                => p1
            title != 'Hello'                               => p2 p3 p4 p5 p6
            title = status                                 => p2 p3
            title != status                                => p1 p4 p5 p6
            title ~ 'ell'                                  => p1
            title ~ 'ELL'                                  => p1
            title !~ 'ell'                                 => p2 p4 p5 p6
            title ~ '100%'                                 => p4 p5
            title ~ '0\\%'                                 => p4
            title ~ '%off'                                 => p4 p5
            title ~ '%\\_%'                                => p4
            title ~ '_'                                    => p4
            title ~ 'a\\b'                                 => p6
            'Hello world' ~ title                          => p1 p2
            num > 0                                        => p1 p5 p6
            num >= 10.5                                    => p5
            num < -1                                       => p4
            num = 0                                        => p2
            num = -14                                      => p4
            title:lower = 'hello'                          => p1
            created >= @todayStart                         => p1 p4
            created > @now                                 => p4
            created < @yearStart                           => p3 p6
            created >= @monthStart && created <= @monthEnd => p1 p2 p4
            @weekday = 6 && @year = 2026                   => p1 p2 p3 p4 p5 p6
            tags:length = 2                                => p1
            tags:length = 0                                => p3 p5
            tags:each ?= 'news'                            => p1 p2
            tags:each = 'news'                             => p2
            tags:each = 'tech'                             => p4 p6
            tags:each ?!= 'news'                           => p1 p3 p4 p5 p6
            tags:each != 'news'                            => p3 p4 p5 p6
            tags ~ 'news'                                  => p1 p2
            data.a.0.b = 1                                 => p1
            data.a.0.b > 0                                 => p1 p6
            data.s = 'x'                                   => p1
            data.s != 'x'                                  => p2 p3 p4 p5 p6
            data = null                                    => p2
            data.0 = 1                                     => p5
            loc.lat > 42.695                               => p4
            geoDistance(loc.lon, loc.lat, 23.32, 42.69) < 2 => p1 p4
            geoDistance(loc.lon, loc.lat, 23.32, 42.69) = null => p3 p5 p6
            strftime('%Y', created) = '2026'               => p1 p2 p4 p5
            strftime('%Y', created) = ''                   => p6
            strftime('%Y-%m', created, '+1 month') = '2026-03' => p1 p2 p4
            title = 'Hello' || num = 0 && title = 'x'      => p1
            (title = 'Hello' || num = 0) && num >= 0       => p1 p2
            title = 'x' && num = 0 || num = 5              => p1
            true = true                                    => p1 p2 p3 p4 p5 p6
            1 = 2                                          => -
            null = ''                                      => p1 p2 p3 p4 p5 p6
            @request.auth.id = ''                          => p1 p2 p3 p4 p5 p6
            author = @request.auth.id                      => p2 p3 p6
            """)
    void compiledFiltersSelectTheExpectedRows(String filter, String expected) throws Exception {
        CollectionFieldResolver resolver = Fixtures.resolver(false);
        SqlFragment where = SearchFilter.compile(filter, resolver, Fixtures.DIALECT, Fixtures.CLOCK);
        List<String> want = expected.equals("-") ? List.of() : Arrays.asList(expected.trim().split(" "));
        assertThat(db.ids(where, resolver)).as(where.toString()).isEqualTo(want);
    }
}
