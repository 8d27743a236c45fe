import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTokenPayload } from 'pocketbase';
import {
    RECORD_ID, SUPERUSER_EMAIL, SUPERUSER_PASSWORD, SUPERUSERS_COLLECTION_ID, guest, rejects,
} from './helpers.mjs';

test('superuser authWithPassword returns a token and the record, and fills the auth store', async () => {
    const pb = guest();
    const auth = await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);

    assert.equal(typeof auth.token, 'string');
    assert.equal(auth.token.split('.').length, 3, `a JWT: ${auth.token}`);
    assert.match(auth.record.id, RECORD_ID);
    assert.equal(auth.record.email, SUPERUSER_EMAIL);
    assert.equal(auth.record.collectionName, '_superusers');
    assert.equal(auth.record.collectionId, SUPERUSERS_COLLECTION_ID);
    assert.ok(!('password' in auth.record), `password leaked: ${JSON.stringify(auth.record)}`);
    assert.ok(!('tokenKey' in auth.record), `tokenKey leaked: ${JSON.stringify(auth.record)}`);

    const payload = getTokenPayload(auth.token);
    assert.equal(payload.type, 'auth');
    assert.equal(payload.id, auth.record.id);
    assert.equal(payload.collectionId, SUPERUSERS_COLLECTION_ID);
    assert.equal(payload.refreshable, true);
    assert.ok(payload.exp * 1000 > Date.now(), `exp in the future: ${payload.exp}`);

    assert.equal(pb.authStore.token, auth.token);
    assert.equal(pb.authStore.record.id, auth.record.id);
    assert.equal(pb.authStore.isValid, true);
    assert.equal(pb.authStore.isSuperuser, true);
});

test('the superuser token authorizes superuser-only calls', async () => {
    const pb = guest();
    await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
    const list = await pb.collections.getList(1, 1);
    assert.ok(list.totalItems >= 1, JSON.stringify(list));
});

test('authRefresh returns a valid token for the same superuser', async () => {
    const pb = guest();
    const first = await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
    const refreshed = await pb.collection('_superusers').authRefresh();

    assert.equal(typeof refreshed.token, 'string');
    assert.equal(refreshed.record.id, first.record.id);
    assert.equal(refreshed.record.email, SUPERUSER_EMAIL);
    assert.ok(!('password' in refreshed.record) && !('tokenKey' in refreshed.record), JSON.stringify(refreshed.record));
    assert.equal(getTokenPayload(refreshed.token).id, first.record.id);
    assert.equal(pb.authStore.token, refreshed.token);
    assert.equal(pb.authStore.isSuperuser, true);
    await pb.collections.getList(1, 1); // the refreshed token works
});

test('authRefresh without a token is rejected with 401', async () => {
    await rejects(guest().collection('_superusers').authRefresh(), 401);
});

test('a wrong password is rejected with 400 "Failed to authenticate." and leaves the store empty', async () => {
    const pb = guest();
    const err = await rejects(
        pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, 'not-the-password'),
        400, 'Failed to authenticate.');
    assert.deepEqual(err.response.data, {});
    assert.equal(pb.authStore.isValid, false);
    assert.equal(pb.authStore.token, '');
});

test('an unknown identity is rejected exactly like a wrong password', async () => {
    const err = await rejects(
        guest().collection('_superusers').authWithPassword('nobody@example.com', SUPERUSER_PASSWORD),
        400, 'Failed to authenticate.');
    assert.deepEqual(err.response.data, {});
});

test('an empty identity and password are validation errors', async () => {
    const err = await rejects(guest().collection('_superusers').authWithPassword('', ''), 400);
    assert.equal(err.response.data.identity?.code, 'validation_required', JSON.stringify(err.response));
    assert.equal(err.response.data.password?.code, 'validation_required', JSON.stringify(err.response));
});
