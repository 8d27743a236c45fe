// Realtime through the official SDK: pb.collection(...).subscribe / unsubscribe with options, the re-subscribe after
// an authStore change, and the all-in-one authWithOAuth2({ provider, urlCallback }) popup flow against a fake
// GitLab-shaped OAuth2 provider served by this file on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { guest, superuser, uniqueName, rejects } from './helpers.mjs';

// Node 20 has no global EventSource (the SDK needs one, as in a browser): a small one over fetch, enough for the SDK
// (named events, lastEventId, onerror, close). On Node 22+ the built-in one is used.
if (typeof globalThis.EventSource !== 'function') {
    globalThis.EventSource = class {
        constructor(url) {
            this.url = url;
            this.listeners = {};
            this.onerror = null;
            this.controller = new AbortController();
            this.run().catch((e) => { if (!this.controller.signal.aborted && this.onerror) this.onerror(e); });
        }
        addEventListener(name, fn) { (this.listeners[name] ||= []).push(fn); }
        removeEventListener(name, fn) { this.listeners[name] = (this.listeners[name] || []).filter((f) => f !== fn); }
        close() { this.controller.abort(); }
        async run() {
            const res = await fetch(this.url, { signal: this.controller.signal, headers: { Accept: 'text/event-stream' } });
            const decoder = new TextDecoder();
            let buffer = '';
            let lastEventId = '';
            let name = '';
            let data = [];
            for await (const chunk of res.body) {
                buffer += decoder.decode(chunk, { stream: true });
                let nl;
                while ((nl = buffer.indexOf('\n')) >= 0) {
                    const line = buffer.slice(0, nl).replace(/\r$/, '');
                    buffer = buffer.slice(nl + 1);
                    if (line === '') {
                        if (data.length) {
                            const event = { type: name || 'message', data: data.join('\n'), lastEventId };
                            for (const fn of [...(this.listeners[event.type] || [])]) fn(event);
                        }
                        name = '';
                        data = [];
                    } else if (line.startsWith(':')) {
                        // comment (keep-alive)
                    } else if (line.startsWith('id:')) {
                        lastEventId = line.slice(3);
                    } else if (line.startsWith('event:')) {
                        name = line.slice(6);
                    } else if (line.startsWith('data:')) {
                        data.push(line.slice(5));
                    }
                }
            }
            if (!this.controller.signal.aborted && this.onerror) this.onerror(new Error('stream ended'));
        }
    };
}

