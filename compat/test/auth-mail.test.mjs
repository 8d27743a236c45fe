// The mail-driven auth flows through the SDK: the server sends its mails to a real SMTP server started by
// SdkCompatibilityTest (GreenMail), and this file reads them back over POP3 (PB_MAIL_POP3 = host:port; GreenMail
// creates one mailbox per recipient, whose login and password are the address itself).
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { getTokenPayload } from 'pocketbase';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

const [POP3_HOST, POP3_PORT] = (process.env.PB_MAIL_POP3 || '').split(':');
const PASSWORD = '1234567890';

/** Every message in `address`'s mailbox, raw (headers + MIME body) with quoted-printable soft breaks undone. */
async function mailbox(address) {
    const socket = net.connect(Number(POP3_PORT), POP3_HOST);
    socket.setEncoding('latin1');
    let buffer = '';
    const waiters = [];
    socket.on('data', (chunk) => {
        buffer += chunk;
        while (waiters.length && waiters[0].done(buffer)) {
            const w = waiters.shift();
            const text = buffer;
            buffer = '';
            w.resolve(text);
        }
    });
    const read = (multiline) => new Promise((resolve, reject) => {
        const done = (b) => b.startsWith('-ERR') || (multiline ? b.endsWith('\r\n.\r\n') : b.endsWith('\r\n'));
        waiters.push({ done, resolve });
        socket.once('error', reject);
        if (done(buffer)) {
            const text = buffer;
            buffer = '';
            waiters.shift();
            resolve(text);
        }
    });
    const command = async (line, multiline = false) => {
        socket.write(line + '\r\n');
        const reply = await read(multiline);
        assert.ok(reply.startsWith('+OK'), `POP3 ${line.split(' ')[0]}: ${reply}`);
        return reply;
    };
    try {
        await read(false);
        await command(`USER ${address}`);
        await command(`PASS ${address}`);
        const count = Number((await command('STAT')).split(' ')[1]);
        const messages = [];
        for (let i = 1; i <= count; i++) {
            const raw = await command(`RETR ${i}`, true);
            messages.push(raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
        }
        await command('QUIT');
        return messages;
    } finally {
        socket.destroy();
    }
}

/** Waits for a message to `address` whose raw text matches `pattern`, and returns the first capture group. */
async function awaitMail(address, pattern, seen = 0) {
    for (let i = 0; i < 100; i++) {
        let messages = [];
        try {
            messages = await mailbox(address);
        } catch (e) {
            // the mailbox exists only once a first message arrived
        }
        const found = messages.slice(seen).map((m) => m.match(pattern)).find(Boolean);
        if (found) {
            return found[1];
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`no mail to ${address} matching ${pattern}`);
}

/** A fresh auth collection; `otp` settings are merged into the collection's default OTP options. */
async function newUsers(otp) {
    const admin = await superuser();
    const name = uniqueName('mailusers');
    const created = await admin.collections.create({ name, type: 'auth', createRule: '' });
    if (otp) {
        await admin.collections.update(name, { otp: { ...created.otp, ...otp } });
    }
    return name;
}

async function newUser(collection, prefix) {
    const email = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}@example.com`;
    await guest().collection(collection).create({ email, password: PASSWORD, passwordConfirm: PASSWORD });
    return email;
}

test('requestVerification mails a token that confirmVerification accepts', async () => {
    const collection = await newUsers();
    const email = await newUser(collection, 'verify');
    const pb = guest();
    await pb.collection(collection).authWithPassword(email, PASSWORD);
    assert.equal(pb.authStore.record.verified, false);

    assert.equal(await guest().collection(collection).requestVerification(email), true);
    const token = await awaitMail(email, /confirm-verification\/([\w-]+\.[\w-]+\.[\w-]+)/);
    assert.equal(getTokenPayload(token).type, 'verification');
    assert.equal(getTokenPayload(token).email, email);

    assert.equal(await pb.collection(collection).confirmVerification(token), true);
    assert.equal(pb.authStore.record.verified, true, 'the SDK flips verified in its store');
    const fresh = await pb.collection(collection).authRefresh();
    assert.equal(fresh.record.verified, true);
});

test('requestPasswordReset and confirmPasswordReset set a new password, once', async () => {
    const collection = await newUsers();
    const email = await newUser(collection, 'reset');
    assert.equal(await guest().collection(collection).requestPasswordReset(email), true);
    const token = await awaitMail(email, /confirm-password-reset\/([\w-]+\.[\w-]+\.[\w-]+)/);

    assert.equal(await guest().collection(collection).confirmPasswordReset(token, 'brand-new-pass', 'brand-new-pass'), true);
    await guest().collection(collection).authWithPassword(email, 'brand-new-pass');
    await rejects(guest().collection(collection).authWithPassword(email, PASSWORD), 400, 'Failed to authenticate.');
    const replay = await rejects(guest().collection(collection).confirmPasswordReset(token, 'other-pass-1', 'other-pass-1'), 400,
        'An error occurred while validating the submitted data.');
    assert.equal(replay.response.data.token.code, 'validation_invalid_token');
});

test('requestEmailChange mails the new address and confirmEmailChange switches to it', async () => {
    const collection = await newUsers();
    const email = await newUser(collection, 'change');
    const newEmail = `new_${email}`;
    const pb = guest();
    await pb.collection(collection).authWithPassword(email, PASSWORD);
    assert.equal(await pb.collection(collection).requestEmailChange(newEmail), true);
    const token = await awaitMail(newEmail, /confirm-email-change\/([\w-]+\.[\w-]+\.[\w-]+)/);
    assert.equal(getTokenPayload(token).newEmail, newEmail);

    const wrong = await rejects(pb.collection(collection).confirmEmailChange(token, 'not-the-password'), 400);
    assert.equal(wrong.response.data.password.code, 'validation_invalid_password');
    assert.equal(await pb.collection(collection).confirmEmailChange(token, PASSWORD), true);
    assert.equal(pb.authStore.token, '', 'the SDK signs out the record whose email changed');
    const auth = await guest().collection(collection).authWithPassword(newEmail, PASSWORD);
    assert.equal(auth.record.email, newEmail);
    assert.equal(auth.record.verified, true);
});

test('requestOTP mails a code that authWithOTP exchanges once for a session', async () => {
    const collection = await newUsers({ enabled: true, duration: 300, length: 6 });
    const email = await newUser(collection, 'otp');
    const pb = guest();
    const { otpId } = await pb.collection(collection).requestOTP(email);
    assert.match(otpId, /^[a-z0-9]{15}$/);
    const code = await awaitMail(email, /<strong>(\d{6})<\/strong>/);

    const auth = await pb.collection(collection).authWithOTP(otpId, code);
    assert.equal(auth.record.email, email);
    assert.equal(pb.authStore.isValid, true);
    assert.equal(pb.authStore.record.email, email);
    await rejects(guest().collection(collection).authWithOTP(otpId, code), 400, 'Invalid or expired OTP.');

    const unknown = await guest().collection(collection).requestOTP('nobody-here@example.com');
    assert.match(unknown.otpId, /^[a-z0-9]{15}$/, 'unknown emails get the same answer');
    await rejects(guest().collection(collection).authWithOTP(unknown.otpId, '123456'), 400, 'Invalid or expired OTP.');
});

test('OTP is refused where the collection does not enable it', async () => {
    const collection = await newUsers();
    const email = await newUser(collection, 'nootp');
    await rejects(guest().collection(collection).requestOTP(email), 403,
        'The collection is not configured to allow OTP authentication.');
});
