// Measures the dashboard's first paint of a records grid over 10 000 records, in the system Chromium, beside the
// floor: a blank static page opened the same way, which is what the browser costs to start a tab and paint anything.
// Usage: a running pb4j with the dashboard and a superuser, then
//   PB_URL=http://127.0.0.1:8090 PB_EMAIL=... PB_PASSWORD=... node first-paint.mjs
// (TABS=5 fresh tabs of each, after WARMUP=1 of each not counted, which warm the server's JIT; TRACE=0 leaves out the
// traced tab that splits the renderer's CPU by kind of work; PROFILE=persistent opens the tabs in a browser profile
// on disk, as a user's, instead of Playwright's in-memory one, which has no V8 code cache at all).
// It creates the collection `paint_bench` (10 000 records, one SQL statement) unless it exists, then opens, TABS
// times, a fresh tab on the blank page and one on /_/#/collections?collection=paint_bench, and prints the
// milliseconds from navigation start to the frame that draws the 30 rows of the first page (the blank page: its one
// paragraph), the renderer main thread's CPU time, and where the time went (HTML, modules, each API call).
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BASE = process.env.PB_URL || "http://127.0.0.1:8090";
const EMAIL = process.env.PB_EMAIL;
const PASSWORD = process.env.PB_PASSWORD;
const TABS = Number(process.env.TABS || 5);
const WARMUP = Number(process.env.WARMUP ?? 1);
const PERSISTENT = process.env.PROFILE === "persistent";
const TRACE = process.env.TRACE !== "0" && !PERSISTENT; // Playwright traces through the Browser, which a persistent profile does not give
const GRID = `${BASE}/_/#/collections?collection=paint_bench`;

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

// the floor: one static HTML page with a paragraph, from a server as local as pb4j
// (at /coop also with the Cross-Origin-Opener-Policy header pb4j sends: a fresh tab then swaps to a new renderer
// process before it parses anything, which the plain floor does not pay)
const floorServer = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache",
        ...(req.url === "/coop" ? { "Cross-Origin-Opener-Policy": "same-origin" } : {}) });
    res.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><p id="floor">blank</p></body></html>');
});
await new Promise((resolve) => floorServer.listen(0, "127.0.0.1", resolve));
const FLOOR = `http://127.0.0.1:${floorServer.address().port}/`;

const launch = { executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] };
const profile = PERSISTENT ? mkdtempSync(join(tmpdir(), "pb4j-paint-")) : "";
const browser = PERSISTENT ? null : await chromium.launch(launch);
const context = PERSISTENT ? await chromium.launchPersistentContext(profile, launch) : await browser.newContext();
// In the page itself (no harness script injected into it, whose compilation would count as the page's CPU, and no
// polling on every animation frame, which would make the browser draw frames for nothing): once the grid's 30 rows
// (or the floor's paragraph) are in the document, the time of the animation frame that draws them.
await context.addInitScript(() => {
    window.__painted = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
            if (document.getElementById("floor") || document.querySelectorAll("table.grid tbody tr").length === 30) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now()));
            }
        });
        observer.observe(document, { childList: true, subtree: true });
    });
});
const page = await context.newPage();
// the sign-in the dashboard keeps in localStorage; this first visit also caches every asset by its hashed name
await page.goto(`${BASE}/_/#/login`);
await page.evaluate((auth) => localStorage.setItem("pb4j_admin_auth", JSON.stringify(auth)), { token, record: {} });
await page.waitForLoadState("load");

/**
 * CPU time (ms) used so far by this process's children and theirs (Chromium's browser, renderer, GPU and network
 * processes) and by the server when PB_PID names it, from /proc: the honest figure on a loaded machine. Processes that
 * ended meanwhile are missing, so a tab is measured before it closes.
 */
