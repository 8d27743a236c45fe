// Measures the dashboard's first paint of a records grid over 10 000 records, in the system Chromium.
// Usage: a running pb4j with the dashboard and a superuser, then
//   PB_URL=http://127.0.0.1:8090 PB_EMAIL=... PB_PASSWORD=... node first-paint.mjs
// It creates the collection `paint_bench` (10 000 records, one SQL statement) unless it exists, then loads
// /_/#/collections?collection=paint_bench five times (a fresh tab each) and prints the milliseconds from navigation start to the
// 30 rows of the first page (the token refresh, the collections list and the records page included).
import { chromium } from "playwright-core";

const BASE = process.env.PB_URL || "http://127.0.0.1:8090";
const EMAIL = process.env.PB_EMAIL;
const PASSWORD = process.env.PB_PASSWORD;

async function api(method, path, token, body) {
    const res = await fetch(BASE + path, {
        method,
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: token } : {}) },
        body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
}

const { token } = await api("POST", "/api/collections/_superusers/auth-with-password", null, { identity: EMAIL, password: PASSWORD });
const existing = await fetch(`${BASE}/api/collections/paint_bench`, { headers: { Authorization: token } });
if (existing.status === 404) {
    await api("POST", "/api/collections", token, {
        name: "paint_bench", type: "base",
        fields: [{ name: "title", type: "text" }, { name: "views", type: "number" }, { name: "flag", type: "bool" }],
    });
    await api("POST", "/api/sql", token, {
        query: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 10000) "
            + "INSERT INTO paint_bench (id, title, views, flag) SELECT printf('paint%010d', i), 'Record ' || i, i, i % 2 FROM n",
    });
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${BASE}/_/#/login`);
await page.evaluate((auth) => localStorage.setItem("pb4j_admin_auth", JSON.stringify(auth)), { token, record: {} });
const times = [];
const cpu = [];
let resources = [];
// the renderer's own CPU time (Chromium's ThreadTime metric, the main thread's CPU), which a loaded machine distorts
// far less than the wall clock: each page is opened in a fresh tab, so its metrics start at zero
for (let i = 0; i < 5; i++) {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await tab.goto(`${BASE}/_/#/collections?collection=paint_bench`);
    await tab.waitForFunction(() => document.querySelectorAll("table.grid tbody tr").length === 30, null, { polling: "raf" });
    times.push(Math.round(await tab.evaluate(() => performance.now())));
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    cpu.push(`${Math.round(metric("ThreadTime") * 1000)} (script ${Math.round(metric("ScriptDuration") * 1000)}, layout ${Math.round(metric("LayoutDuration") * 1000)})`);
    // what load does not distort: the files and API calls of the (cold) first run, and their bytes on the wire
    if (i === 0) resources = await tab.evaluate(() => performance.getEntriesByType("resource").map((e) => ({ name: e.name, bytes: e.encodedBodySize })));
}
const sorted = [...times].sort((a, b) => a - b);
const assets = resources.filter((r) => r.name.includes("/_/assets/"));
const calls = resources.filter((r) => r.name.includes("/api/"));
console.log(`first paint of the 10 000-record grid (ms from navigation start, a fresh tab each, assets cached by their hash): ${times.join(", ")}; median ${sorted[2]}`);
console.log(`renderer main-thread CPU ms per first paint: ${cpu.join(", ")}`);
console.log(`${assets.length} assets (${assets.reduce((n, r) => n + r.bytes, 0)} bytes gzip-encoded), API calls: ${calls.map((r) => new URL(r.name).pathname).join(", ")}`);
await browser.close();
