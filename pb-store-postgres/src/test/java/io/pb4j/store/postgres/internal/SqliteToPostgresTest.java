package io.pb4j.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The translator's rewrites, statement by statement. */
class SqliteToPostgresTest {
    @Test
    void quotesBackticksAndMixedCaseIdentifiers() {
        assertThat(SqliteToPostgres.translate("SELECT `a`.`id` FROM `posts` a WHERE collectionRef = ?"))
                .isEqualTo("SELECT \"a\".\"id\" FROM \"posts\" a WHERE \"collectionRef\" = ?");
    }

    @Test
    void nullSafeComparisonsAndLike() {
        assertThat(SqliteToPostgres.translate("SELECT 1 WHERE a IS NOT b AND c IS ? AND d IS NOT NULL AND e LIKE ? ESCAPE '\\'"))
                .isEqualTo("SELECT 1 WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM ? AND d IS NOT NULL AND e ILIKE ? ESCAPE '\\'");
    }

    @Test
    void createTableGetsDomainsStringDefaultsAndARowid() {
        assertThat(SqliteToPostgres.translate("CREATE TABLE `t` (`id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, "
                + "`ok` BOOLEAN DEFAULT FALSE NOT NULL, `type` TEXT DEFAULT \"base\" NOT NULL, `j` JSON DEFAULT \"[]\" NOT NULL)"))
                .isEqualTo("CREATE TABLE \"t\" (\"id\" TEXT COLLATE \"C\" PRIMARY KEY DEFAULT ('r'||lower(pb_hex(pb_randomblob(7)))) NOT NULL, "
                        + "\"ok\" pb_bool DEFAULT 0 NOT NULL, \"type\" TEXT COLLATE \"C\" DEFAULT 'base' NOT NULL, "
                        + "\"j\" pb_json DEFAULT '[]' NOT NULL, \"_rowid_\" BIGSERIAL)");
    }

    @Test
    void joinsWithoutOnGetOneAndCoalesceComparesText() {
        assertThat(SqliteToPostgres.translate("SELECT * FROM t LEFT JOIN pb_json_each(t.x) je WHERE COALESCE(t.n, '') = ''"))
                .isEqualTo("SELECT * FROM t LEFT JOIN pb_json_each(t.x) je ON TRUE WHERE COALESCE((t.n)::text, '') = ''");
        assertThat(SqliteToPostgres.translate("SELECT 1 FROM (SELECT 1) a LEFT JOIN (SELECT 2) b"))
                .isEqualTo("SELECT 1 FROM (SELECT 1) a LEFT JOIN (SELECT 2) b ON TRUE");
    }

    @Test
    void nocaseIndexesIndexLowerCase() {
        assertThat(SqliteToPostgres.translate("CREATE UNIQUE INDEX `idx` ON `users` (`email` COLLATE NOCASE) WHERE `email` != ''"))
                .isEqualTo("CREATE UNIQUE INDEX \"idx\" ON \"users\" (lower(\"email\")) WHERE \"email\" != ''");
    }
}
