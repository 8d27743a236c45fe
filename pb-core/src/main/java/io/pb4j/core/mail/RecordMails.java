package io.pb4j.core.mail;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;

/**
 * PocketBase's {@code mails.SendRecord…} functions: the auth mails of a record, rendered from its collection's
 * templates and sent through {@link PocketBase#newMailClient()} after their own mailer hook. The auth module installs
 * the implementation ({@link PocketBase#recordMails(RecordMails)}); without it every method throws a
 * {@link MailException}. Lets code outside the auth module (JavaScript's {@code $mails}) send them.
 */
public interface RecordMails {
    /** The implementation of an app without the auth module: every send fails. */
    RecordMails NONE = new RecordMails() {
        @Override
        public void sendVerification(PocketBase app, Record record) {
            throw missing();
        }

        @Override
        public void sendPasswordReset(PocketBase app, Record record) {
            throw missing();
        }

        @Override
        public void sendEmailChange(PocketBase app, Record record, String newEmail) {
            throw missing();
        }

        @Override
        public void sendOtp(PocketBase app, Record record, String otpId, String password) {
            throw missing();
        }

        @Override
        public void sendAuthAlert(PocketBase app, Record record, String info) {
            throw missing();
        }

        private MailException missing() {
            return new MailException("no auth module: record mails are not available");
        }
    };

    /** The verification mail with a new verification token, to the record's email. */
    void sendVerification(PocketBase app, Record record);

    /** The password reset mail with a new reset token, to the record's email. */
    void sendPasswordReset(PocketBase app, Record record);

    /** The email change confirmation, to {@code newEmail}. */
    void sendEmailChange(PocketBase app, Record record, String newEmail);

    /** The one-time password mail for the OTP {@code otpId}. */
    void sendOtp(PocketBase app, Record record, String otpId, String password);

    /** The new-location login alert; {@code info} is shown as text (HTML-escaped). */
    void sendAuthAlert(PocketBase app, Record record, String info);
}