function processCpu() {
    const stats = [];
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
        try {
            const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
            const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
            stats.push({ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
        } catch {
            /* gone meanwhile */
        }
    }
    const ours = new Set([process.pid]);
    for (let grew = true; grew;) {
        grew = false;
        for (const s of stats) if (!ours.has(s.pid) && ours.has(s.ppid)) grew = ours.add(s.pid);
    }
    ours.delete(process.pid);
    const sum = (pred) => stats.filter(pred).reduce((n, s) => n + s.ticks, 0) * 10;
    return { browser: sum((s) => ours.has(s.pid)), server: process.env.PB_PID ? sum((s) => s.pid === Number(process.env.PB_PID)) : NaN };
}

/** Opens url in a fresh tab and returns its figures: paint time, CPU metrics, navigation and API timings. */
async function measure(url) {
    const before = processCpu();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await tab.goto(url, { waitUntil: "commit" });
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression: "window.__painted", awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`${url}: ${exceptionDetails.text}`);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name) => Math.round((metrics.find((m) => m.name === name)?.value ?? NaN) * 1000);
    const timing = (await cdp.send("Runtime.evaluate", {
        returnByValue: true,
        expression: `(() => {
            const nav = performance.getEntriesByType("navigation")[0];
            const api = performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/") && !r.name.includes("/api/realtime"));
            return {
                html: nav.responseEnd, modules: nav.domContentLoadedEventEnd,
                api: api.map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd })),
                assets: performance.getEntriesByType("resource").filter((r) => r.name.includes("/_/assets/")).map((r) => r.encodedBodySize),
            };
        })()`,
    })).result.value;
    const after = processCpu();
    await tab.close();
    return { paint: Math.round(result.value), browserCpu: after.browser - before.browser, serverCpu: after.server - before.server, cpu: metric("ThreadTime"), script: metric("ScriptDuration"), layout: metric("LayoutDuration"), style: metric("RecalcStyleDuration"), ...timing };
}

for (let i = 0; i < WARMUP; i++) {
    await measure(FLOOR);
    await measure(GRID);
}
const grid = [];
const floor = [];
const floorCoop = [];
for (let i = 0; i < TABS; i++) {
    // they alternate, so that a busy moment of the machine falls on all alike
    floor.push(await measure(FLOOR));
    floorCoop.push(await measure(`${FLOOR}coop`));
    grid.push(await measure(GRID));
}

const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};
const ms = (x) => Math.round(x);
const list = (rows, f) => rows.map(f).join(", ");
const g = median(grid.map((r) => r.paint));
const f = median(floor.map((r) => r.paint));
console.log(`first paint of the 10 000-record grid (ms from navigation start, a fresh tab each, assets cached by their hash, after ${WARMUP} not counted${PERSISTENT ? ", a browser profile on disk" : ""}): ${list(grid, (r) => r.paint)}; median ${g}`);
console.log(`floor, a blank static page opened the same way: ${list(floor, (r) => r.paint)}; median ${f}; the grid takes ${g - f} ms above it`);
const fc = median(floorCoop.map((r) => r.paint));
console.log(`floor with pb4j's Cross-Origin-Opener-Policy: same-origin (a new renderer process for the tab): ${list(floorCoop, (r) => r.paint)}; median ${fc}; the grid takes ${g - fc} ms above it`);
console.log(`renderer main-thread CPU ms per first paint: ${list(grid, (r) => `${r.cpu} (script ${r.script}, style ${r.style}, layout ${r.layout})`)}; median ${median(grid.map((r) => r.cpu))}`);
console.log(`renderer main-thread CPU ms of the floor: ${list(floor, (r) => `${r.cpu} (script ${r.script}, style ${r.style}, layout ${r.layout})`)}; median ${median(floor.map((r) => r.cpu))}; the grid's CPU above it ${median(grid.map((r) => r.cpu)) - median(floor.map((r) => r.cpu))}`);
console.log(`CPU ms of all Chromium's processes per tab (browser, renderer, GPU, network; /proc, 10 ms ticks): grid ${list(grid, (r) => r.browserCpu)}, median ${median(grid.map((r) => r.browserCpu))}; floor ${list(floor, (r) => r.browserCpu)}, median ${median(floor.map((r) => r.browserCpu))}`);
if (process.env.PB_PID) console.log(`server CPU ms per grid tab (/proc of PB_PID): ${list(grid, (r) => r.serverCpu)}; median ${median(grid.map((r) => r.serverCpu))}`);
// where the wall time went, each step the median over the tabs of when it ended (ms from navigation start)
const steps = [["HTML received", (r) => r.html], ["scripts run (DOMContentLoaded)", (r) => r.modules]];
// each call by its path (the first of that path in a tab), since the inline script's go out together in no fixed order
const call = (r, path) => r.api.find((c) => c.path === path);
for (const { path } of [...grid[0].api].sort((a, b) => a.start - b.start)) {
    steps.push([`${path} sent`, (r) => call(r, path)?.start ?? NaN], [`${path} answered`, (r) => call(r, path)?.end ?? NaN]);
}
steps.push(["grid drawn", (r) => r.paint]);
const timeline = steps.map(([name, at]) => [name, ms(median(grid.map(at)))]).sort((a, b) => a[1] - b[1]);
console.log(`breakdown (median ms from navigation start): ${timeline.map(([name, at]) => `${name} ${at}`).join(" → ")}`);
const assets = grid[0].assets;
console.log(`${assets.length} assets fetched by the first grid tab from the HTTP cache (${assets.reduce((n, b) => n + b, 0)} bytes gzip-encoded when fetched); API calls before the first page: ${grid[0].api.map((c) => c.path).join(", ")}`);

