package io.pb4j.core.realtime;

/**
 * One realtime message: {@code name} is the SSE event name (a subscription exactly as the client submitted it, or
 * {@code PB_CONNECT}, {@code @oauth2}, a custom topic), {@code data} its payload, a single line of JSON text.
 */
public record RealtimeMessage(String name, String data) {
    /** Creates the value from its components. */
    public RealtimeMessage {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("message name is empty");
        }
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("message data must be one line");
        }
    }
}
