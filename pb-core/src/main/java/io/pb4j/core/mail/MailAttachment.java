package io.pb4j.core.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a {@link MailMessage} (PocketBase's {@code Message.Attachments}): its file name and content,
 * sent with the content type its name suggests.
 */
public record MailAttachment(String name, byte[] content) {
    /** Creates the value; the content is copied. */
    public MailAttachment {
        Objects.requireNonNull(name, "name");
        content = content.clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailAttachment a && a.name.equals(name) && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "MailAttachment[" + name + ", " + content.length + " bytes]";
    }
}