/** Resolves with the next value pushed to the returned callback, or rejects after `ms`. */
function inbox() {
    const items = [];
    const waiters = [];
    return {
        push(v) { const w = waiters.shift(); w ? w(v) : items.push(v); },
        next(ms = 5000) {
            if (items.length) return Promise.resolve(items.shift());
            return new Promise((resolve, reject) => {
                const t = setTimeout(() => reject(new Error(`no realtime event within ${ms} ms`)), ms);
                waiters.push((v) => { clearTimeout(t); resolve(v); });
            });
        },
        get pending() { return items.length; },
    };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let su;
let name;
let owned;

before(async () => {
    su = await superuser();
    name = uniqueName('rt');
    owned = uniqueName('rt_owned');
    await su.collections.create({
        name, listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '',
        fields: [{ name: 'title', type: 'text' }, { name: 'secret', type: 'text', hidden: true }],
    });
    await su.collections.create({
        name: owned, listRule: 'owner = @request.auth.id', viewRule: 'owner = @request.auth.id',
        fields: [{ name: 'title', type: 'text' }, { name: 'owner', type: 'relation', collectionId: '_pb_users_auth_', maxSelect: 1 }],
    });
});

after(async () => {
    await su.collections.delete(owned).catch(() => {});
    await su.collections.delete(name).catch(() => {});
});

test('subscribe("*") receives create, update and delete; unsubscribe stops them', async (t) => {
    const pb = guest();
    t.after(() => pb.realtime.unsubscribe());
    const box = inbox();
    const unsubscribe = await pb.collection(name).subscribe('*', (e) => box.push(e));
    assert.ok(pb.realtime.isConnected);
    assert.match(pb.realtime.clientId, /^[A-Za-z0-9]{40}$/);
    const created = await su.collection(name).create({ title: 'one', secret: 's' });
    const e1 = await box.next();
    assert.equal(e1.action, 'create');
    assert.equal(e1.record.id, created.id);
    assert.equal(e1.record.title, 'one');
    assert.equal(e1.record.secret, undefined, 'hidden fields stay hidden from guests');
    await su.collection(name).update(created.id, { title: 'two' });
    const e2 = await box.next();
    assert.deepEqual([e2.action, e2.record.title], ['update', 'two']);
    await su.collection(name).delete(created.id);
    const e3 = await box.next();
    assert.deepEqual([e3.action, e3.record.id], ['delete', created.id]);
    await unsubscribe();
    assert.equal(pb.realtime.isConnected, false, 'the SDK closes the stream after the last unsubscribe');
    await su.collection(name).create({ title: 'unseen' });
    await sleep(300);
    assert.equal(box.pending, 0);
});

test('a single-record topic with filter and fields options', async (t) => {
    const pb = guest();
    t.after(() => pb.realtime.unsubscribe());
    const target = await su.collection(name).create({ title: 'watched' });
    const other = await su.collection(name).create({ title: 'other' });
    const one = inbox();
    const filtered = inbox();
    await pb.collection(name).subscribe(target.id, (e) => one.push(e), { fields: 'id,title' });
    await pb.collection(name).subscribe('*', (e) => filtered.push(e), { filter: "title ~ 'keep'" });
    await su.collection(name).update(other.id, { title: 'drop me' });
    await su.collection(name).update(target.id, { title: 'keep me' });
    const e = await one.next();
    assert.deepEqual(e.record, { id: target.id, title: 'keep me' });
    const f = await filtered.next();
    assert.equal(f.record.id, target.id);
    await sleep(200);
    assert.equal(filtered.pending, 0, 'the filter dropped the other record');
    assert.equal(one.pending, 0);
    await pb.realtime.unsubscribe();
});

test('the listRule is checked with the subscriber auth, also after an authStore change', async () => {
    const email = `${uniqueName('u')}@example.com`;
    const user = await su.collection('users').create({ email, password: '1234567890', passwordConfirm: '1234567890' });
    const pb = guest();
    try {
        const box = inbox();
        await pb.collection(owned).subscribe('*', (e) => box.push(e));
        await su.collection(owned).create({ title: 'as guest', owner: user.id });
        await sleep(300);
        assert.equal(box.pending, 0, 'a guest does not pass owner = @request.auth.id');

        await pb.collection('users').authWithPassword(email, '1234567890');
        // the next subscribe re-submits every subscription with the new token: the client upgrades guest -> auth
        const picked = inbox();
        await pb.collection(owned).subscribe('*', (e) => picked.push(e), { fields: 'id' });
        const mine = await su.collection(owned).create({ title: 'mine', owner: user.id });
        assert.equal((await box.next()).record.id, mine.id);
        assert.deepEqual((await picked.next()).record, { id: mine.id });

        // another identity on the same realtime client is refused by the server
        const other = `${uniqueName('u')}@example.com`;
        await su.collection('users').create({ email: other, password: '1234567890', passwordConfirm: '1234567890' });
        const intruder = guest();
        await intruder.collection('users').authWithPassword(other, '1234567890');
        await rejects(intruder.send('/api/realtime', { method: 'POST', body: { clientId: pb.realtime.clientId, subscriptions: ['x'] } }),
            403, "The current and the previous request authorization don't match.");
    } finally {
        await pb.realtime.unsubscribe();
    }
});

test('bad subscribe requests get the error envelope', async () => {
    const pb = guest();
    await rejects(pb.send('/api/realtime', { method: 'POST', body: { clientId: 'missing', subscriptions: ['a'] } }),
        404, 'Missing or invalid client id.');
    const empty = await rejects(pb.send('/api/realtime', { method: 'POST', body: {} }), 400);
    assert.equal(empty.response.data.clientId.code, 'validation_required');
});

/** A GitLab-shaped OAuth2 provider: /authorize redirects back with code = the login hint, /token and /user answer. */
function fakeProvider() {
    const server = http.createServer((req, res) => {
        const url = new URL(req.url, 'http://127.0.0.1');
        if (url.pathname === '/authorize') {
            const back = new URL(url.searchParams.get('redirect_uri'));
            back.searchParams.set('code', 'sdkuser');
            back.searchParams.set('state', url.searchParams.get('state'));
            res.writeHead(302, { Location: back.toString() }).end();
        } else if (url.pathname === '/token') {
            res.writeHead(200, { 'Content-Type': 'application/json' })
                .end(JSON.stringify({ access_token: 'at-sdkuser', token_type: 'bearer', expires_in: 3600 }));
        } else if (url.pathname === '/user') {
            res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({
                id: 'sdkuser', username: 'sdkuser', name: 'SDK User', email: 'sdkuser@example.com',
                confirmed_at: '2024-01-02T03:04:05Z',
            }));
        } else {
            res.writeHead(404).end();
        }
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('authWithOAuth2({ provider, urlCallback }) completes the popup flow over realtime', async () => {
    const provider = await fakeProvider();
    const base = `http://127.0.0.1:${provider.address().port}`;
    const users = await su.collections.getOne('users');
    try {
        await su.collections.update('users', {
            oauth2: {
                enabled: true,
                providers: [{ name: 'gitlab', clientId: 'c', clientSecret: 's', authURL: `${base}/authorize`, tokenURL: `${base}/token`, userInfoURL: `${base}/user` }],
            },
        });
        const pb = guest();
        let redirected = '';
        const auth = await pb.collection('users').authWithOAuth2({
            provider: 'gitlab',
            // what the popup does: follow the provider's redirect to /api/oauth2-redirect
            urlCallback: async (url) => {
                const atProvider = await fetch(url, { redirect: 'manual' });
                const back = atProvider.headers.get('location');
                const atServer = await fetch(back, { redirect: 'manual' });
                redirected = atServer.headers.get('location');
            },
        });
        assert.equal(redirected, '../_/#/auth/oauth2-redirect-success');
        assert.equal(auth.record.email, 'sdkuser@example.com');
        assert.equal(pb.authStore.record.id, auth.record.id);
        assert.ok(pb.authStore.isValid);
    } finally {
        await su.collections.update('users', { oauth2: users.oauth2 });
        provider.close();
    }
});
