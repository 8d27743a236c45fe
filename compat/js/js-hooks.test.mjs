// The official SDK against a pb4j server running the JS hooks of JsSdkCompatibilityTest (pb-js): what the
// hooks do is what the SDK sees. Run by that test, which starts the server with these pb_hooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guest, superuser, rejects } from '../test/helpers.mjs';

test('a JS route answers pb.send()', async () => {
    const pb = guest();
    const res = await pb.send('/api/js/hello/sdk', { query: { greeting: 'Hi' } });
    assert.deepEqual(res, { message: 'Hi sdk' });
});

test('a JS onRecordCreate hook changes what the SDK creates and reads back', async () => {
    const pb = await superuser();
    const created = await pb.collection('notes').create({ title: 'from the sdk' });
    assert.equal(created.title, 'FROM THE SDK');
    const read = await pb.collection('notes').getOne(created.id);
    assert.equal(read.title, 'FROM THE SDK');
});

test('a JS hook that throws ApiError reaches the SDK as ClientResponseError', async () => {
    const pb = await superuser();
    const err = await rejects(pb.collection('notes').create({ title: 'reject me' }), 400, 'Rejected by a hook.');
    assert.deepEqual(err.response.data, { title: { code: 'js_rejected', message: 'No.' } });
});

test('a JS route guarded by $apis.requireAuth sees the SDK auth', async () => {
    await rejects(guest().send('/api/js/me', {}), 401);
    const pb = await superuser();
    const me = await pb.send('/api/js/me', {});
    assert.equal(me.id, pb.authStore.record.id);
});

test('a JS route binds the SDK\'s multipart body and finds its files', async () => {
    const pb = guest();
    const form = new FormData();
    form.append('caption', 'a <b> caption');
    form.append('n', '7');
    form.append('doc', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
    form.append('doc', new Blob(['abc']), 'abc.bin');
    const res = await pb.send('/api/js/upload', { method: 'POST', body: form });
    assert.deepEqual(res, { caption: 'a <b> caption', n: 7, files: [{ name: 'hello.txt', size: 5 }, { name: 'abc.bin', size: 3 }] });
});

test('a JS route queries with $dbx and renders a Go template', async () => {
    const pb = await superuser();
    await pb.collection('notes').create({ title: 'dbx <one>' });
    await pb.collection('notes').create({ title: 'dbx two' });
    const res = await pb.send('/api/js/notes', { query: { q: 'DBX' } });
    assert.equal(res.html, '<ul><li>DBX &lt;ONE&gt;</li><li>DBX TWO</li></ul>');
    assert.deepEqual(await pb.send('/api/js/notes', { query: { q: 'nothing like it' } }), { html: '<ul><li>none</li></ul>' });
});
