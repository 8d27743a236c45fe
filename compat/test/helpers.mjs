// Shared setup for the SDK compatibility suite. Every test talks to the server only through the
// official `pocketbase` SDK; the server URL and superuser credentials come from the environment
// (SdkCompatibilityTest sets them for a fresh pb4j server).
import assert from 'node:assert/strict';
import PocketBase, { ClientResponseError } from 'pocketbase';

// pocketbase@0.28.1 implements pb.filter() with RegExp.escape, which only exists from Node 24 on
// (and in current browsers). On older runtimes we install an equivalent, so that pb.filter() builds
// exactly the strings it builds on Node 24; the server never sees a difference.
if (typeof RegExp.escape !== 'function') {
    RegExp.escape = (s) => String(s).replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export const PB_URL = env('PB_URL');
export const SUPERUSER_EMAIL = env('PB_SUPERUSER_EMAIL');
export const SUPERUSER_PASSWORD = env('PB_SUPERUSER_PASSWORD');
/** The server's store: `postgres` when the runner says so (TwoNodeSuitesTest), where a few answers differ by design. */
export const PB_STORE = process.env.PB_STORE || 'sqlite';

export const SUPERUSERS_COLLECTION_ID = 'pbc_3142635823';
export const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const RECORD_ID = /^[a-z0-9]{15}$/;

function env(name) {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set: run the suite through SdkCompatibilityTest, or set PB_URL, `
            + 'PB_SUPERUSER_EMAIL and PB_SUPERUSER_PASSWORD for a running server');
    }
    return value;
}

/** A guest client. Auto-cancellation is off because the suite fires identical requests in parallel. */
export function guest() {
    const pb = new PocketBase(PB_URL);
    pb.autoCancellation(false);
    return pb;
}

/** A client signed in as the test superuser. */
export async function superuser() {
    const pb = guest();
    await pb.collection('_superusers').authWithPassword(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
    return pb;
}

let sequence = 0;

/** A collection name no other test file (they run in parallel processes) will use. */
export function uniqueName(prefix) {
    return `${prefix}_${process.pid}_${Date.now().toString(36)}_${sequence++}`;
}

/**
 * Awaits a call that must fail with a ClientResponseError of the given status; checks the error
 * envelope ({data: object, message, status}) and returns the error for further assertions. `what`, when
 * given, names the call in the message of an unexpected success (whose error carries no url).
 */
export async function rejects(promise, status, message, what) {
    const err = await promise.then(
        (value) => assert.fail(`expected HTTP ${status}${what ? ` for ${what}` : ''}, got success: ${JSON.stringify(value)}`),
        (e) => e);
    assert.ok(err instanceof ClientResponseError, `expected ClientResponseError, got ${err}`);
    const body = JSON.stringify(err.response);
    assert.equal(err.status, status, `status of ${err.url}: ${body}`);
    assert.equal(err.response.status, status, `envelope status of ${err.url}: ${body}`);
    assert.ok(err.response.data !== null && typeof err.response.data === 'object', `envelope data of ${err.url}: ${body}`);
    if (message !== undefined) {
        assert.equal(err.response.message, message, `envelope message of ${err.url}: ${body}`);
    }
    return err;
}

/** Runs fn over items with at most `limit` calls in flight; resolves to the results in item order. */
export async function inParallel(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    async function worker() {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

/** CRC-32 (IEEE), the checksum PocketBase uses for default collection and field ids. */
export function crc32(text) {
    let crc = 0xffffffff;
    for (const byte of new TextEncoder().encode(text)) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) {
            crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
        }
    }
    return (crc ^ 0xffffffff) >>> 0;
}
