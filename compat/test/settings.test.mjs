// The settings API through the SDK's pb.settings service: getAll, update (merge, hidden secrets, nested errors),
// testEmail (sent to the GreenMail server SdkCompatibilityTest configures), testS3 (no S3 backend: a 400) and
// generateAppleClientSecret (an ES256 JWT checked with the key pair's public key). The other test files share the
// server, so this file only changes settings nothing else reads (meta.hideControls) and puts them back.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { guest, rejects, superuser } from './helpers.mjs';

test('getAll answers every settings section without secrets', async () => {
    const pb = await superuser();
    const settings = await pb.settings.getAll();
    assert.deepEqual(Object.keys(settings), ['superuserIPs', 'smtp', 'backups', 's3', 'meta', 'rateLimits', 'trustedProxy', 'batch', 'logs']);
    assert.equal(settings.smtp.password, undefined);
    assert.equal(settings.s3.secret, undefined);
    assert.equal(settings.backups.s3.secret, undefined);
    assert.equal(typeof settings.meta.appName, 'string');
});

test('guests and other auth records are refused', async () => {
    await rejects(guest().settings.getAll(), 401);
});

test('update merges the body and answers the whole settings', async () => {
    const pb = await superuser();
    const before = await pb.settings.getAll();
    try {
        const updated = await pb.settings.update({ meta: { hideControls: !before.meta.hideControls } });
        assert.equal(updated.meta.hideControls, !before.meta.hideControls);
        assert.equal(updated.meta.appName, before.meta.appName);
        assert.deepEqual(updated.rateLimits, before.rateLimits);
        assert.equal((await pb.settings.getAll()).meta.hideControls, !before.meta.hideControls);
    } finally {
        await pb.settings.update({ meta: { hideControls: before.meta.hideControls } });
    }
});

test('invalid settings are refused with nested field errors', async () => {
    const pb = await superuser();
    const err = await rejects(pb.settings.update({ meta: { appURL: '' }, backups: { cron: 'not a cron' } }), 400,
        'An error occurred while saving the new settings.');
    assert.equal(err.response.data.meta.appURL.code, 'validation_required');
    assert.equal(err.response.data.backups.cron.code, 'validation_invalid_cron');
});

test('testEmail sends a template through the configured SMTP server', async () => {
    const pb = await superuser();
    assert.equal(await pb.settings.testEmail('_superusers', 'sdk-settings@example.com', 'verification'), true);
    assert.equal(await pb.settings.testEmail('users', 'sdk-settings@example.com', 'otp'), true);
    const err = await rejects(pb.settings.testEmail('users', 'sdk-settings@example.com', 'nope'), 400, 'Failed to send the test email.');
    assert.equal(err.response.data.template.code, 'validation_in_invalid');
});

test('testS3 says that S3 is not enabled', async () => {
    const pb = await superuser();
    const err = await rejects(pb.settings.testS3('storage'), 400);
    assert.match(err.response.message, /^Failed to test the S3 filesystem\. Raw error: \nS3 storage filesystem is not enabled/);
});

test('generateAppleClientSecret answers an ES256 JWT signed with the given key', async () => {
    const pb = await superuser();
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', {
        namedCurve: 'prime256v1',
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const { secret } = await pb.settings.generateAppleClientSecret('com.example.sdk', 'TEAM123456', 'KEY1234567', privateKey, 600);
    const [header, payload, signature] = secret.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url')), { alg: 'ES256', kid: 'KEY1234567', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload, 'base64url'));
    assert.equal(claims.iss, 'TEAM123456');
    assert.equal(claims.sub, 'com.example.sdk');
    assert.deepEqual(claims.aud, ['https://appleid.apple.com']);
    assert.equal(claims.exp - claims.iat, 600);
    const ok = crypto.verify('sha256', Buffer.from(`${header}.${payload}`),
        { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
    assert.equal(ok, true);
    await rejects(pb.settings.generateAppleClientSecret('', 'short', 'short', 'invalid', 0), 400, 'Invalid client secret data.');
});
