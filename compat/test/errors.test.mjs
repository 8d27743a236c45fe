import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

let su;
let open; // every rule ""
let locked; // every rule null

before(async () => {
    su = await superuser();
    const fields = [
        { name: 'title', type: 'text', required: true, min: 3, max: 20 },
        { name: 'n', type: 'number', min: 0, max: 100 },
        { name: 'contact', type: 'email' },
        { name: 'status', type: 'select', values: ['draft', 'published'], maxSelect: 1 },
    ];
    open = (await su.collections.create({
        name: uniqueName('err_open'), type: 'base', fields,
        listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '',
    })).name;
    locked = (await su.collections.create({ name: uniqueName('err_locked'), type: 'base', fields })).name;
});

after(async () => {
    for (const name of [open, locked]) {
        if (name) await su.collections.delete(name).catch(() => {});
    }
});

test('a missing collection answers 404 on every records call', async () => {
    const records = guest().collection('no_such_collection');
    await rejects(records.getList(), 404, 'Missing collection context.');
    await rejects(records.getOne('abcdefghijklmno'), 404);
    await rejects(records.create({ title: 'x' }), 404);
    await rejects(records.update('abcdefghijklmno', { title: 'x' }), 404);
    await rejects(records.delete('abcdefghijklmno'), 404);
    await rejects(su.collections.getOne('no_such_collection'), 404, "The requested resource wasn't found.");
});

test('a missing record answers 404 with the default message', async () => {
    const err = await rejects(guest().collection(open).getOne('abcdefghijklmno'), 404,
        "The requested resource wasn't found.");
    assert.deepEqual(err.response.data, {});
});

test('a missing required field is validation_required', async () => {
    const err = await rejects(guest().collection(open).create({ n: 1 }), 400, 'Failed to create record.');
    assert.equal(err.response.data.title?.code, 'validation_required', JSON.stringify(err.response));
    assert.equal(err.response.data.title?.message, 'Cannot be blank.');
});

test('text length limits are validation_min/max_text_constraint with params', async () => {
    let err = await rejects(guest().collection(open).create({ title: 'x'.repeat(21) }), 400);
    assert.equal(err.response.data.title?.code, 'validation_max_text_constraint', JSON.stringify(err.response));
    assert.deepEqual(err.response.data.title?.params, { max: 20 });
    err = await rejects(guest().collection(open).create({ title: 'xy' }), 400);
    assert.equal(err.response.data.title?.code, 'validation_min_text_constraint', JSON.stringify(err.response));
    assert.deepEqual(err.response.data.title?.params, { min: 3 });
});

test('every invalid field is reported at once', async () => {
    const err = await rejects(
        guest().collection(open).create({ n: 101, contact: 'not-an-email', status: 'archived' }), 400);
    const data = err.response.data;
    assert.deepEqual(Object.keys(data).sort(), ['contact', 'n', 'status', 'title'], JSON.stringify(data));
    assert.equal(data.title.code, 'validation_required');
    assert.equal(data.n.code, 'validation_max_number_constraint');
    assert.equal(data.contact.code, 'validation_is_email');
    assert.equal(data.status.code, 'validation_invalid_value');
    for (const item of Object.values(data)) {
        assert.equal(typeof item.message, 'string');
        assert.ok(item.message.endsWith('.'), `sentenized: ${item.message}`);
    }
});

test('an invalid update is rejected with "Failed to update record." and changes nothing', async () => {
    const records = guest().collection(open);
    const r = await records.create({ title: 'valid' });
    const err = await rejects(records.update(r.id, { title: '', n: 5 }), 400, 'Failed to update record.');
    assert.equal(err.response.data.title?.code, 'validation_required', JSON.stringify(err.response));
    assert.deepEqual(await records.getOne(r.id), r);
});

test('a locked (null) rule answers 403 to a guest for every action', async () => {
    const item = await su.collection(locked).create({ title: 'secret' });
    const records = guest().collection(locked);
    const message = 'Only superusers can perform this action.';
    await rejects(records.getList(), 403, message);
    await rejects(records.getOne(item.id), 403, message);
    await rejects(records.create({ title: 'guest' }), 403, message);
    await rejects(records.update(item.id, { title: 'guest' }), 403, message);
    await rejects(records.delete(item.id), 403, message);
    assert.equal((await su.collection(locked).getList()).totalItems, 1);
    assert.equal((await su.collection(locked).getOne(item.id)).title, 'secret');
});

test('collections calls without a token answer 401', async () => {
    const pb = guest();
    const message = 'The request requires valid record authorization token.';
    await rejects(pb.collections.getList(), 401, message);
    await rejects(pb.collections.getOne(open), 401, message);
    await rejects(pb.collections.create({ name: uniqueName('err_guest'), type: 'base' }), 401, message);
    await rejects(pb.collections.update(open, { listRule: null }), 401, message);
    await rejects(pb.collections.truncate(open), 401, message);
    await rejects(pb.collections.delete(open), 401, message);
});

test('an invalid token is ignored: the caller is a guest', async () => {
    const pb = guest();
    pb.authStore.save('not.a.token', null);
    await rejects(pb.collections.getList(), 401);
    const r = await pb.collection(open).create({ title: 'as guest' });
    assert.equal(r.title, 'as guest');
});

test('a malformed filter answers 400 with empty data', async () => {
    for (const filter of ['title =', 'title = "unterminated', '(title = "a"', 'title = = 1', '   ']) {
        const err = await rejects(guest().collection(open).getList(1, 10, { filter }), 400, undefined,
            `filter ${JSON.stringify(filter)}`);
        assert.deepEqual(err.response.data, {}, `filter ${JSON.stringify(filter)}`);
    }
});

test('a filter or sort on an unknown field answers 400', async () => {
    await rejects(guest().collection(open).getList(1, 10, { filter: 'nope = 1' }), 400);
    await rejects(guest().collection(open).getList(1, 10, { sort: 'nope' }), 400);
    await rejects(guest().collection(open).getList(1, 10, { sort: 'title,,n' }), 400);
});

test('an invalid skipTotal answers 400', async () => {
    await rejects(guest().collection(open).getList(1, 10, { skipTotal: 'maybe' }), 400);
});
