// Filters built with pb.filter() on plain fields. Expected results follow PocketBase v0.39.11:
// = and != are case-sensitive and treat NULL and '' alike, ~ and !~ are case-insensitive LIKE
// with the value wrapped in %...%, and != compiles to IS NOT.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

const QUOTED = `it's "quoted" {:t}`;
const ROWS = [
    { title: 'alpha', n: 1, flag: true, note: 'x' },
    { title: 'beta', n: 2, flag: false, note: '' },
    { title: 'gamma', n: 3, flag: true },
    { title: 'Alphabet', n: 10, flag: false, note: 'hello world' },
    { title: 'delta', n: 0, note: 'x' },
    { title: 'epsilon', n: 5, flag: true, note: 'x' },
    { title: QUOTED, n: -2, note: '100%' },
];
const ALL = ROWS.map((r) => r.title);

let su;
let items;

before(async () => {
    su = await superuser();
    items = (await su.collections.create({
        name: uniqueName('flt_items'), type: 'base',
        listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '',
        fields: [
            { name: 'title', type: 'text' }, { name: 'n', type: 'number' },
            { name: 'flag', type: 'bool' }, { name: 'note', type: 'text' },
        ],
    })).name;
    for (const row of ROWS) {
        await su.collection(items).create(row);
    }
});

after(async () => {
    if (items) await su.collections.delete(items).catch(() => {});
});

async function titles(expr, params) {
    const pb = guest();
    const list = await pb.collection(items).getFullList({ filter: pb.filter(expr, params) });
    return list.map((r) => r.title).sort();
}

const except = (...excluded) => ALL.filter((t) => !excluded.includes(t)).sort();

const CASES = [
    // [expression, params, expected titles]
    ['title = {:t}', { t: 'alpha' }, ['alpha']],
    ['title = {:t}', { t: 'ALPHA' }, []],
    ['title != {:t}', { t: 'alpha' }, except('alpha')],
    ['title ~ {:t}', { t: 'alph' }, ['Alphabet', 'alpha']],
    ['title ~ {:t}', { t: 'ALPH' }, ['Alphabet', 'alpha']],
    ['title !~ {:t}', { t: 'ph' }, except('alpha', 'Alphabet')],
    ['note ~ {:t}', { t: '10' }, [QUOTED]],
    ['note ~ {:t}', { t: '1%' }, [QUOTED]], // an unescaped % makes the value the whole LIKE pattern
    ['note ~ {:t}', { t: '0%' }, []],
    ['title ~ {:t}', { t: 'al%' }, ['Alphabet', 'alpha']],
    ['n < {:n}', { n: 2 }, ['alpha', 'delta', QUOTED]],
    ['n <= {:n}', { n: 2 }, ['alpha', 'beta', 'delta', QUOTED]],
    ['n > {:n}', { n: 2 }, ['Alphabet', 'epsilon', 'gamma']],
    ['n >= {:n}', { n: 5 }, ['Alphabet', 'epsilon']],
    ['n = {:n}', { n: -2 }, [QUOTED]],
    ['n > {:n}', { n: 2.5 }, ['Alphabet', 'epsilon', 'gamma']],
    ['flag = {:b}', { b: true }, ['alpha', 'epsilon', 'gamma']],
    ['flag = {:b}', { b: false }, except('alpha', 'epsilon', 'gamma')],
    ['flag != true', {}, except('alpha', 'epsilon', 'gamma')],
    ['note = {:t} && n > {:n}', { t: 'x', n: 1 }, ['epsilon']],
    ['title = {:t} && n > {:n}', { t: 'x', n: 1 }, []],
    ['flag = true && n > 1', {}, ['epsilon', 'gamma']],
    ['n = 0 || title = {:t}', { t: 'beta' }, ['beta', 'delta']],
    ['(n = 1 || n = 2) && flag = false', {}, ['beta']],
    ['(n = 1 || n = 2) && flag = true', {}, ['alpha']],
    ['n = 1 || (n = 2 && flag = true)', {}, ['alpha']],
    ['(n = 1 || (n = 2 && flag = false)) && (title ~ "a" || title ~ "e")', {}, ['alpha', 'beta']],
    ["title = 'alpha' || title = \"beta\"", {}, ['alpha', 'beta']],
    ['title = {:t}', { t: QUOTED }, [QUOTED]],
    // null and '' are the same thing for = and !=
    ['note = null', {}, ['beta', 'gamma']],
    ['note = {:t}', { t: null }, ['beta', 'gamma']],
    ["note = ''", {}, ['beta', 'gamma']],
    ['note != null', {}, except('beta', 'gamma')],
    ["note != ''", {}, except('beta', 'gamma')],
    ['note = title', {}, []],
    ['note != title', {}, ALL.slice().sort()],
];

