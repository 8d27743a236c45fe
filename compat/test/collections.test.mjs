import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DATETIME, crc32, rejects, superuser, uniqueName } from './helpers.mjs';

const ID_FIELD = {
    autogeneratePattern: '[a-z0-9]{15}', help: '', hidden: false, id: 'text3208210256', max: 15, min: 15,
    name: 'id', pattern: '^[a-z0-9]+$', presentable: false, primaryKey: true, required: true, system: true,
    type: 'text',
};

const FIELDS = [
    { name: 'title', type: 'text', required: true, max: 20 },
    { name: 'count', type: 'number', onlyInt: true },
    { name: 'active', type: 'bool' },
    { name: 'contact', type: 'email' },
    { name: 'site', type: 'url' },
    { name: 'body', type: 'editor' },
    { name: 'due', type: 'date' },
    { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
    { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    { name: 'status', type: 'select', values: ['draft', 'published'], maxSelect: 1 },
    { name: 'tags', type: 'select', values: ['a', 'b', 'c'], maxSelect: 3 },
    { name: 'meta', type: 'json' },
];

const OPEN_RULES = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };

let pb;
const created = [];

before(async () => {
    pb = await superuser();
});

after(async () => {
    for (const name of created) {
        await pb.collections.delete(name).catch(() => {});
    }
});

async function createCollection(prefix, extra = {}) {
    const name = uniqueName(prefix);
    created.push(name);
    return pb.collections.create({ name, type: 'base', fields: FIELDS, ...OPEN_RULES, ...extra });
}

function field(collection, name) {
    const f = collection.fields.find((x) => x.name === name);
    assert.ok(f, `field ${name} in ${JSON.stringify(collection.fields.map((x) => x.name))}`);
    return f;
}

test('create returns the collection with default ids, the id field and every submitted field', async () => {
    const c = await createCollection('coll_create');

    assert.equal(c.id, `pbc_${crc32('base' + c.name)}`);
    assert.equal(c.type, 'base');
    assert.equal(c.system, false);
    assert.deepEqual(c.indexes, []);
    for (const [rule, value] of Object.entries(OPEN_RULES)) {
        assert.equal(c[rule], value, rule);
    }
    assert.match(c.created, DATETIME);
    assert.match(c.updated, DATETIME);
    assert.deepEqual(c.fields[0], ID_FIELD);
    assert.deepEqual(c.fields.map((f) => f.name), ['id', ...FIELDS.map((f) => f.name)]);
    for (const f of c.fields) {
        assert.equal(f.id, `${f.type}${crc32(f.name)}`, `default id of ${f.name}`);
        assert.equal(typeof f.system, 'boolean', `${f.name}.system`);
        assert.equal(typeof f.hidden, 'boolean', `${f.name}.hidden`);
    }

    const title = field(c, 'title');
    assert.equal(title.type, 'text');
    assert.equal(title.required, true);
    assert.equal(title.max, 20);
    assert.equal(title.min, 0);
    assert.equal(title.primaryKey, false);
    assert.equal(field(c, 'count').onlyInt, true);
    assert.equal(field(c, 'active').type, 'bool');
    assert.equal(field(c, 'contact').type, 'email');
    assert.equal(field(c, 'site').type, 'url');
    assert.equal(field(c, 'body').type, 'editor');
    assert.equal(field(c, 'due').type, 'date');
    assert.equal(field(c, 'created').onCreate, true);
    assert.equal(field(c, 'created').onUpdate, false);
    assert.equal(field(c, 'updated').onUpdate, true);
    assert.deepEqual(field(c, 'status').values, ['draft', 'published']);
    assert.equal(field(c, 'status').maxSelect, 1);
    assert.equal(field(c, 'tags').maxSelect, 3);
    assert.equal(field(c, 'meta').type, 'json');
});

test('a record of the new collection carries every field type with its default value', async () => {
    const c = await createCollection('coll_defaults');
    const r = await pb.collection(c.name).create({ title: 'hello' });
    assert.equal(r.collectionId, c.id);
    assert.equal(r.collectionName, c.name);
    assert.equal(r.title, 'hello');
    assert.equal(r.count, 0);
    assert.equal(r.active, false);
    assert.equal(r.contact, '');
    assert.equal(r.site, '');
    assert.equal(r.body, '');
    assert.equal(r.due, '');
    assert.match(r.created, DATETIME);
    assert.match(r.updated, DATETIME);
    assert.equal(r.status, '');
    assert.deepEqual(r.tags, []);
    assert.equal(r.meta, null);
});

test('a record keeps the submitted value of every field type', async () => {
    const c = await createCollection('coll_values');
    const r = await pb.collection(c.name).create({
        title: 'full', count: 42, active: true, contact: 'a@example.com', site: 'https://example.com/x',
        body: '<p>Hi <b>there</b></p>', due: '2024-01-02 03:04:05.678Z', status: 'published',
        tags: ['c', 'a'], meta: { nested: [1, 'two', null], ok: true },
        created: '2000-01-01 00:00:00.000Z', // autodate: ignored
    });
    assert.equal(r.count, 42);
    assert.equal(r.active, true);
    assert.equal(r.contact, 'a@example.com');
    assert.equal(r.site, 'https://example.com/x');
    assert.equal(r.body, '<p>Hi <b>there</b></p>');
    assert.equal(r.due, '2024-01-02 03:04:05.678Z');
    assert.equal(r.status, 'published');
    assert.deepEqual(r.tags, ['c', 'a']);
    assert.deepEqual(r.meta, { nested: [1, 'two', null], ok: true });
    assert.notEqual(r.created, '2000-01-01 00:00:00.000Z');
    assert.deepEqual(await pb.collection(c.name).getOne(r.id), r);
});

test('getOne finds a collection by name and by id', async () => {
    const c = await createCollection('coll_get');
    assert.deepEqual(await pb.collections.getOne(c.name), c);
    assert.deepEqual(await pb.collections.getOne(c.id), c);
});

test('getList and getFullList include the new collection and the system collections', async () => {
    const c = await createCollection('coll_list');
    const page = await pb.collections.getList(1, 500);
    assert.equal(page.page, 1);
    assert.equal(page.perPage, 500);
    assert.ok(page.totalItems >= 2, JSON.stringify({ ...page, items: undefined }));
    assert.equal(page.totalPages, Math.ceil(page.totalItems / 500));
    assert.ok(page.items.some((x) => x.name === c.name));

    const all = await pb.collections.getFullList();
    assert.equal(all.length, page.totalItems);
    assert.deepEqual(all.find((x) => x.name === c.name), c);
    const superusers = all.find((x) => x.name === '_superusers');
    assert.equal(superusers?.type, 'auth');
    assert.equal(superusers?.system, true);
});

test('update adds a field, renames a field keeping its data and removes a field', async () => {
    const c = await createCollection('coll_update');
    const records = pb.collection(c.name);
    const r = await records.create({ title: 'keep', count: 7, site: 'https://example.com' });

    // add
    let updated = await pb.collections.update(c.name, { fields: [...c.fields, { name: 'extra', type: 'text' }] });
    assert.equal(field(updated, 'extra').id, `text${crc32('extra')}`);
    let fetched = await records.getOne(r.id);
    assert.equal(fetched.extra, '');
    assert.equal(fetched.count, 7);

    // rename: same field id, new name
    updated = await pb.collections.update(c.name, {
        fields: updated.fields.map((f) => (f.name === 'count' ? { ...f, name: 'amount' } : f)),
    });
    assert.equal(field(updated, 'amount').id, `number${crc32('count')}`);
    assert.ok(!updated.fields.some((f) => f.name === 'count'));
    fetched = await records.getOne(r.id);
    assert.equal(fetched.amount, 7);
    assert.ok(!('count' in fetched), JSON.stringify(fetched));

    // remove
    updated = await pb.collections.update(c.name, { fields: updated.fields.filter((f) => f.name !== 'site') });
    assert.ok(!updated.fields.some((f) => f.name === 'site'));
    fetched = await records.getOne(r.id);
    assert.ok(!('site' in fetched), JSON.stringify(fetched));
    assert.equal(fetched.title, 'keep');
    assert.equal(fetched.amount, 7);

    // a partial update changes only what it names
    const fields = updated.fields;
    updated = await pb.collections.update(c.name, { listRule: null });
    assert.equal(updated.listRule, null);
    assert.equal(updated.viewRule, '');
    assert.deepEqual(updated.fields, fields);
    assert.deepEqual(await pb.collections.getOne(c.id), updated);
});

test('truncate removes every record and keeps the collection', async () => {
    const c = await createCollection('coll_truncate');
    for (const title of ['a', 'b', 'c']) {
        await pb.collection(c.name).create({ title });
    }
    assert.equal((await pb.collection(c.name).getList(1, 10)).totalItems, 3);
    assert.equal(await pb.collections.truncate(c.name), true);
    const after = await pb.collection(c.name).getList(1, 10);
    assert.equal(after.totalItems, 0);
    assert.equal(after.totalPages, 0);
    assert.deepEqual(after.items, []);
    await pb.collections.getOne(c.name);
});

test('delete removes the collection and its records endpoint', async () => {
    const c = await createCollection('coll_delete');
    assert.equal(await pb.collections.delete(c.name), true);
    await rejects(pb.collections.getOne(c.name), 404);
    await rejects(pb.collection(c.name).getList(), 404);
    await rejects(pb.collections.delete(c.name), 404);
});

test('a duplicate collection name is a validation error', async () => {
    const c = await createCollection('coll_dup');
    const err = await rejects(pb.collections.create({ name: c.name, type: 'base' }), 400, 'Failed to create collection.');
    assert.equal(err.response.data.name?.code, 'validation_collection_name_exists', JSON.stringify(err.response));
});
