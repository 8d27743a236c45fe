package io.pb4j.store.postgres.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where the database is: {@code postgres://user:password@host:port/database?param=value} (or {@code postgresql://},
 * or a {@code jdbc:postgresql:} URL as it is). Parameters go to the JDBC driver unchanged.
 *
 * @param jdbcUrl  the driver's URL, without credentials
 * @param user     empty for the driver's default
 * @param password empty for none
 */
record PostgresUrl(String jdbcUrl, String user, String password) {
    /** The environment variable that picks the PostgreSQL store when {@code --db} is not given. */
    static final String ENV = "PB4J_DB";
    /** The system property {@code serve --db} sets. */
    static final String PROPERTY = "pb4j.db";

    static boolean isPostgres(String url) {
        return url.startsWith("postgres://") || url.startsWith("postgresql://") || url.startsWith("jdbc:postgresql:");
    }

    static PostgresUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(url, "", "");
        }
        if (!isPostgres(url)) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgres://user:password@host:port/database): "
                    + url);
        }
        URI uri = URI.create(url);
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String db = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresUrl("jdbc:postgresql://" + host + port + db + query, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    Properties properties() {
        Properties p = new Properties();
        if (!user.isEmpty()) {
            p.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The URL for messages: no password. */
    String display() {
        return jdbcUrl + (user.isEmpty() ? "" : " as " + user);
    }
}
