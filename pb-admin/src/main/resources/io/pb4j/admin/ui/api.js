// The dashboard's HTTP client: pb4j's public API only (the calls the official SDK makes), with the superuser's
// token kept in localStorage and refreshed while the page is open.
import { AUTH_KEY, SUPERUSERS, COLLECTIONS_QUERY, stored, tokenPayload, apiUrl, exchange } from "pb/first-page.js";

const listeners = new Set();

/** An API error with PocketBase's envelope: status, message and the per-field `data`. */
export class ApiError extends Error {
    constructor(status, body) {
        super(body?.message || `Request failed (${status}).`);
        this.status = status;
        this.data = body?.data || {};
        this.body = body || {};
    }
}

export const auth = {
    get token() {
        return stored().token || "";
    },
    get record() {
        return stored().record || null;
    },
    get isValid() {
        const token = this.token;
        return !!token && tokenExpiry(token) > Date.now();
    },
    save(token, record) {
        localStorage.setItem(AUTH_KEY, JSON.stringify({ token, record }));
        listeners.forEach((fn) => fn());
    },
    clear() {
        localStorage.removeItem(AUTH_KEY);
        listeners.forEach((fn) => fn());
    },
    onChange(fn) {
        listeners.add(fn);
    },
};

function tokenExpiry(token) {
    return (tokenPayload(token).exp || 0) * 1000;
}

/**
 * Sends one request. `body` may be a plain object (sent as JSON) or FormData; `token` overrides the stored one
 * (the installer's). A 401 from the stored token signs the superuser out.
 */
export async function send(method, path, { body, query, token } = {}) {
    const url = apiUrl(path, query);
    const headers = {};
    const useToken = token ?? auth.token;
    if (useToken) headers.Authorization = useToken;
    let payload = body;
    if (body && !(body instanceof FormData)) {
        headers["Content-Type"] = "application/json";
        payload = JSON.stringify(body);
    }
    const res = await (body === undefined && !token && takeEarly(method, url, useToken)
        || exchange(url, { method, headers, body: payload }));
    const text = res.text;
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch {
        json = null;
    }
    if (!res.ok) {
        if (res.status === 401 && !token && auth.token && !path.includes("/auth-with-")) auth.clear();
        throw new ApiError(res.status, json);
    }
    return json;
}

export const superusers = SUPERUSERS;

/**
 * The answer prefetch.js (inlined in index.html) got for the same request, taken once; only while the same superuser
 * is signed in (the token may have been renewed meanwhile: the answer is still theirs).
 */
function takeEarly(method, url, useToken) {
    const key = `${method} ${url.href}`;
    const early = window.pb4jEarly?.get(key);
    if (!early) return null;
    window.pb4jEarly.delete(key);
    const id = tokenPayload(useToken).id;
    return id && id === tokenPayload(early.token).id ? early.answer : null;
}

/**
 * Drops the answers prefetch.js got and nobody took (a guess that turned out wrong): they were for the first page, and
 * taken later they would show data as it was when the page opened.
 */
export function forgetEarly() {
    delete window.pb4jEarly;
}

/** Renews the token some minutes before it expires, for as long as the page is open. */
export function keepFresh() {
    setInterval(async () => {
        if (!auth.isValid) return;
        const left = tokenExpiry(auth.token) - Date.now();
        const payload = tokenPayload(auth.token);
        if (payload.refreshable === false || left > 10 * 60 * 1000) return;
        try {
            await refresh();
        } catch {
            /* a failed refresh leaves the token to expire; the next request signs out */
        }
    }, 60 * 1000);
}

export async function refresh() {
    const res = await send("POST", `${superusers}/auth-refresh`);
    auth.save(res.token, res.record);
    return res;
}

/** The URL of a record's file, with an optional thumb size ("100x100"). */
export function fileUrl(collectionId, recordId, name, thumb = "") {
    const u = `/api/files/${encodeURIComponent(collectionId)}/${encodeURIComponent(recordId)}/${encodeURIComponent(name)}`;
    return thumb ? `${u}?thumb=${thumb}` : u;
}

let collectionsCache = null;

/** Every collection (cached until a collection is saved or deleted). */
export async function collections(force = false) {
    if (!collectionsCache || force) {
        const res = await send("GET", "/api/collections", { query: COLLECTIONS_QUERY });
        collectionsCache = res.items;
    }
    return collectionsCache;
}

export function forgetCollections() {
    collectionsCache = null;
}
