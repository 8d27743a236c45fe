package io.pb4j.realtime.spi;

import java.util.Map;

/**
 * A named factory of {@link RealtimeBroker}s, found with {@link java.util.ServiceLoader} (declare it with
 * {@code provides io.pb4j.realtime.spi.BrokerProvider with …}). A single node needs no broker: its record events
 * reach its own SSE clients directly. The planned provider is {@code postgres} ({@code LISTEN/NOTIFY}), so that
 * several pb4j nodes over one PostgreSQL database each see the others' record changes.
 *
 * <p>Names are unique among the providers present; a duplicate or an unknown name fails at startup with the names
 * that are available. Implementations are stateless and thread-safe.
 */
public interface BrokerProvider {
    /** The name configuration refers to, lower case: {@code postgres}. */
    String name();

    /**
     * Opens a broker and starts listening. Fails with an unchecked exception naming the bad setting when
     * {@code settings} is incomplete or wrong.
     */
    RealtimeBroker open(Map<String, String> settings);
}
