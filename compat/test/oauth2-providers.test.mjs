import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guest, rejects, superuser } from './helpers.mjs';

// pb.collections.getAllOAuth2Providers(): GET /api/collections/meta/oauth2-providers, superusers only.

test('a superuser lists every OAuth2 provider by order, with name, display name and logo', async () => {
    const pb = await superuser();
    const providers = await pb.collections.getAllOAuth2Providers();
    assert.deepEqual(providers.map((p) => p.name), [
        'apple', 'google', 'microsoft', 'yandex', 'facebook', 'instagram2', 'github', 'gitlab', 'bitbucket', 'gitee',
        'gitea', 'discord', 'twitter', 'kakao', 'vk', 'linear', 'notion', 'monday', 'lark', 'box', 'spotify', 'trakt',
        'twitch', 'patreon', 'strava', 'wakatime', 'livechat', 'mailcow', 'planningcenter', 'oidc', 'oidc2', 'oidc3',
    ]);
    for (const p of providers) {
        assert.deepEqual(Object.keys(p), ['name', 'displayName', 'logo']);
        assert.match(p.logo, /^<svg[\s\S]*<\/svg>$/);
    }
    assert.equal(providers.find((p) => p.name === 'twitter').displayName, 'X/Twitter');
    assert.equal(providers.find((p) => p.name === 'oidc2').displayName, 'OIDC');
});

test('guests cannot list the OAuth2 providers', async () => {
    await rejects(guest().collections.getAllOAuth2Providers(), 401,
        'The request requires valid record authorization token.');
});
