package io.pb4j.auth.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.mail.RecordMails;

/** The auth mails offered to other modules ({@link PocketBase#recordMails()}), as {@link AuthMails} sends them. */
final class AuthRecordMails implements RecordMails {
    @Override
    public void sendVerification(PocketBase app, Record record) {
        AuthMails.verification(app, record);
    }

    @Override
    public void sendPasswordReset(PocketBase app, Record record) {
        AuthMails.passwordReset(app, record);
    }

    @Override
    public void sendEmailChange(PocketBase app, Record record, String newEmail) {
        AuthMails.emailChange(app, record, newEmail);
    }

    @Override
    public void sendOtp(PocketBase app, Record record, String otpId, String password) {
        AuthMails.otp(app, record, otpId, password);
    }

    @Override
    public void sendAuthAlert(PocketBase app, Record record, String info) {
        AuthMails.authAlert(app, record, info);
    }
}