if (TRACE) {
    // one more tab, traced: the renderer main thread's CPU (thread ticks) by the kind of its top-level tasks
    const tab = await context.newPage();
    await browser.startTracing(undefined, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "blink", "loading", "blink.user_timing", "toplevel", "navigation", "benchmark", "rail", "cc"] });
    await tab.goto(GRID, { waitUntil: "commit" });
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Runtime.evaluate", { expression: "window.__painted", awaitPromise: true });
    const trace = JSON.parse((await browser.stopTracing()).toString());
    console.log(`traced tab, renderer main-thread CPU ms by kind of task up to the grid's frame: ${cpuByKind(trace.traceEvents)}`);
}
await context.close();
await browser?.close();
if (profile) rmSync(profile, { recursive: true, force: true });
floorServer.close();

/** The main thread's top-level tasks between navigation start and the end of the trace, their CPU summed by kind. */
function cpuByKind(events) {
    const start = events.find((e) => e.name === "navigationStart" && (e.args?.data?.documentLoaderURL || "").includes("/_/#/collections"));
    const mine = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === "X").sort((a, b) => a.ts - b.ts);
    const kinds = new Map();
    let end = 0;
    for (const task of mine) {
        if (task.ts < end) continue; // inside the previous top-level task
        end = task.ts + (task.dur || 0);
        const inner = new Set(mine.filter((e) => e.ts >= task.ts && e.ts + (e.dur || 0) <= end).map((e) => e.name));
        const kind = inner.has("AgentSchedulingGroup::CreateFrame") || inner.has("RenderFrameImpl::CommitNavigation") ? "tab start and commit"
            : inner.has("ProxyMain::BeginMainFrame") ? "style, layout, paint"
            : inner.has("ParseHTML") ? "HTML parse"
            : inner.has("ParseAuthorStyleSheet") ? "CSS parse"
            : inner.has("v8.compileModule") || inner.has("DocumentModuleScriptFetcher::NotifyFinished") ? "module compile"
            : inner.has("HTMLParserScriptRunner ExecuteScript") || inner.has("RunMicrotasks") || inner.has("FunctionCall") || inner.has("EvaluateScript") ? "script"
            : "other";
        kinds.set(kind, (kinds.get(kind) || 0) + (task.tdur || 0) / 1000);
    }
    return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ");
}
