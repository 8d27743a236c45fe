import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RECORD_ID, guest, rejects, superuser, uniqueName } from './helpers.mjs';

// pb.createBatch() always sends multipart/form-data: one @jsonPayload part {"requests": [...]}.
// SdkCompatibilityTest switches batch requests on for this suite's server (settings `batch.enabled`).

const OPEN_RULES = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };

let su;
let items;

before(async () => {
    su = await superuser();
    items = (await su.collections.create({
        name: uniqueName('batch_items'), type: 'base', ...OPEN_RULES,
        fields: [
            { name: 'title', type: 'text', required: true, max: 50 },
            { name: 'n', type: 'number' },
        ],
    })).name;
});

after(async () => {
    if (items) await su.collections.delete(items).catch(() => {});
});

async function titles() {
    return (await guest().collection(items).getFullList({ sort: 'title' })).map((r) => r.title);
}

test('create, update, upsert and delete run in one batch and answer in request order', async () => {
    const pb = guest();
    const keep = await pb.collection(items).create({ title: 'keep', n: 1 });
    const gone = await pb.collection(items).create({ title: 'gone' });
    const upsertedId = 'batchupsert' + String(Date.now() % 10000).padStart(4, '0');

    const batch = pb.createBatch();
    batch.collection(items).create({ title: 'created', n: 5 });
    batch.collection(items).update(keep.id, { title: 'kept', 'n+': 2 });
    batch.collection(items).upsert({ id: upsertedId, title: 'upsert-new' });
    batch.collection(items).upsert({ id: keep.id, title: 'kept-upserted' }, { fields: 'id,title' });
    batch.collection(items).delete(gone.id);
    const results = await batch.send();

    assert.equal(results.length, 5, JSON.stringify(results));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200, 204]);
    assert.match(results[0].body.id, RECORD_ID);
    assert.equal(results[0].body.title, 'created');
    assert.equal(results[0].body.n, 5);
    assert.equal(results[0].body.collectionName, items);
    assert.equal(results[1].body.id, keep.id);
    assert.equal(results[1].body.title, 'kept');
    assert.equal(results[1].body.n, 3);
    assert.equal(results[2].body.id, upsertedId);
    assert.deepEqual(results[3].body, { id: keep.id, title: 'kept-upserted' });
    assert.equal(results[4].body, null);

    assert.deepEqual(await titles(), ['created', 'kept-upserted', 'upsert-new']);
    await rejects(pb.collection(items).getOne(gone.id), 404);
    await su.collection(items).delete(results[0].body.id);
    await su.collection(items).delete(keep.id);
    await su.collection(items).delete(upsertedId);
});

test('a failing request rolls back the whole batch and reports its index and response', async () => {
    const pb = guest();
    const stays = await pb.collection(items).create({ title: 'stays', n: 1 });
    const before = await titles();

    const batch = pb.createBatch();
    batch.collection(items).create({ title: 'rolled-back' });
    batch.collection(items).update(stays.id, { title: 'changed' });
    batch.collection(items).delete(stays.id);
    batch.collection(items).create({ title: '' });
    const err = await rejects(batch.send(), 400, 'Batch transaction failed.');

    assert.deepEqual(Object.keys(err.response.data.requests), ['3'], JSON.stringify(err.response));
    const failure = err.response.data.requests['3'];
    assert.equal(failure.code, 'batch_request_failed');
    assert.equal(failure.message, 'Batch request failed.');
    assert.equal(failure.response.status, 400);
    assert.equal(failure.response.message, 'Failed to create record.');
    assert.equal(failure.response.data.title.code, 'validation_required');

    assert.deepEqual(await titles(), before);
    assert.equal((await pb.collection(items).getOne(stays.id)).title, 'stays');
    await su.collection(items).delete(stays.id);
});

test('sub-requests keep their own status inside the failure (404 for a missing record)', async () => {
    const batch = guest().createBatch();
    batch.collection(items).create({ title: 'never' });
    batch.collection(items).update('missing00000000', { title: 'x' });
    const err = await rejects(batch.send(), 400, 'Batch transaction failed.');
    assert.equal(err.response.data.requests['1'].response.status, 404);
    assert.ok(!(await titles()).includes('never'));
});

test('an empty batch is a validation error on requests', async () => {
    const err = await rejects(guest().createBatch().send(), 400, 'Invalid batch request data.');
    assert.equal(err.response.data.requests.code, 'validation_required');
});