describe('pb.filter on plain fields', () => {
    for (const [expr, params, expected] of CASES) {
        test(`${expr} with ${JSON.stringify(params)}`, async () => {
            assert.deepEqual(await titles(expr, params), [...expected].sort());
        });
    }
});

test('totals of a filtered list count only the matches', async () => {
    const page = await guest().collection(items).getList(1, 2, { filter: 'note = "x"' });
    assert.equal(page.totalItems, 3);
    assert.equal(page.totalPages, 2);
    assert.equal(page.items.length, 2);
});

test('filter and sort combine', async () => {
    const list = await guest().collection(items).getFullList({ filter: 'n >= 0', sort: '-n' });
    assert.deepEqual(list.map((r) => r.n), [10, 5, 3, 2, 1, 0]);
});

test('a guest may not filter by @request or @collection', async () => {
    await rejects(guest().collection(items).getList(1, 10, { filter: "@request.auth.id != ''" }), 403,
        'Only superusers can filter by @request.');
    await rejects(guest().collection(items).getList(1, 10, { filter: `@collection.${items}.n > 0` }), 403,
        'Only superusers can filter by @collection.');
    const list = await su.collection(items).getList(1, 10, { filter: "@request.auth.id != ''" });
    assert.equal(list.totalItems, ROWS.length);
});

describe('a non-empty rule filters what a guest sees', () => {
    let ruled;

    before(async () => {
        ruled = (await su.collections.create({
            name: uniqueName('flt_rule'), type: 'base',
            listRule: 'n > 1', viewRule: 'n > 1', createRule: 'n > 1', updateRule: 'n > 1', deleteRule: 'n > 1',
            fields: [{ name: 'title', type: 'text' }, { name: 'n', type: 'number' }],
        })).name;
        for (const [title, n] of [['low', 1], ['mid', 2], ['high', 3]]) {
            await su.collection(ruled).create({ title, n });
        }
    });

    after(async () => {
        if (ruled) await su.collections.delete(ruled).catch(() => {});
    });

    test('list and filter are AND-ed with the list rule', async () => {
        const records = guest().collection(ruled);
        const all = await records.getList(1, 10);
        assert.equal(all.totalItems, 2);
        assert.deepEqual(all.items.map((r) => r.title).sort(), ['high', 'mid']);
        const filtered = await records.getFullList({ filter: 'n < 3' });
        assert.deepEqual(filtered.map((r) => r.title), ['mid']);
    });

    test('view, update and delete of a record outside the rule answer 404; create answers 400', async () => {
        const records = guest().collection(ruled);
        const low = await su.collection(ruled).getFirstListItem('title = "low"');
        await rejects(records.getOne(low.id), 404);
        await rejects(records.update(low.id, { title: 'x' }), 404);
        await rejects(records.delete(low.id), 404);
        const err = await rejects(records.create({ title: 'new', n: 0 }), 400, 'Failed to create record.');
        assert.deepEqual(err.response.data, {});
        const made = await records.create({ title: 'new', n: 5 });
        assert.equal(made.n, 5);
    });
});

describe('@request.auth in rules and superuser filters', () => {
    let users;
    let notes;

    before(async () => {
        users = (await su.collections.create({ name: uniqueName('flt_users'), type: 'auth', createRule: '' })).name;
        notes = (await su.collections.create({
            name: uniqueName('flt_notes'), type: 'base',
            listRule: "@request.auth.id != ''", viewRule: "@request.auth.id != ''",
            fields: [{ name: 'title', type: 'text' }],
        })).name;
        await guest().collection(users).create({ email: 'reader@example.com', password: '12345678', passwordConfirm: '12345678' });
        await su.collection(notes).create({ title: 'members only' });
    });

    after(async () => {
        for (const name of [notes, users]) {
            if (name) await su.collections.delete(name).catch(() => {});
        }
    });

    test("a signed-in user passes the rule @request.auth.id != '' and a guest does not", async () => {
        const member = guest();
        const auth = await member.collection(users).authWithPassword('reader@example.com', '12345678');
        assert.equal(member.authStore.isSuperuser, false);
        assert.equal(auth.record.email, 'reader@example.com');
        const seen = await member.collection(notes).getList(1, 10);
        assert.deepEqual(seen.items.map((r) => r.title), ['members only']);
        assert.equal((await guest().collection(notes).getList(1, 10)).totalItems, 0);
        await rejects(guest().collection(notes).getOne(seen.items[0].id), 404);
    });

    test("a superuser's filter sees its own id in @request.auth.id", async () => {
        const id = su.authStore.record.id;
        assert.equal((await su.collection(notes).getList(1, 10, { filter: su.filter('@request.auth.id = {:id}', { id }) })).totalItems, 1);
        assert.equal((await su.collection(notes).getList(1, 10, { filter: "@request.auth.collectionName = '_superusers'" })).totalItems, 1);
    });
});
