package io.pb4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PocketBase's {@code tools/dbutils/index_test.go} (TestParseIndex, TestIndexBuild) on {@link IndexSql}. */
class IndexSqlTest {
    @Test
    void parsesLikePocketBase() {
        assertThat(IndexSql.parse("invalid").valid()).isFalse();
        assertThat(IndexSql.parse("create index indexname on tablename   (col1)"))
                .isEqualTo(new IndexSql(false, false, "", "indexname", "tablename", List.of(new IndexSql.Column("col1", "", "")), ""));
        assertThat(IndexSql.parse("create index indexname on tablename(col1)"))
                .isEqualTo(new IndexSql(false, false, "", "indexname", "tablename", List.of(new IndexSql.Column("col1", "", "")), ""));
        assertThat(IndexSql.parse("""
                CREATE UNIQUE INDEX IF NOT EXISTS "schemaname".[indexname] on 'tablename' (
                    col0,
                    `col1`,
                    json_extract("col2", "$.a") asc,
                    "col3" collate NOCASE,
                    "col4" collate RTRIM desc
                ) where test = 1""")).isEqualTo(new IndexSql(true, true, "schemaname", "indexname", "tablename", List.of(
                new IndexSql.Column("col0", "", ""), new IndexSql.Column("col1", "", ""),
                new IndexSql.Column("json_extract(\"col2\", \"$.a\")", "", "ASC"), new IndexSql.Column("col3", "NOCASE", ""),
                new IndexSql.Column("col4", "RTRIM", "DESC")), "test = 1"));
    }

    @Test
    void buildsLikePocketBase() {
        IndexSql.Column col = new IndexSql.Column("col", "", "");
        assertThat(new IndexSql(false, false, "", "", "table", List.of(col), "").build()).isEmpty();
        assertThat(new IndexSql(false, false, "", "index", "", List.of(col), "").build()).isEmpty();
        assertThat(new IndexSql(false, false, "", "index", "table", List.of(), "").build()).isEmpty();
        assertThat(new IndexSql(false, false, "", "index", "table", List.of(col), "").build())
                .isEqualTo("CREATE INDEX `index` ON `table` (`col`)");
        assertThat(new IndexSql(true, true, "schema", "index", "table", List.of(new IndexSql.Column("col1", "NOCASE", "asc"),
                new IndexSql.Column("col2", "", "desc"), new IndexSql.Column("json_extract(\"col3\", \"$.a\")", "NOCASE", "")),
                "test = 1 OR test = 2").build())
                .isEqualTo("CREATE UNIQUE INDEX IF NOT EXISTS `schema`.`index` ON `table` (\n  `col1` COLLATE NOCASE ASC,\n  `col2` DESC,\n  "
                        + "json_extract(\"col3\", \"$.a\") COLLATE NOCASE\n) WHERE test = 1 OR test = 2");
    }

    @Test
    void theSystemCollectionsIndexesBecomeWhatPocketBasesSqliteMasterHolds() {
        assertThat(IndexSql.parse("CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `mfas` (collectionRef,recordRef)")
                .onTable("_mfas").build())
                .isEqualTo("CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (\n  `collectionRef`,\n  `recordRef`\n)");
        assertThat(IndexSql.parse("CREATE UNIQUE INDEX `idx_email_x` ON `users` (`email`) WHERE `email` != ''").build())
                .isEqualTo("CREATE UNIQUE INDEX `idx_email_x` ON `users` (`email`) WHERE `email` != ''");
    }

    /** PocketBase's TestFindSingleColumnUniqueIndex, plus the COLLATE, sort order and case the old regexes disagreed on. */
    @Test
    void findsTheFirstSingleColumnUniqueIndexLikePocketBase() {
        assertThat(IndexSql.findSingleColumnUnique(List.of(), "test")).isEmpty();
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX `index1` ON `example` (`test`)"), "")).isEmpty();
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX `index1` ON `example` (`test2`)"), "test")).isEmpty();
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE INDEX `index1` ON `example` (`test`)"), "test")).isEmpty();
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX `index1` ON `example` (`test`)"), "test"))
                .hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("index1"));
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX `index1` ON `example` (`test`, `test2`)"), "test"))
                .isEmpty();
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX `index1` ON `example` (`test`, `test2`)",
                "CREATE UNIQUE INDEX `index2` ON `example` (`test`)"), "test")).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("index2"));
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX `index` ON `example` (`test`) where test != ''"), "test"))
                .isPresent();
        assertThat(IndexSql.findSingleColumnUnique(List.of("CREATE UNIQUE INDEX idx ON example (\"Email\" COLLATE NOCASE DESC)"), "email"))
                .hasValueSatisfying(i -> assertThat(i.columns().getFirst().collate()).isEqualTo("NOCASE"));
        assertThat(IndexSql.findSingleColumnUnique(List.of("create unique index idx on example ([test] asc)"), "TEST")).isPresent();
    }
}
