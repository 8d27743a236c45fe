// The rule language through the SDK: @collection joins with aliases, @request.auth and @request.body relation
// paths, :changed, and geoPoint values with geoDistance(), as PocketBase v0.39.11 answers them. Filters are built
// with pb.filter() so that values travel as the SDK escapes them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

const PASSWORD = 'sdk-pass-123';

let su;
let teams;
let members;
let docs;
let grants;
let alice;
let bob;
const ids = {};

async function signIn(email) {
    const pb = guest();
    await pb.collection(members).authWithPassword(email, PASSWORD);
    return pb;
}

before(async () => {
    su = await superuser();
    teams = await su.collections.create({
        name: uniqueName('q_teams'), type: 'base', listRule: '', viewRule: '',
        fields: [{ name: 'name', type: 'text' }],
    });
    const membersCollection = await su.collections.create({
        name: uniqueName('q_members'), type: 'auth', listRule: '', viewRule: '',
        fields: [{ name: 'name', type: 'text' },
            { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 }],
    });
    members = membersCollection.name;
    const docsCollection = await su.collections.create({
        name: uniqueName('q_docs'), type: 'base',
        createRule: "@request.auth.id != '' && @request.body.team.name != 'locked'",
        updateRule: 'owner = @request.auth.id && @request.body.locked:changed = false',
        fields: [
            { name: 'title', type: 'text' },
            { name: 'locked', type: 'bool' },
            { name: 'owner', type: 'relation', collectionId: membersCollection.id, maxSelect: 1 },
            { name: 'team', type: 'relation', collectionId: teams.id, maxSelect: 1 },
            { name: 'place', type: 'geoPoint' },
        ],
    });
    docs = docsCollection.name;
    grants = (await su.collections.create({
        name: uniqueName('q_grants'), type: 'base',
        fields: [
            { name: 'member', type: 'relation', collectionId: membersCollection.id, maxSelect: 1 },
            { name: 'doc', type: 'relation', collectionId: docsCollection.id, maxSelect: 1 },
        ],
    })).name;
    // a doc is listed and viewed only by the members an aliased @collection join finds a grant for
    const grantRule = `@collection.${grants}:g.member ?= @request.auth.id && @collection.${grants}:g.doc ?= id`;
    await su.collections.update(docs, { listRule: grantRule, viewRule: grantRule });

    const red = await su.collection(teams.name).create({ name: 'red' });
    const locked = await su.collection(teams.name).create({ name: 'locked' });
    ids.red = red.id;
    ids.locked = locked.id;
    for (const name of ['alice', 'bob']) {
        const m = await su.collection(members).create({
            email: `${name}@example.com`, password: PASSWORD, passwordConfirm: PASSWORD, name, team: red.id,
        });
        ids[name] = m.id;
    }
    for (const [title, owner, place] of [
        ['sofia', 'alice', { lon: 23.3219, lat: 42.6977 }],
        ['plovdiv', 'alice', { lon: 24.7453, lat: 42.1354 }],
        ['new york', 'bob', { lon: -74.006, lat: 40.7128 }],
    ]) {
        const d = await su.collection(docs).create({ title, owner: ids[owner], place });
        ids[title] = d.id;
    }
    await su.collection(grants).create({ member: ids.alice, doc: ids.sofia });
    await su.collection(grants).create({ member: ids.alice, doc: ids['new york'] });
    await su.collection(grants).create({ member: ids.bob, doc: ids.plovdiv });
    alice = await signIn('alice@example.com');
    bob = await signIn('bob@example.com');
});

after(async () => {
    for (const name of [grants, docs, members, teams?.name]) {
        if (name) await su.collections.delete(name).catch(() => {});
    }
});

const titles = (list) => list.map((r) => r.title).sort();

