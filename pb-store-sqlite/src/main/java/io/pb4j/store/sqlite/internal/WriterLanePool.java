package io.pb4j.store.sqlite.internal;

import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lends Helidon DB Client the store's writer connection: each borrowed connection holds the writer lane until
 * DB Client closes it, so an application's own SQL queues with pb4j's writes and never meets {@code SQLITE_BUSY}.
 * Borrowed inside a pb4j write on the same thread ({@code app.runInTransaction}), the connection joins that
 * transaction: DB Client's commit, rollback and auto-commit changes are ignored there, so they can neither commit
 * nor undo pb4j's transaction halfway; its outcome is the outer transaction's.
 */
final class WriterLanePool implements JdbcConnectionPool {
    private final Lane lane;

    WriterLanePool(Lane lane) {
        this.lane = lane;
    }

    @Override
    public Connection connection() {
        boolean joined = lane.heldByCurrentThread();
        lane.lock();
        Connection real = lane.session().connection();
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!closed[0]) {
                                closed[0] = true;
                                try {
                                    if (!joined && !real.getAutoCommit()) {
                                        real.rollback();
                                        real.setAutoCommit(true);
                                    }
                                } finally {
                                    lane.unlock();
                                }
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed[0] || real.isClosed();
                        }
                        case "commit", "rollback", "setAutoCommit" -> {
                            if (closed[0]) {
                                throw new SQLException("connection returned to the pool");
                            }
                            if (joined) {
                                return null;
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                        case "getAutoCommit" -> {
                            return joined ? Boolean.FALSE : real.getAutoCommit();
                        }
                        default -> {
                            if (closed[0]) {
                                throw new SQLException("connection returned to the pool");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }
}
