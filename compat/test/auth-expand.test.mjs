import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { guest, superuser, uniqueName } from './helpers.mjs';

// An auth collection whose records point at a team; teams are visible only to signed-in users, so an expanded
// team in an auth response proves that the expansion sees the record just signed in as @request.auth.
let su;
let teams;
let members;
let team;
const PASSWORD = 'secret-123456';

before(async () => {
    su = await superuser();
    const teamsCollection = await su.collections.create({
        name: uniqueName('ax_teams'), type: 'base', viewRule: "@request.auth.id != ''",
        fields: [{ name: 'title', type: 'text' }],
    });
    teams = teamsCollection.name;
    members = (await su.collections.create({
        name: uniqueName('ax_members'), type: 'auth', createRule: '',
        fields: [{ name: 'team', type: 'relation', collectionId: teamsCollection.id, maxSelect: 1 }],
        passwordAuth: { enabled: true, identityFields: ['email'] },
    })).name;
    team = await su.collection(teams).create({ title: 'red' });
    await su.collection(members).create({
        email: 'ax@example.com', password: PASSWORD, passwordConfirm: PASSWORD, team: team.id,
    });
});

after(async () => {
    for (const name of [members, teams]) {
        if (name) await su.collections.delete(name).catch(() => {});
    }
});

test('authWithPassword with expand returns the related record under expand', async () => {
    const pb = guest();
    const auth = await pb.collection(members).authWithPassword('ax@example.com', PASSWORD, { expand: 'team,missing' });

    assert.equal(auth.record.email, 'ax@example.com');
    assert.equal(auth.record.team, team.id);
    assert.deepEqual(Object.keys(auth.record.expand), ['team'], JSON.stringify(auth.record));
    assert.equal(auth.record.expand.team.id, team.id);
    assert.equal(auth.record.expand.team.title, 'red');
    assert.equal(pb.authStore.record.expand.team.id, team.id);
});

test('authWithPassword without expand has no expand key', async () => {
    const auth = await guest().collection(members).authWithPassword('ax@example.com', PASSWORD);
    assert.ok(!('expand' in auth.record), JSON.stringify(auth.record));
});

test('authRefresh honours expand and fields', async () => {
    const pb = guest();
    await pb.collection(members).authWithPassword('ax@example.com', PASSWORD);
    const refreshed = await pb.collection(members).authRefresh({ expand: 'team', fields: 'token,record.id,record.expand.team.title' });

    assert.equal(typeof refreshed.token, 'string');
    assert.deepEqual(refreshed.record, { id: pb.authStore.record.id, expand: { team: { title: 'red' } } });
});

test('the same team is not expanded for a guest reading it directly', async () => {
    // the viewRule needs an auth record: without the signed-in member as @request.auth the expansion would be empty
    await assert.rejects(guest().collection(teams).getOne(team.id), (e) => e.status === 404);
});