describe('@collection rules', () => {
    test('an aliased @collection join decides what each member lists and views', async () => {
        assert.deepEqual(titles(await alice.collection(docs).getFullList()), ['new york', 'sofia']);
        assert.deepEqual(titles(await bob.collection(docs).getFullList()), ['plovdiv']);
        assert.deepEqual(await guest().collection(docs).getFullList(), []);
        assert.equal((await alice.collection(docs).getOne(ids.sofia)).title, 'sofia');
        await rejects(alice.collection(docs).getOne(ids.plovdiv), 404);
    });

    test('client filters with @collection are for superusers only', async () => {
        const filter = alice.filter(`@collection.${grants}.doc ?= id && title = {:t}`, { t: 'sofia' });
        await rejects(alice.collection(docs).getList(1, 10, { filter }), 403, 'Only superusers can filter by @collection.');
        const found = await su.collection(docs).getFullList({ filter: su.filter(`@collection.${grants}.doc ?= id && title != {:t}`, { t: 'sofia' }) });
        assert.deepEqual(titles(found), ['new york', 'plovdiv']);
    });

    test('two aliases join the same collection twice; plain operators need every row', async () => {
        const both = su.filter(`@collection.${members}:a.name ?= {:a} && @collection.${members}:b.name ?= {:b}`, { a: 'alice', b: 'bob' });
        assert.equal((await su.collection(docs).getFullList({ filter: both })).length, 3);
        const sameJoin = su.filter(`@collection.${members}.name ?= {:a} && @collection.${members}.name ?= {:b}`, { a: 'alice', b: 'bob' });
        assert.equal((await su.collection(docs).getFullList({ filter: sameJoin })).length, 0);
        const every = su.filter(`@collection.${members}.name = {:a}`, { a: 'alice' });
        assert.equal((await su.collection(docs).getFullList({ filter: every })).length, 0);
    });
});

describe('@request rules', () => {
    test('the create rule follows an @request.body relation', async () => {
        await rejects(alice.collection(docs).create({ title: 'x', team: ids.locked }), 400, 'Failed to create record.');
        await rejects(guest().collection(docs).create({ title: 'x' }), 400, 'Failed to create record.');
        const created = await alice.collection(docs).create({ title: 'mine', team: ids.red, owner: ids.alice });
        assert.equal(created.team, ids.red);
        await su.collection(docs).delete(created.id);
    });

    test(':changed lets the owner edit everything but the locked flag', async () => {
        await su.collection(grants).create({ member: ids.alice, doc: ids.plovdiv });
        const edited = await alice.collection(docs).update(ids.plovdiv, { title: 'plovdiv', locked: false });
        assert.equal(edited.locked, false);
        await rejects(alice.collection(docs).update(ids.plovdiv, { locked: true }), 404);
        await rejects(bob.collection(docs).update(ids.plovdiv, { title: 'bob was here' }), 404);
        assert.equal((await su.collection(docs).getOne(ids.plovdiv)).locked, false);
    });
});

describe('geoPoint', () => {
    test('values are {lon, lat} objects, also from multipart JSON text', async () => {
        const sofia = await su.collection(docs).getOne(ids.sofia);
        assert.deepEqual(sofia.place, { lon: 23.3219, lat: 42.6977 });
        const form = new FormData();
        form.append('title', 'multipart');
        form.append('place', JSON.stringify({ lon: 2.3522, lat: 48.8566 }));
        const paris = await su.collection(docs).create(form);
        assert.deepEqual(paris.place, { lon: 2.3522, lat: 48.8566 });
        const blank = await su.collection(docs).create({ title: 'blank' });
        assert.deepEqual(blank.place, { lon: 0, lat: 0 });
        await su.collection(docs).delete(paris.id);
        await su.collection(docs).delete(blank.id);
    });

    test('geoDistance() and lon/lat paths filter with pb.filter() params', async () => {
        const near = su.filter('geoDistance(place.lon, place.lat, {:lon}, {:lat}) < {:km}', { lon: 23.32, lat: 42.69, km: 200 });
        assert.deepEqual(titles(await su.collection(docs).getFullList({ filter: near })), ['plovdiv', 'sofia']);
        const west = su.filter('place.lon < {:lon}', { lon: 0 });
        assert.deepEqual(titles(await su.collection(docs).getFullList({ filter: west })), ['new york']);
        const sorted = await su.collection(docs).getFullList({ filter: su.filter('place.lat > {:lat}', { lat: 42 }), sort: '-place.lat' });
        assert.deepEqual(sorted.map((r) => r.title), ['sofia', 'plovdiv']);
    });

    test('coordinates out of range fail with PocketBase codes', async () => {
        const err = await rejects(su.collection(docs).create({ place: { lon: 10, lat: 91 } }), 400, 'Failed to create record.');
        assert.deepEqual(err.response.data.place, {
            code: 'validation_invalid_latitude', message: 'Latitude must be between -90 and 90 degrees.',
        });
        const lon = await rejects(su.collection(docs).create({ place: { lon: -181, lat: 0 } }), 400);
        assert.equal(lon.response.data.place.code, 'validation_invalid_longitude');
    });
});
