import assert from 'node:assert/strict';
import { test } from 'node:test';
import { superuser } from '../test/helpers.mjs';

// pb.backups.restore() on a server of its own (SdkCompatibilityTest.officialJsSdkRestoresABackup).

async function eventually(check) {
    const until = Date.now() + 30_000;
    for (;;) {
        try {
            return await check();
        } catch (e) {
            if (Date.now() > until) throw e;
            await new Promise((r) => setTimeout(r, 100));
        }
    }
}

test('a restore brings back the data of the backup, and the server keeps serving', async () => {
    const su = await superuser();
    const notes = await su.collections.create({
        name: 'notes', type: 'base', listRule: '', viewRule: '', createRule: '',
        fields: [{ name: 'text', type: 'text' }],
    });
    const before = await su.collection('notes').create({ text: 'in the backup' });
    await su.backups.create('before.zip');
    await su.collection('notes').create({ text: 'after the backup' });
    await su.collections.create({ name: 'later', type: 'base', fields: [] });

    assert.equal(await su.backups.restore('before.zip'), true);

    const texts = await eventually(async () => {
        const items = (await (await superuser()).collection('notes').getFullList()).map((r) => r.text);
        assert.deepEqual(items, ['in the backup']);
        return items;
    });
    assert.deepEqual(texts, ['in the backup']);
    const again = await superuser();
    assert.equal((await again.collection('notes').getOne(before.id)).text, 'in the backup');
    assert.equal((await again.collections.getFullList()).some((c) => c.name === 'later'), false);
    assert.equal((await again.collections.getOne(notes.id)).name, 'notes');
    assert.ok((await again.backups.getFullList()).some((b) => b.key === 'before.zip'));
});
