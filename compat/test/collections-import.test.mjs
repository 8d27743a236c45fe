import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

// Other test files run at the same time against the same server, so no import here may succeed with
// deleteMissing=true (it would delete their collections); the failing one below proves the rollback instead.
let pb;
const authors = uniqueName('imp_authors');
const posts = uniqueName('imp_posts');
const authorsId = `pbc_${authors}`;
const postsId = `pbc_${posts}`;

before(async () => {
    pb = await superuser();
});

after(async () => {
    for (const name of [posts, authors]) {
        await pb.collections.delete(name).catch(() => {});
    }
});

test('import creates collections in one call, a relation pointing to a collection listed after it', async () => {
    const result = await pb.collections.import([
        {
            id: postsId, name: posts, type: 'base', listRule: '', viewRule: '',
            fields: [
                { name: 'title', type: 'text', required: true },
                { name: 'author', type: 'relation', collectionId: authorsId, maxSelect: 1 },
            ],
        },
        { id: authorsId, name: authors, type: 'base', viewRule: '', fields: [{ name: 'name', type: 'text' }] },
    ]);
    assert.equal(result, true);

    const stored = await pb.collections.getOne(posts);
    assert.equal(stored.id, postsId);
    assert.deepEqual(stored.fields.map((f) => f.name), ['id', 'title', 'author']);
    const author = await pb.collection(authors).create({ name: 'Ann' });
    const post = await pb.collection(posts).create({ title: 'hello', author: author.id });
    const read = await guest().collection(posts).getOne(post.id, { expand: 'author' });
    assert.equal(read.expand.author.name, 'Ann');
});

test('import merges an entry onto the stored collection found by name and keeps its records', async () => {
    await pb.collection(authors).create({ name: 'Bob' });
    await pb.collections.import([{ name: authors, listRule: '', fields: [{ name: 'bio', type: 'text' }] }]);

    const stored = await pb.collections.getOne(authors);
    assert.equal(stored.listRule, '');
    assert.deepEqual(stored.fields.map((f) => f.name).sort(), ['bio', 'id', 'name']);
    const list = await guest().collection(authors).getFullList({ sort: 'name' });
    assert.ok(list.some((a) => a.name === 'Bob' && a.bio === ''), JSON.stringify(list));
});

test('a failed import answers 400 with the import failure and changes nothing, even with deleteMissing', async () => {
    const err = await rejects(pb.collections.import([
        { name: authors, fields: [] },
        { name: uniqueName('imp_bad'), fields: [{ name: 'expand', type: 'text' }] },
    ], true), 400, 'Failed to import collections.');
    assert.equal(err.response.data.collections.code, 'validation_collections_import_failure');
    assert.match(err.response.data.collections.message, /^Data validations failed for collection "imp_bad_/);

    const stored = await pb.collections.getOne(posts);
    assert.deepEqual(stored.fields.map((f) => f.name), ['id', 'title', 'author']);
    assert.ok((await pb.collections.getOne(authors)).fields.some((f) => f.name === 'name'));
});

test('import without collections is a validation error; a guest is refused', async () => {
    const err = await rejects(pb.collections.import([]), 400, 'An error occurred while validating the submitted data.');
    assert.equal(err.response.data.collections.code, 'validation_required');
    await rejects(guest().collections.import([{ name: uniqueName('imp_guest') }]), 401);
});
