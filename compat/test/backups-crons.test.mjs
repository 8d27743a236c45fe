import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATETIME, PB_STORE, PB_URL, guest, rejects, superuser } from './helpers.mjs';

// Backups and crons through the SDK's pb.backups, pb.files and pb.crons services. The real restore runs in
// ../restore/ against a server of its own: a restore swaps the whole data dir, which the other files of this
// suite (running in parallel on this server) would not survive.

const name = `sdk_${process.pid}_${Date.now().toString(36)}.zip`;

/** An empty zip archive: just the end-of-central-directory record. */
function emptyZip() {
    const bytes = new Uint8Array(22);
    bytes.set([0x50, 0x4b, 0x05, 0x06]);
    return bytes;
}

test('create, list, download with a file token and delete a backup', async () => {
    const su = await superuser();
    if (PB_STORE === 'postgres') {
        // a PostgreSQL app's data is not in pb_data: a backup is refused and points at PostgreSQL's own tools
        const refused = await rejects(su.backups.create(name), 400);
        assert.match(refused.response.message, /PostgreSQL.*pg_dump/);
        assert.ok(!(await su.backups.getFullList()).some((b) => b.key === name));
        return;
    }
    assert.equal(await su.backups.create(name), true);
    const listed = (await su.backups.getFullList()).find((b) => b.key === name);
    assert.ok(listed, `${name} is listed`);
    assert.deepEqual(Object.keys(listed).sort(), ['key', 'modified', 'size']);
    assert.ok(listed.size > 0);
    assert.match(listed.modified, DATETIME);

    const token = await su.files.getToken();
    const url = su.backups.getDownloadURL(token, name);
    assert.ok(url.startsWith(`${PB_URL}/api/backups/${name}?token=`), url);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), `attachment; filename=${name}`);
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(body.length, listed.size);
    assert.ok(body.includes('data.db') && body.includes('auxiliary.db'));

    // an auth token is no file token
    assert.equal((await fetch(su.backups.getDownloadURL(su.authStore.token, name))).status, 403);

    assert.equal(await su.backups.delete(name), true);
    assert.ok(!(await su.backups.getFullList()).some((b) => b.key === name));
    await rejects(su.backups.delete(name), 400);
});

test('upload a zip; names and duplicates are validated', async () => {
    const su = await superuser();
    const uploaded = `up_${name}`;
    assert.equal(await su.backups.upload({ file: new File([emptyZip()], uploaded) }), true);
    assert.ok((await su.backups.getFullList()).some((b) => b.key === uploaded));
    const dup = await rejects(su.backups.upload({ file: new File([emptyZip()], uploaded) }), 400);
    assert.equal(dup.response.data.file.code, 'validation_backup_name_exists');
    const notZip = await rejects(su.backups.upload({ file: new File(['plain text'], 'x.zip') }), 400);
    assert.equal(notZip.response.data.file.code, 'validation_invalid_mime_type');
    const badName = await rejects(su.backups.create('Bad Name.zip'), 400);
    assert.equal(badName.response.data.name.code, 'validation_match_invalid');
    await rejects(su.backups.restore('missing.zip'), 400, 'Missing or invalid backup file.');
    await su.backups.delete(uploaded);
});

test('guests and regular users cannot use the backups API; guests get no file token', async () => {
    const pb = guest();
    await rejects(pb.backups.getFullList(), 401);
    await rejects(pb.backups.create(''), 401);
    await rejects(pb.files.getToken(), 401);
    await rejects(pb.crons.getFullList(), 401);
});

test('crons: list the system jobs and run one now', async () => {
    const su = await superuser();
    const jobs = await su.crons.getFullList();
    const ids = jobs.map((j) => j.id);
    for (const id of ['__pbDBOptimize__', '__pbMFACleanup__', '__pbOTPCleanup__', '__pbLogsCleanup__']) {
        assert.ok(ids.includes(id), `${id} in ${ids}`);
    }
    assert.deepEqual(jobs.find((j) => j.id === '__pbLogsCleanup__'), { id: '__pbLogsCleanup__', expression: '0 */6 * * *' });
    assert.equal(await su.crons.run('__pbOTPCleanup__'), true);
    await rejects(su.crons.run('missing'), 404, 'Missing or invalid cron job.');
});
