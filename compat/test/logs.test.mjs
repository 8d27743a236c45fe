// The logs API through the SDK's pb.logs service: every request is logged into auxiliary.db in the
// background, and superusers list, view, count and truncate the entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATETIME, guest, rejects, superuser } from './helpers.mjs';

/** Polls until the filter matches `count` entries (the log writer works in the background). */
async function waitForLogs(pb, filter, count) {
    for (let i = 0; i < 100; i++) {
        const list = await pb.logs.getList(1, 50, { filter, sort: '-created' });
        if (list.totalItems >= count) {
            return list;
        }
        await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`no ${count} log entries matching ${filter}`);
}

test('requests show up in pb.logs.getList with PocketBase data, filterable and sortable', async () => {
    const pb = await superuser();
    const marker = `m${process.pid}${Date.now().toString(36)}`;
    const client = guest();
    await client.send(`/api/health?${marker}=1`, { headers: { 'User-Agent': 'sdk-logs-test' } });
    await rejects(client.collection(`missing_${marker}`).getList(), 404);

    const list = await waitForLogs(pb, pb.filter('message ~ {:m}', { m: marker }), 2);
    assert.equal(list.items.length, 2);
    const [failed, ok] = list.items.sort((a, b) => b.level - a.level);
    assert.equal(ok.level, 0);
    assert.equal(ok.message, `GET /api/health?${marker}=1`);
    assert.match(ok.created, DATETIME);
    assert.equal(ok.data.type, 'request');
    assert.equal(ok.data.method, 'GET');
    assert.equal(ok.data.status, 200);
    assert.equal(ok.data.userAgent, 'sdk-logs-test');
    assert.equal(ok.data.auth, '');
    assert.equal(typeof ok.data.execTime, 'number');
    assert.equal(failed.level, 8);
    assert.equal(failed.data.status, 404);
    assert.equal(typeof failed.data.error, 'string');

    const errorsOnly = await pb.logs.getList(1, 10, {
        filter: pb.filter('message ~ {:m} && data.status >= 400', { m: marker }),
    });
    assert.deepEqual(errorsOnly.items.map((l) => l.id), [failed.id]);

    const sorted = await pb.logs.getList(1, 10, { filter: pb.filter('message ~ {:m}', { m: marker }), sort: '-level' });
    assert.deepEqual(sorted.items.map((l) => l.level), [8, 0]);
});

test('pb.logs.getOne returns one entry and 404 for an unknown id', async () => {
    const pb = await superuser();
    const marker = `one${process.pid}${Date.now().toString(36)}`;
    await guest().send(`/api/health?${marker}=1`, {});
    const list = await waitForLogs(pb, pb.filter('message ~ {:m}', { m: marker }), 1);
    const one = await pb.logs.getOne(list.items[0].id);
    assert.deepEqual(Object.keys(one), ['id', 'created', 'data', 'message', 'level']);
    assert.equal(one.id, list.items[0].id);
    await rejects(pb.logs.getOne('missing_log_id'), 404);
});

test('pb.logs.getStats counts entries per hour, with a filter', async () => {
    const pb = await superuser();
    const marker = `stats${process.pid}${Date.now().toString(36)}`;
    await guest().send(`/api/health?${marker}=1`, {});
    await waitForLogs(pb, pb.filter('message ~ {:m}', { m: marker }), 1);
    const stats = await pb.logs.getStats({ filter: pb.filter('message ~ {:m}', { m: marker }) });
    assert.equal(stats.length, 1);
    assert.equal(stats[0].total, 1);
    assert.match(stats[0].date, /^\d{4}-\d{2}-\d{2} \d{2}:00:00\.000Z$/);
    await rejects(pb.logs.getStats({ filter: 'data.x ===' }), 400, 'Invalid filter format.');
});

test('the logs API is for superusers only, and pb.logs.truncate() deletes every entry', async () => {
    await rejects(guest().logs.getList(), 401);
    await rejects(guest().logs.truncate(), 401);
    const pb = await superuser();
    const marker = `trunc${process.pid}${Date.now().toString(36)}`;
    await guest().send(`/api/health?${marker}=1`, {});
    await waitForLogs(pb, pb.filter('message ~ {:m}', { m: marker }), 1);
    assert.equal(await pb.logs.truncate(), true);
    const after = await pb.logs.getList(1, 1, { filter: pb.filter('message ~ {:m}', { m: marker }) });
    assert.equal(after.totalItems, 0);
});
