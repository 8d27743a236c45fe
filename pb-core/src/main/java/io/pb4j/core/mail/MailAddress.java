package io.pb4j.core.mail;

import java.util.Objects;

/**
 * One mailbox: an address with an optional display name ({@code ""} for none).
 *
 * @param name    the display name, e.g. {@code "Support"}; {@code ""} when there is none
 * @param address the bare address, e.g. {@code "support@example.com"}
 */
public record MailAddress(String name, String address) {
    /** Creates the value from its components. */
    public MailAddress {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** An address without a display name. */
    public static MailAddress of(String address) {
        return new MailAddress("", address);
    }
}
