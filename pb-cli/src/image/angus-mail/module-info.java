/*
 * angus-mail's own descriptor with one change, written into the image's copy of its jar (patch-descriptors): its
 * `requires java.desktop` becomes `requires static`. Only its image/gif and image/jpeg content handlers use
 * java.desktop (java.awt.Image, Toolkit), and its mailcap leaves both disabled; pb4j sends text and HTML parts, so
 * mail needs no java.desktop and the default image has none (12 MB). When angus-mail is updated, compare with
 * `jar --describe-module --file angus-mail-<version>.jar`.
 */
module org.eclipse.angus.mail {
    requires transitive jakarta.activation;
    requires transitive jakarta.mail;
    requires transitive java.logging;
    requires static java.desktop;
    requires static java.security.sasl;
    requires java.xml;

    exports org.eclipse.angus.mail.auth;
    exports org.eclipse.angus.mail.handlers;
    exports org.eclipse.angus.mail.iap;
    exports org.eclipse.angus.mail.imap;
    exports org.eclipse.angus.mail.imap.protocol;
    exports org.eclipse.angus.mail.pop3;
    exports org.eclipse.angus.mail.smtp;
    exports org.eclipse.angus.mail.util;
    exports org.eclipse.angus.mail.util.logging;

    uses jakarta.mail.Provider;

    provides jakarta.mail.Provider with
            org.eclipse.angus.mail.imap.IMAPProvider, org.eclipse.angus.mail.imap.IMAPSSLProvider,
            org.eclipse.angus.mail.pop3.POP3Provider, org.eclipse.angus.mail.pop3.POP3SSLProvider,
            org.eclipse.angus.mail.smtp.SMTPProvider, org.eclipse.angus.mail.smtp.SMTPSSLProvider;
    provides jakarta.mail.util.StreamProvider with org.eclipse.angus.mail.util.MailStreamProvider;
}
