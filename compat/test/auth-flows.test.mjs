// Auth flows through the official SDK: listAuthMethods, authWithOAuth2Code against the fake GitLab that
// SdkCompatibilityTest starts (PB_OAUTH2_URL), impersonate, and MFA (password first, then OAuth2 with the mfaId).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTokenPayload } from 'pocketbase';
import { RECORD_ID, guest, rejects, superuser, uniqueName } from './helpers.mjs';

const OAUTH2_URL = process.env.PB_OAUTH2_URL;
if (!OAUTH2_URL) {
    throw new Error('PB_OAUTH2_URL is not set: run the suite through SdkCompatibilityTest, which starts the fake provider');
}
const REDIRECT = 'https://app.example.com/oauth2-redirect';

const gitlab = {
    name: 'gitlab', clientId: 'test-client', clientSecret: 'test-secret',
    authURL: `${OAUTH2_URL}/authorize`, tokenURL: `${OAUTH2_URL}/token`, userInfoURL: `${OAUTH2_URL}/user`,
};

/** A fresh auth collection with GitLab sign-in (and the given extra options); returns its name and a superuser client. */
async function authCollection(extra = {}) {
    const su = await superuser();
    const name = uniqueName('flows');
    await su.collections.create({
        name, type: 'auth', createRule: '', viewRule: 'id = @request.auth.id',
        fields: [{ name: 'name', type: 'text' }],
        oauth2: { enabled: true, providers: [gitlab], mappedFields: { name: 'name' } },
        ...extra,
    });
    return { name, su };
}

test('listAuthMethods lists GitLab with a state, a PKCE pair and a consent URL', async () => {
    const { name } = await authCollection();
    const methods = await guest().collection(name).listAuthMethods();

    assert.deepEqual(methods.password, { identityFields: ['email'], enabled: true });
    assert.deepEqual(methods.mfa, { enabled: false, duration: 0 });
    assert.equal(methods.oauth2.enabled, true);
    assert.equal(methods.oauth2.providers.length, 1);
    const p = methods.oauth2.providers[0];
    assert.equal(p.name, 'gitlab');
    assert.equal(p.displayName, 'GitLab');
    assert.match(p.state, /^[A-Za-z0-9]{30}$/);
    assert.match(p.codeVerifier, /^[A-Za-z0-9]{43}$/);
    assert.equal(p.codeChallengeMethod, 'S256');
    assert.ok(p.authURL.startsWith(`${OAUTH2_URL}/authorize?`), p.authURL);
    assert.ok(p.authURL.includes(`code_challenge=${p.codeChallenge}`), p.authURL);
    assert.ok(p.authURL.endsWith('&redirect_uri='), p.authURL);
    assert.equal(methods.authProviders, undefined, 'the SDK asks for the four current keys only');
});

test('authWithOAuth2Code signs up, fills the auth store and answers meta', async () => {
    const { name } = await authCollection();
    const pb = guest();
    const methods = await pb.collection(name).listAuthMethods();
    const provider = methods.oauth2.providers[0];
    const code = uniqueName('sdk');

    const auth = await pb.collection(name).authWithOAuth2Code(provider.name, code, provider.codeVerifier, REDIRECT,
        { emailVisibility: true });

    assert.match(auth.record.id, RECORD_ID);
    assert.equal(auth.record.email, `${code}@example.com`);
    assert.equal(auth.record.verified, true);
    assert.equal(auth.record.name, `Name ${code}`);
    assert.ok(!('password' in auth.record) && !('tokenKey' in auth.record), JSON.stringify(auth.record));
    assert.equal(auth.meta.isNew, true);
    assert.equal(auth.meta.id, code);
    assert.equal(auth.meta.accessToken, `at-${code}`);
    assert.equal(auth.meta.rawUser.username, code);
    assert.equal(pb.authStore.token, auth.token);
    assert.equal(pb.authStore.record.id, auth.record.id);

    // the same GitLab account signs in to the same record, and the link is the user's to see
    const again = await guest().collection(name).authWithOAuth2Code('gitlab', code, provider.codeVerifier, REDIRECT);
    assert.equal(again.record.id, auth.record.id);
    assert.equal(again.meta.isNew, false);
    const links = await pb.collection('_externalAuths').getFullList({ filter: pb.filter('recordRef = {:id}', { id: auth.record.id }) });
    assert.equal(links.length, 1);
    assert.equal(links[0].provider, 'gitlab');
    assert.equal(links[0].providerId, code);
});

test('authWithOAuth2Code reports provider failures in the error envelope', async () => {
    const { name } = await authCollection();
    await rejects(guest().collection(name).authWithOAuth2Code('gitlab', 'bad', 'v', REDIRECT), 400, 'Failed to fetch OAuth2 token.');
    await rejects(guest().collection(name).authWithOAuth2Code('github', 'x', 'v', REDIRECT), 400,
        'An error occurred while loading the submitted data.');
});

test('impersonate gives a superuser a client with a static token for the record', async () => {
    const { name, su } = await authCollection();
    const user = await su.collection(name).create({ email: `${uniqueName('imp')}@example.com`, password: '1234567890', passwordConfirm: '1234567890' });

    const impersonated = await su.collection(name).impersonate(user.id, 120);
    const payload = getTokenPayload(impersonated.authStore.token);
    assert.equal(payload.id, user.id);
    assert.equal(payload.refreshable, false);
    assert.ok(payload.exp - Date.now() / 1000 <= 121, `exp ${payload.exp}`);
    assert.equal(impersonated.authStore.record.id, user.id);
    const self = await impersonated.collection(name).getOne(user.id);
    assert.equal(self.id, user.id);

    const pb = guest();
    await pb.collection(name).authWithPassword(user.email, '1234567890');
    await rejects(pb.collection(name).impersonate(user.id, 120), 403);
});

test('MFA: the password alone answers 401 with an mfaId, OAuth2 with that mfaId completes the sign-in', async () => {
    const { name, su } = await authCollection({ mfa: { enabled: true, duration: 600, rule: '' } });
    const code = uniqueName('mfa');
    await su.collection(name).create({ email: `${code}@example.com`, password: '1234567890', passwordConfirm: '1234567890', verified: true });

    const pb = guest();
    // PocketBase answers the first step with a bare {"mfaId"} body, not the error envelope
    const err = await pb.collection(name).authWithPassword(`${code}@example.com`, '1234567890').then(
        (value) => assert.fail(`expected 401, got ${JSON.stringify(value)}`), (e) => e);
    assert.equal(err.status, 401);
    assert.deepEqual(Object.keys(err.response), ['mfaId']);
    const mfaId = err.response.mfaId;
    assert.match(mfaId, RECORD_ID);
    assert.equal(pb.authStore.token, '');

    await rejects(pb.collection(name).authWithPassword(`${code}@example.com`, '1234567890', { mfaId }), 400,
        'A different authentication method is required.');

    const auth = await pb.collection(name).authWithOAuth2Code('gitlab', code, 'v', REDIRECT, {}, { mfaId });
    assert.equal(auth.record.email, `${code}@example.com`);
    assert.equal(pb.authStore.token, auth.token);

    await rejects(guest().collection(name).authWithOAuth2Code('gitlab', code, 'v', REDIRECT, {}, { mfaId }), 400,
        'Invalid or expired MFA session.');
});
