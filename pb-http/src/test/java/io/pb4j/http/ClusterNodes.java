package io.pb4j.http;

import io.pb4j.core.Config;
import io.pb4j.core.PocketBase;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * With {@code -Dpb4j.test.nodes=2} (which implies {@code -Dpb4j.test.db=postgres}), the servers of PocketBase's scenario
 * tables ({@link TestServer#onFixtureCounted()}) are two pb4j nodes on one PostgreSQL database, behind the test kit's
 * round-robin proxy ({@link io.pb4j.test.TestApp#ofNodes}): the kit's requests alternate between the nodes, the
 * scenario's own request reaching the node that did not run its setup. Both nodes share the one data dir, standing in
 * for the shared storage (a network file system or S3) that files need behind a balancer.
 */
final class ClusterNodes {
    private ClusterNodes() {
    }

    static boolean enabled() {
        return Integer.getInteger("pb4j.test.nodes", 1) > 1;
    }

    /** {@code first} and a second node on its database and data dir, bootstrapped. */
    static List<PocketBase> withSecondNode(PocketBase first, Path dir, Consumer<Config.Builder> configurer) {
        PocketBase second = PocketBase.create(cfg -> configurer.accept(cfg.dataDir(dir).store("postgres")));
        PostgresFixture.bootstrap(second, dir, false);
        return List.of(first, second);
    }
}
