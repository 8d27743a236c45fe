import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { guest, rejects, superuser, uniqueName } from './helpers.mjs';

// Images through the SDK: WebP uploads get PNG thumbs at pb.files.getURL, and uploads whose header declares a
// decompression bomb, or that only claim to be images, are 400s with pb4j's codes.
let su;
let pics;

before(async () => {
    su = await superuser();
    pics = (await su.collections.create({
        name: uniqueName('pics'), type: 'base', viewRule: '', createRule: '',
        fields: [
            { name: 'image', type: 'file', maxSelect: 1, thumbs: ['20x0'] },
        ],
    })).name;
});

after(async () => {
    if (pics) await su.collections.delete(pics).catch(() => {});
});

// 40x20, left half red, right half blue: made once with libwebp's `cwebp -lossless` from such a PNG
const LOSSLESS_WEBP = Buffer.from('UklGRioAAABXRUJQVlA4TB4AAAAvJ8AEAA8wFKdAPg73/EcLBAKEA/+1BgRE9D9K2AM=', 'base64');

function pngSize(buf) {
    const view = new DataView(buf);
    return [view.getUint32(16), view.getUint32(20)];
}

/** A PNG of a few hundred bytes whose header declares a w×h grayscale canvas (the pixel data is cut short). */
function bombPng(w, h) {
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
        const out = Buffer.alloc(12 + data.length);
        out.writeUInt32BE(data.length, 0);
        out.write(type, 4, 'latin1');
        data.copy(out, 8);
        out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
        return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr[8] = 8; // bit depth; color type 0 (gray)
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(Buffer.alloc(65536))), chunk('IEND', Buffer.alloc(0))]);
}

test('a WebP upload is served as it is and its thumbs are PNGs', async () => {
    const pb = guest();
    const data = new FormData();
    data.append('image', new Blob([LOSSLESS_WEBP], { type: 'image/webp' }), 'pic.webp');
    const record = await pb.collection(pics).create(data);
    assert.match(record.image, /^pic_[a-z0-9]{10}\.webp$/);

    const original = await fetch(pb.files.getURL(record, record.image));
    assert.equal(original.headers.get('content-type'), 'image/webp');
    const thumb = await fetch(pb.files.getURL(record, record.image, { thumb: '100x100' }));
    assert.equal(thumb.status, 200);
    assert.equal(thumb.headers.get('content-type'), 'image/png');
    assert.deepEqual(pngSize(await thumb.arrayBuffer()), [100, 100]);
    const listed = await fetch(pb.files.getURL(record, record.image, { thumb: '20x0' }));
    assert.deepEqual(pngSize(await listed.arrayBuffer()), [20, 10]);
});

test('a decompression bomb and a file that only claims to be an image are refused', async () => {
    const pb = guest();
    const before = (await su.collection(pics).getList(1, 1)).totalItems;
    const bomb = await rejects(pb.collection(pics).create({ image: new File([bombPng(100000, 100000)], 'bomb.png') }), 400,
        'Failed to create record.');
    assert.equal(bomb.response.data.image.code, 'validation_image_too_large');
    assert.equal(bomb.response.data.image.message,
        'Failed to upload bomb.png - the image is 100000x100000 pixels, more than the allowed 67108864.');

    const fake = await rejects(pb.collection(pics).create({ image: new File(['not a picture'], 'photo.jpg', { type: 'image/jpeg' }) }), 400);
    assert.equal(fake.response.data.image.code, 'validation_invalid_image');
    assert.equal((await su.collection(pics).getList(1, 1)).totalItems, before);
});
