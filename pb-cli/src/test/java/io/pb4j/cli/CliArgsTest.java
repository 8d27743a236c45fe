package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.cli.Invocation.Superuser.Action;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgsTest {

    private static Invocation parse(String... args) {
        return CliArgs.parse(List.of(args));
    }

    @Test
    void serveDefaultsToLoopback8090AndPbDataInTheCurrentDirectory() {
        assertThat(parse("serve")).isEqualTo(new Invocation.Serve(Path.of("pb_data"), false, "127.0.0.1", 8090));
    }

    @Test
    void serveTakesHttpDirAndDevInEitherFlagForm() {
        assertThat(parse("serve", "--http=0.0.0.0:9000", "--dir", "/tmp/x", "--dev"))
                .isEqualTo(new Invocation.Serve(Path.of("/tmp/x"), true, "0.0.0.0", 9000));
        assertThat(parse("--dir=data", "serve", "--http", "localhost:0", "--dev=false"))
                .isEqualTo(new Invocation.Serve(Path.of("data"), false, "localhost", 0));
    }

    @Test
    void queryTimeoutIsAGlobalFlagInSecondsWithPocketBasesDefault() {
        assertThat(((Invocation.Serve) parse("serve")).queryTimeoutSeconds()).isEqualTo(30);
        assertThat(parse("serve", "--queryTimeout=5")).isEqualTo(new Invocation.Serve(Path.of("pb_data"), false, "127.0.0.1", 8090).withQueryTimeout(5));
        assertThat(((Invocation.Serve) parse("--queryTimeout", "7", "serve")).queryTimeoutSeconds()).isEqualTo(7);
        assertThat(((Invocation.Serve) parse("serve", "--queryTimeout=0")).queryTimeoutSeconds()).isEqualTo(30); // core/base.go: <= 0 is the default
        assertThatThrownBy(() -> parse("serve", "--queryTimeout=abc"))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid argument \"abc\" for \"--queryTimeout\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax");
        assertThat(Usage.of("serve")).contains("--queryTimeout int");
    }

    @Test
    void httpWithoutHostListensOnEveryInterfaceAndIpv6LiteralsLoseTheirBrackets() {
        assertThat(parse("serve", "--http=:8091")).isEqualTo(new Invocation.Serve(Path.of("pb_data"), false, "0.0.0.0", 8091));
        assertThat(parse("serve", "--http=[::1]:8092")).isEqualTo(new Invocation.Serve(Path.of("pb_data"), false, "::1", 8092));
    }

    @Test
    void badHttpAddressesAreRefusedWithTheServeUsage() {
        for (String bad : List.of("8090", "localhost:x", "localhost:70000", "localhost:")) {
            assertThatThrownBy(() -> parse("serve", "--http=" + bad))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("invalid --http address")
                    .satisfies(e -> assertThat(((UsageException) e).topic()).isEqualTo("serve"));
        }
    }

    @Test
    void serveRefusesDomainArgumentsItCannotHonour() {
        assertThatThrownBy(() -> parse("serve", "example.com")).hasMessageContaining("not supported");
    }

    @Test
    void superuserCommandsTakeEmailAndPasswordWithFlagsAnywhere() {
        assertThat(parse("superuser", "upsert", "a@b.co", "1234567890", "--dir=d"))
                .isEqualTo(new Invocation.Superuser(Path.of("d"), false, Action.UPSERT, "a@b.co", "1234567890"));
        assertThat(parse("--dir", "d", "superuser", "create", "a@b.co", "pw"))
                .isEqualTo(new Invocation.Superuser(Path.of("d"), false, Action.CREATE, "a@b.co", "pw"));
        assertThat(parse("superuser", "update", "a@b.co", "pw"))
                .isEqualTo(new Invocation.Superuser(Path.of("pb_data"), false, Action.UPDATE, "a@b.co", "pw"));
        assertThat(parse("superuser", "delete", "a@b.co"))
                .isEqualTo(new Invocation.Superuser(Path.of("pb_data"), false, Action.DELETE, "a@b.co", ""));
    }

    @Test
    void superuserArgumentErrorsUsePocketBasesWording() {
        assertThatThrownBy(() -> parse("superuser", "upsert", "a@b.co"))
                .hasMessage("missing email and password arguments");
        assertThatThrownBy(() -> parse("superuser", "create", "a@b.co", "pw", "extra"))
                .hasMessage("missing email and password arguments");
        assertThatThrownBy(() -> parse("superuser", "delete")).hasMessage("invalid or missing email address");
        assertThatThrownBy(() -> parse("superuser", "upsert", "", "pw")).hasMessage("missing or invalid email address");
        assertThatThrownBy(() -> parse("superuser", "rename", "a@b.co"))
                .hasMessage("unknown command \"rename\" for \"pb4j superuser\"");
    }

    @Test
    void unknownCommandsAndFlagsAreUsageErrors() {
        assertThatThrownBy(() -> parse("update")).isInstanceOf(UsageException.class)
                .hasMessage("unknown command \"update\" for \"pb4j\"");
        assertThatThrownBy(() -> parse("serve", "--https=:443")).hasMessage("unknown flag: --https");
        assertThatThrownBy(() -> parse("serve", "-x")).hasMessage("unknown shorthand flag: 'x' in -x");
        assertThatThrownBy(() -> parse("superuser", "upsert", "a@b.co", "pw", "--http=:1"))
                .hasMessage("unknown flag: --http");
        assertThatThrownBy(() -> parse("serve", "--dir")).hasMessage("flag needs an argument: --dir");
        assertThatThrownBy(() -> parse("serve", "--dev=maybe")).isInstanceOf(UsageException.class);
    }

    @Test
    void helpIsWhatNoCommandOrAHelpFlagAsksFor() {
        assertThat(parse()).isEqualTo(new Invocation.Help(""));
        assertThat(parse("--help")).isEqualTo(new Invocation.Help(""));
        assertThat(parse("serve", "-h")).isEqualTo(new Invocation.Help("serve"));
        assertThat(parse("superuser")).isEqualTo(new Invocation.Help("superuser"));
        assertThat(parse("superuser", "upsert", "--help")).isEqualTo(new Invocation.Help("superuser upsert"));
        assertThat(parse("help", "serve")).isEqualTo(new Invocation.Help("serve"));
        assertThat(parse("--version")).isEqualTo(new Invocation.Version());
    }

    @Test
    void everyHelpTopicNamesItsCommandAndTheGlobalFlags() {
        assertThat(Usage.of("")).contains("pb4j [command]", "serve", "superuser", "--dir string", "--dev");
        assertThat(Usage.of("serve")).contains("pb4j serve [flags]", "--http string", "--dir string");
        for (String sub : List.of("upsert", "create", "update", "delete")) {
            assertThat(Usage.of("superuser")).contains(sub);
            assertThat(Usage.of("superuser " + sub)).contains("pb4j superuser " + sub, "--dir string");
        }
    }

    @Test
    void encryptionEnvIsAGlobalFlagOfTheCommandsThatOpenTheDataDir() {
        assertThat(parse("serve", "--encryptionEnv=PB_KEY"))
                .isEqualTo(new Invocation.Serve(Path.of("pb_data"), false, "127.0.0.1", 8090).withEncryptionEnv("PB_KEY"));
        assertThat(parse("--encryptionEnv", "PB_KEY", "superuser", "upsert", "a@b.co", "pw"))
                .isEqualTo(new Invocation.Superuser(Path.of("pb_data"), false, Action.UPSERT, "a@b.co", "pw", "PB_KEY"));
        assertThatThrownBy(() -> parse("serve", "--encryptionEnv")).isInstanceOf(UsageException.class)
                .hasMessage("flag needs an argument: --encryptionEnv");
        assertThat(Usage.of("serve")).contains("--encryptionEnv string   the env variable whose value of 32 characters");
    }

    @Test
    void serveTakesOriginsAutomigrateAndMigrationsDirWithPocketBasesDefaults() {
        var plain = (Invocation.Serve) parse("serve", "--dir=/srv/app/pb_data");
        assertThat(plain.origins()).containsExactly("*");
        assertThat(plain.automigrate()).isFalse();
        assertThat(plain.migrationsDir()).isEqualTo(Path.of("/srv/app/migrations"));
        assertThat(((Invocation.Serve) parse("serve", "--dev")).automigrate()).isTrue();
        assertThat(((Invocation.Serve) parse("serve", "--dev", "--automigrate=false")).automigrate()).isFalse();

        var custom = (Invocation.Serve) parse("serve", "--origins=https://a.com, https://b.com", "--origins", "https://*.c.com",
                "--automigrate", "--migrationsDir", "db/migrations");
        assertThat(custom.origins()).containsExactly("https://a.com", "https://b.com", "https://*.c.com");
        assertThat(custom.automigrate()).isTrue();
        assertThat(custom.migrationsDir()).isEqualTo(Path.of("db/migrations"));
        assertThatThrownBy(() -> parse("superuser", "delete", "a@b.co", "--origins=x")).hasMessage("unknown flag: --origins");
    }

    @Test
    void migrateKeepsItsArgumentsForTheCommandAndDefaultsItsDirBesideTheDataDir() {
        assertThat(parse("migrate")).isEqualTo(new Invocation.Migrate(Path.of("pb_data"), false, Path.of("migrations"), List.of()));
        assertThat(parse("migrate", "down", "2", "--dir=x/pb_data"))
                .isEqualTo(new Invocation.Migrate(Path.of("x/pb_data"), false, Path.of("x/migrations"), List.of("down", "2")));
        assertThat(parse("migrate", "create", "add posts", "--migrationsDir=m"))
                .isEqualTo(new Invocation.Migrate(Path.of("pb_data"), false, Path.of("m"), List.of("create", "add posts")));
        assertThat(parse("migrate", "--help")).isEqualTo(new Invocation.Help("migrate"));
        assertThat(Usage.of("migrate")).contains("pb4j migrate [flags]", "history-sync", "--migrationsDir string");
        assertThat(Usage.of("")).contains("migrate");
    }

    @Test
    void migrationTemplatesNameFilesAsPocketBaseAndClassesAsJavaAllows() {
        assertThat(io.pb4j.core.Inflector.snakecase("AddPosts")).isEqualTo("add_posts");
        assertThat(io.pb4j.core.Inflector.snakecase("add posts-and  Tags!")).isEqualTo("add_posts_and_tags");
        assertThat(io.pb4j.core.Inflector.snakecase("HTTPServer")).isEqualTo("httpserver");
        var source = MigrationTemplates.named(1712345678, "add_posts", Path.of("pb_data/../migrations"), MigrationTemplates.blank());
        assertThat(source.file()).isEqualTo("1712345678_add_posts.java");
        assertThat(source.fileName()).isEqualTo("M1712345678_add_posts.java");
        assertThat(source.text()).startsWith("package migrations;\n").contains("public final class M1712345678_add_posts implements Migration");
        assertThat(MigrationTemplates.named(1, "x", Path.of("my-migrations"), MigrationTemplates.blank()).text())
                .startsWith("import io.pb4j.core.PocketBase;");
    }
}
