import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

// The file field through the SDK: FormData and plain-object uploads, pb.files.getURL (thumbs, download),
// modifiers and validation errors, against files the server really stores and serves.
let su;
let docs;

before(async () => {
    su = await superuser();
    docs = (await su.collections.create({
        name: uniqueName('files'), type: 'base',
        listRule: '', viewRule: '', createRule: '', updateRule: '', deleteRule: '',
        fields: [
            { name: 'title', type: 'text' },
            { name: 'attachments', type: 'file', maxSelect: 3, maxSize: 1000000 },
            { name: 'cover', type: 'file', maxSelect: 1, mimeTypes: ['image/png'], thumbs: ['40x0'] },
        ],
    })).name;
});

after(async () => {
    if (docs) await su.collections.delete(docs).catch(() => {});
});

/** A w×h RGB PNG (red), built with zlib: enough for the server's sniffing and thumbs. */
function png(w, h) {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        return c >>> 0;
    });
    const crc = (buf) => {
        let c = 0xffffffff;
        for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
        return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type, data) => {
        const len = Buffer.alloc(4);
        len.writeUInt32BE(data.length);
        const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
        const sum = Buffer.alloc(4);
        sum.writeUInt32BE(crc(td));
        return Buffer.concat([len, td, sum]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    const rows = [];
    for (let y = 0; y < h; y++) {
        rows.push(Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([255, 0, 0])));
    }
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
    ]);
}

function pngSize(bytes) {
    const b = Buffer.from(bytes);
    return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('FormData uploads are stored under PocketBase names and served at pb.files.getURL', async () => {
    const pb = guest();
    const data = new FormData();
    data.append('title', 'with FormData');
    data.append('attachments', new Blob(['hello sdk'], { type: 'text/plain' }), 'Hello SDK.txt');
    const record = await pb.collection(docs).create(data);
    assert.equal(record.title, 'with FormData');
    assert.equal(record.attachments.length, 1);
    assert.match(record.attachments[0], /^hello_sdk_[a-z0-9]{10}\.txt$/);

    const url = pb.files.getURL(record, record.attachments[0]);
    assert.ok(url.startsWith(`${pb.baseURL}/api/files/`), url);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello sdk');
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="${record.attachments[0]}"`);
    assert.equal(res.headers.get('x-frame-options'), null);
});

test('plain objects with File values upload too, and modifiers append and remove files', async () => {
    const pb = guest();
    const record = await pb.collection(docs).create({
        title: 'plain object',
        attachments: [new File(['one'], 'one.txt'), new File(['two'], 'two.txt')],
    });
    assert.equal(record.attachments.length, 2);

    const appended = await pb.collection(docs).update(record.id, { 'attachments+': new File(['three'], 'three.txt') });
    assert.equal(appended.attachments.length, 3);
    assert.deepEqual(appended.attachments.slice(0, 2), record.attachments);

    const removed = await pb.collection(docs).update(record.id, { 'attachments-': [record.attachments[0]] });
    assert.deepEqual(removed.attachments, appended.attachments.slice(1));
    const gone = await fetch(pb.files.getURL(record, record.attachments[0]));
    assert.equal(gone.status, 404);

    const cleared = await pb.collection(docs).update(record.id, { attachments: [] });
    assert.deepEqual(cleared.attachments, []);
});

test('thumbs listed on the field are made from the image; download forces an attachment', async () => {
    const pb = guest();
    const record = await pb.collection(docs).create({ title: 'image', cover: new File([png(80, 60)], 'cover.png') });
    assert.match(record.cover, /^cover_[a-z0-9]{10}\.png$/);

    const original = await fetch(pb.files.getURL(record, record.cover));
    assert.equal(original.headers.get('content-type'), 'image/png');
    assert.match(original.headers.get('content-disposition'), /^inline; filename="cover_/);
    assert.deepEqual(pngSize(await original.arrayBuffer()), [80, 60]);

    const thumb = await fetch(pb.files.getURL(record, record.cover, { thumb: '40x0' }));
    assert.deepEqual(pngSize(await thumb.arrayBuffer()), [40, 30]);
    const square = await fetch(pb.files.getURL(record, record.cover, { thumb: '100x100' }));
    assert.deepEqual(pngSize(await square.arrayBuffer()), [100, 100]);
    const unlisted = await fetch(pb.files.getURL(record, record.cover, { thumb: '10x10' }));
    assert.deepEqual(pngSize(await unlisted.arrayBuffer()), [80, 60]);

    const download = await fetch(pb.files.getURL(record, record.cover, { download: true }));
    assert.match(download.headers.get('content-disposition'), /^attachment; filename="cover_/);
});

test('uploads that break the field rules are 400s with PocketBase codes', async () => {
    const pb = guest();
    const tooMany = await rejects(pb.collection(docs).create({
        attachments: ['a', 'b', 'c', 'd'].map((n) => new File([n], `${n}.txt`)),
    }), 400, 'Failed to create record.');
    assert.equal(tooMany.response.data.attachments.code, 'validation_too_many_files');

    const notAnImage = await rejects(pb.collection(docs).create({ cover: new File(['not a png'], 'fake.png') }), 400);
    assert.equal(notAnImage.response.data.cover.code, 'validation_invalid_mime_type');
});
