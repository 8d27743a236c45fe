// What the records grid's first page asks the server for, in one place for the two that ask: the dashboard itself
// and prefetch.js, which index.html runs inline before the dashboard's script is read and compiled. Nothing here
// touches the page when it is evaluated: it is evaluated once in each.

/** Where the dashboard keeps the superuser's token and record. */
export const AUTH_KEY = "pb4j_admin_auth";
export const SUPERUSERS = "/api/collections/_superusers";
export const COLLECTIONS_QUERY = { perPage: 500, sort: "+name" };
export const PER_PAGE = 30;

const SKIPPED = new Set(["password", "tokenKey"]);
const COLUMNS_KEY = "pb4j_admin_columns:";
const FIRST_PAGE_KEY = "pb4j_admin_first_page";

/** The stored sign-in: {token, record}, or {} when there is none. */
export function stored() {
    try {
        return JSON.parse(localStorage.getItem(AUTH_KEY) || "{}");
    } catch {
        return {};
    }
}

/** The payload of a JWT, or {} when it is not one. */
export function tokenPayload(token) {
    try {
        const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
        return JSON.parse(atob(part));
    } catch {
        return {};
    }
}

/** The absolute URL of an API path with the query's non-empty values, in the order given. */
export function apiUrl(path, query) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(query || {})) {
        if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    return url;
}

/** One request, its body read as text: {status, ok, text}. */
export async function exchange(url, init) {
    const res = await fetch(url, init);
    return { status: res.status, ok: res.ok, text: await res.text() };
}

/** The collection the page shows: the one named (by name or id), else the first that is not a system one. */
export function pickCollection(all, wanted) {
    return all.find((c) => c.name === wanted || c.id === wanted) || all.find((c) => !c.system) || all[0];
}

/** The fields the grid can show as columns: no passwords, token keys or hidden fields. */
export function gridFields(collection) {
    return collection.fields.filter((f) => !SKIPPED.has(f.name) && f.type !== "password" && !f.hidden);
}

/** The columns a superuser hid in this collection's grid (remembered in localStorage, per collection). */
export function hiddenColumns(collection) {
    try {
        return new Set(JSON.parse(localStorage.getItem(COLUMNS_KEY + collection.id) || "[]"));
    } catch {
        return new Set();
    }
}

export function rememberHiddenColumns(collection, hidden) {
    localStorage.setItem(COLUMNS_KEY + collection.id, JSON.stringify([...hidden]));
}

export function recordsPath(collection) {
    return `/api/collections/${encodeURIComponent(collection.id)}/records`;
}

/** The query of one page of the grid: `shown` are its columns, whose relations are expanded to show their values. */
export function pageQuery(shown, { page, sort, filter }) {
    return { page, perPage: PER_PAGE, sort, filter, expand: shown.filter((f) => f.type === "relation").map((f) => f.name).join(",") };
}

/** The URL of the grid's first page of `collection`: no sort or filter, the columns not hidden. */
export function firstPageUrl(collection) {
    const hidden = hiddenColumns(collection);
    return apiUrl(recordsPath(collection), pageQuery(gridFields(collection).filter((f) => !hidden.has(f.name)), { page: 1, sort: "", filter: "" })).href;
}

/**
 * Remembers the first page's URL the collections page showed for `wanted` (the collection the hash names, "" for
 * none), so that prefetch.js can ask for it next time without waiting for the collections.
 */
export function rememberFirstPage(wanted, url) {
    localStorage.setItem(FIRST_PAGE_KEY, JSON.stringify({ wanted, url }));
}

/** The URL rememberFirstPage() last kept for `wanted`, or "". */
export function rememberedFirstPage(wanted) {
    try {
        const last = JSON.parse(localStorage.getItem(FIRST_PAGE_KEY) || "{}");
        return last.wanted === wanted && typeof last.url === "string" ? last.url : "";
    } catch {
        return "";
    }
}
