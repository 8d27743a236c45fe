import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATETIME, RECORD_ID, guest, inParallel, rejects, superuser, uniqueName } from './helpers.mjs';

const OPEN_RULES = { listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '' };
const BULK = 1100;

let su;
let posts; // title, n, tags (multiple select), flag, created/updated
let bulk; // 1100 records with n = 0..1099

before(async () => {
    su = await superuser();
    posts = (await su.collections.create({
        name: uniqueName('rec_posts'), type: 'base', ...OPEN_RULES,
        fields: [
            { name: 'title', type: 'text', max: 100 },
            { name: 'n', type: 'number' },
            { name: 'tags', type: 'select', values: ['a', 'b', 'c', 'd'], maxSelect: 4 },
            { name: 'flag', type: 'bool' },
            { name: 'created', type: 'autodate', onCreate: true },
            { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
        ],
    })).name;
    bulk = (await su.collections.create({
        name: uniqueName('rec_bulk'), type: 'base', ...OPEN_RULES,
        fields: [{ name: 'n', type: 'number' }],
    })).name;
    const pb = guest();
    await inParallel([...Array(BULK).keys()], 16, (n) => pb.collection(bulk).create({ n }));
});

after(async () => {
    for (const name of [posts, bulk]) {
        if (name) await su.collections.delete(name).catch(() => {});
    }
});

describe('create and view', () => {
    test('create without an id generates one and returns the full record', async () => {
        const r = await guest().collection(posts).create({ title: 'first', n: 3, tags: ['b'], flag: true });
        assert.match(r.id, RECORD_ID);
        assert.equal(r.collectionName, posts);
        assert.match(r.collectionId, /^pbc_\d+$/);
        assert.equal(r.title, 'first');
        assert.equal(r.n, 3);
        assert.deepEqual(r.tags, ['b']);
        assert.equal(r.flag, true);
        assert.match(r.created, DATETIME);
        assert.equal(r.updated, r.created);
        assert.deepEqual(await guest().collection(posts).getOne(r.id), r);
    });

    test('create with an explicit id keeps it', async () => {
        const id = Math.random().toString(36).slice(2, 9).padEnd(7, '0') + 'explicit';
        const r = await guest().collection(posts).create({ id, title: 'mine' });
        assert.equal(r.id, id);
        assert.equal((await guest().collection(posts).getOne(id)).title, 'mine');
    });

    test('a duplicate or malformed explicit id is a validation error on id', async () => {
        const r = await guest().collection(posts).create({ title: 'dup' });
        let err = await rejects(guest().collection(posts).create({ id: r.id }), 400, 'Failed to create record.');
        assert.equal(err.response.data.id?.code, 'validation_not_unique', JSON.stringify(err.response));
        err = await rejects(guest().collection(posts).create({ id: 'short' }), 400);
        assert.equal(err.response.data.id?.code, 'validation_min_text_constraint', JSON.stringify(err.response));
        err = await rejects(guest().collection(posts).create({ id: 'UPPERCASE_12345' }), 400);
        assert.equal(err.response.data.id?.code, 'validation_invalid_format', JSON.stringify(err.response));
    });

    test('unknown body keys and system keys are ignored', async () => {
        const r = await guest().collection(posts).create({
            title: 'extra', bogus: 1, collectionName: 'other', expand: { x: 1 },
        });
        assert.ok(!('bogus' in r), JSON.stringify(r));
        assert.equal(r.collectionName, posts);
    });
});

describe('paging', () => {
    test('getList reports page, perPage, totalItems and totalPages', async () => {
        const records = guest().collection(bulk);
        const first = await records.getList(1, 10);
        assert.equal(first.page, 1);
        assert.equal(first.perPage, 10);
        assert.equal(first.totalItems, BULK);
        assert.equal(first.totalPages, BULK / 10);
        assert.equal(first.items.length, 10);

        const last = await records.getList(110, 10);
        assert.equal(last.page, 110);
        assert.equal(last.items.length, 10);

        const beyond = await records.getList(111, 10);
        assert.equal(beyond.page, 111);
        assert.deepEqual(beyond.items, []);
        assert.equal(beyond.totalItems, BULK);
        assert.equal(beyond.totalPages, 110);

        const uneven = await records.getList(3, 500);
        assert.equal(uneven.totalPages, 3);
        assert.equal(uneven.items.length, 100);
    });

    test('perPage above 1000 is clamped to 1000 and echoed', async () => {
        const page = await guest().collection(bulk).getList(1, 5000);
        assert.equal(page.perPage, 1000);
        assert.equal(page.items.length, 1000);
        assert.equal(page.totalPages, 2);
        const second = await guest().collection(bulk).getList(2, 5000);
        assert.equal(second.items.length, BULK - 1000);
    });

    test('page and perPage below 1 fall back to 1 and 30', async () => {
        const page = await guest().collection(bulk).getList(0, 0);
        assert.equal(page.page, 1);
        assert.equal(page.perPage, 30);
        assert.equal(page.items.length, 30);
    });

    test('pages do not overlap and together hold every record', async () => {
        const records = guest().collection(bulk);
        const ids = new Set();
        for (let page = 1; page <= 3; page++) {
            for (const r of (await records.getList(page, 400, { sort: 'n' })).items) ids.add(r.id);
        }
        assert.equal(ids.size, BULK);
    });

    test('skipTotal answers -1 totals', async () => {
        const page = await guest().collection(bulk).getList(2, 7, { skipTotal: true });
        assert.equal(page.page, 2);
        assert.equal(page.perPage, 7);
        assert.equal(page.totalItems, -1);
        assert.equal(page.totalPages, -1);
        assert.equal(page.items.length, 7);
    });

    test('getFullList pages through more than one default batch of 1000', async () => {
        const all = await guest().collection(bulk).getFullList();
        assert.equal(all.length, BULK);
        assert.equal(new Set(all.map((r) => r.id)).size, BULK);
    });

    test('getFullList with a small batch returns every record once, in sort order', async () => {
        const all = await guest().collection(bulk).getFullList({ batch: 50, sort: '-n' });
        assert.deepEqual(all.map((r) => r.n), [...Array(BULK).keys()].reverse());
    });
});

describe('sort, fields and first item', () => {
    let sorted;

    before(async () => {
        sorted = (await su.collections.create({
            name: uniqueName('rec_sort'), type: 'base', ...OPEN_RULES,
            fields: [{ name: 'title', type: 'text' }, { name: 'n', type: 'number' }, { name: 'flag', type: 'bool' }],
        })).name;
        const rows = [['delta', 3, true], ['alpha', 10, false], ['charlie', -1.5, true], ['bravo', 2, false],
            ['echo', 0, true], ['Zulu', 7, false], ['foxtrot', 5, true], ['golf', 4, false],
            ['hotel', 8, true], ['india', 9, false]];
        for (const [title, n, flag] of rows) {
            await su.collection(sorted).create({ title, n, flag });
        }
    });

    after(async () => {
        await su.collections.delete(sorted).catch(() => {});
    });

    const titles = async (sort) => (await guest().collection(sorted).getFullList({ sort })).map((r) => r.title);
    const ns = async (sort) => (await guest().collection(sorted).getFullList({ sort })).map((r) => r.n);

    test('sort on a text field ascending and descending (binary collation)', async () => {
        const asc = ['Zulu', 'alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];
        assert.deepEqual(await titles('title'), asc);
        assert.deepEqual(await titles('+title'), asc);
        assert.deepEqual(await titles('-title'), [...asc].reverse());
    });

    test('sort on a number field ascending and descending', async () => {
        const asc = [-1.5, 0, 2, 3, 4, 5, 7, 8, 9, 10];
        assert.deepEqual(await ns('n'), asc);
        assert.deepEqual(await ns('-n'), [...asc].reverse());
    });

    test('sort on several fields', async () => {
        assert.deepEqual(await titles('-flag,n'),
            ['charlie', 'echo', 'delta', 'foxtrot', 'hotel', 'bravo', 'golf', 'Zulu', 'india', 'alpha']);
    });

    test('@random returns every record, not always in the same order', async () => {
        const orders = new Set();
        for (let i = 0; i < 10; i++) {
            const order = await titles('@random');
            assert.equal(order.length, 10);
            assert.deepEqual([...order].sort(), (await titles('title')).sort());
            orders.add(order.join());
        }
        assert.ok(orders.size > 1, 'ten @random lists came back in one order');
    });

    test('fields keeps only the listed keys on items and on a single record', async () => {
        const page = await guest().collection(sorted).getList(1, 3, { fields: 'id,title', sort: 'n' });
        assert.equal(page.page, 1);
        assert.equal(page.perPage, 3);
        assert.equal(page.totalItems, 10);
        for (const item of page.items) {
            assert.deepEqual(Object.keys(item).sort(), ['id', 'title']);
        }
        assert.equal(page.items[0].title, 'charlie');
        const one = await guest().collection(sorted).getOne(page.items[0].id, { fields: 'n' });
        assert.deepEqual(one, { n: -1.5 });
        const star = await guest().collection(sorted).getOne(page.items[0].id, { fields: '*' });
        assert.equal(star.collectionName, sorted);
    });

    test('getFirstListItem returns the first match and 404 when nothing matches', async () => {
        const pb = guest();
        const r = await pb.collection(sorted).getFirstListItem(pb.filter('n > {:n}', { n: 8 }), { sort: 'n' });
        assert.equal(r.title, 'india');
        // the server answers an empty page; the SDK turns it into a 404 of its own (no envelope status)
        const err = await pb.collection(sorted).getFirstListItem('n > 1000').then(
            (value) => assert.fail(`expected 404, got ${JSON.stringify(value)}`), (e) => e);
        assert.equal(err.status, 404);
    });
});

describe('update and delete', () => {
    test('update changes only the submitted fields and refreshes the onUpdate autodate', async () => {
        const records = guest().collection(posts);
        const r = await records.create({ title: 'before', n: 1, tags: ['a'] });
        await new Promise((resolve) => setTimeout(resolve, 5));
        const u = await records.update(r.id, { title: 'after' });
        assert.equal(u.id, r.id);
        assert.equal(u.title, 'after');
        assert.equal(u.n, 1);
        assert.deepEqual(u.tags, ['a']);
        assert.equal(u.created, r.created);
        assert.ok(u.updated > r.updated, `updated ${u.updated} after ${r.updated}`);
        assert.deepEqual(await records.getOne(r.id), u);
    });

    test('number modifiers add and subtract', async () => {
        const records = guest().collection(posts);
        const r = await records.create({ title: 'counter', n: 10, 'n+': 2 });
        assert.equal(r.n, 12);
        assert.equal((await records.update(r.id, { 'n+': 5 })).n, 17);
        assert.equal((await records.update(r.id, { 'n-': 20 })).n, -3);
        assert.equal((await records.update(r.id, { 'n+': 0.5 })).n, -2.5);
    });

    test('select modifiers append, prepend and remove', async () => {
        const records = guest().collection(posts);
        const r = await records.create({ title: 'tags', tags: ['b'] });
        assert.deepEqual((await records.update(r.id, { 'tags+': 'c' })).tags, ['b', 'c']);
        assert.deepEqual((await records.update(r.id, { '+tags': 'a' })).tags, ['a', 'b', 'c']);
        assert.deepEqual((await records.update(r.id, { 'tags-': ['b'] })).tags, ['a', 'c']);
        assert.deepEqual((await records.update(r.id, { 'tags+': ['d', 'a'] })).tags, ['a', 'c', 'd']);
        assert.deepEqual((await records.update(r.id, { 'tags-': 'zzz' })).tags, ['a', 'c', 'd']);
        assert.deepEqual((await records.getOne(r.id)).tags, ['a', 'c', 'd']);
    });

    test('delete removes the record: getOne, update and a second delete answer 404', async () => {
        const records = guest().collection(posts);
        const r = await records.create({ title: 'doomed' });
        assert.equal(await records.delete(r.id), true);
        await rejects(records.getOne(r.id), 404, "The requested resource wasn't found.");
        await rejects(records.update(r.id, { title: 'x' }), 404);
        await rejects(records.delete(r.id), 404);
    });
});
