// The dashboard's records and settings screens in a real Chromium (Debian's, driven by playwright-core) against the
// live pb4j that RecordsSettingsE2eTest started: PB_URL, PB_EMAIL/PB_PASSWORD (a superuser), PB_CRON_FILE (written by
// the server's test cron job), SCREENSHOTS, CHROMIUM. The steps share one page and run in order; a second client (this
// script's own fetch calls) writes through the API while the grid is open.
import assert from "node:assert/strict";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { SHOTS, page, errors, step, shot } from "./browser.mjs";
import { BASE, api, useSignedInBrowser } from "./session.mjs";

useSignedInBrowser();


async function waitFor(check, ms = 10000) {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
        if (await check()) return;
    }
    throw new Error("timed out waiting");
}

const rowCount = () => page.locator("table.grid tbody tr[data-id]").count();
const row = (text) => page.locator("table.grid tbody tr[data-id]", { hasText: text });
const panel = () => page.locator("dialog[open]");

async function openGrid(name) {
    await page.goto(`${BASE}/_/#/collections?collection=${name}`);
    await page.getByRole("heading", { name, exact: false }).first().waitFor();
    await page.locator(".live-state", { hasText: "live" }).waitFor();
}

step("setup: a collection of every field type, a view over it and records through the API", async () => {
    await api("POST", "/api/collections", {
        name: "books", type: "base",
        fields: [
            { name: "title", type: "text", required: true },
            { name: "pages", type: "number" },
            { name: "genre", type: "select", maxSelect: 2, values: ["novel", "poetry", "essay"] },
            { name: "meta", type: "json" },
            { name: "released", type: "date" },
            { name: "inPrint", type: "bool" },
        ],
    });
    await api("POST", "/api/collections", { name: "book_titles", type: "view", viewQuery: "SELECT id, title FROM books" });
    for (const [title, pages] of [["Dune", 412], ["Emma", 474], ["Ulysses", 730], ["Walden", 352]]) {
        await api("POST", "/api/collections/books/records", { title, pages, genre: ["novel"], inPrint: true });
    }
    await openGrid("books");
    assert.equal(await rowCount(), 4);
    await shot("01-grid");
});

step("live grid: another client's create, update and delete show up without a reload", async () => {
    const created = await api("POST", "/api/collections/books/records", { title: "Live arrival", pages: 1 });
    await row("Live arrival").waitFor();
    await shot("02-live-create");
    await api("PATCH", `/api/collections/books/records/${created.id}`, { title: "Live renamed" });
    await row("Live renamed").waitFor();
    assert.equal(await row("Live arrival").count(), 0);
    await api("DELETE", `/api/collections/books/records/${created.id}`);
    await waitFor(async () => (await row("Live renamed").count()) === 0);
    assert.equal(await rowCount(), 4);
});

step("choosable columns, remembered across a reload", async () => {
    await page.locator("details.menu summary", { hasText: "Columns" }).click();
    await page.getByRole("checkbox", { name: "pages", exact: true }).uncheck();
    await waitFor(async () => !(await page.$$eval("table.grid thead th", (ths) => ths.map((t) => t.textContent.trim()))).some((t) => t.startsWith("pages")));
    await shot("03-columns");
    await page.reload();
    await page.locator("table.grid tbody tr[data-id]").first().waitFor();
    const heads = await page.$$eval("table.grid thead th", (ths) => ths.map((t) => t.textContent.trim()));
    assert.ok(heads.includes("title") && !heads.includes("pages"), `pages stays hidden: ${heads}`);
    await page.locator("details.menu summary", { hasText: "Columns" }).click();
    await page.getByRole("checkbox", { name: "pages", exact: true }).check();
    await page.locator("table.grid thead th", { hasText: "pages" }).waitFor();
    await page.locator("details.menu summary", { hasText: "Columns" }).click();
    await page.locator(".live-state", { hasText: "live" }).waitFor();
});

step("every field's input: date picker, select, JSON editor, number, bool; then duplicate", async () => {
    await page.getByRole("button", { name: "+ New record" }).click();
    await panel().getByLabel("title *").fill("Middlemarch");
    await panel().getByLabel("pages").fill("880");
    await panel().getByLabel("genre").selectOption(["novel", "essay"]);
    await panel().getByLabel("meta").fill('{"author": "George Eliot", "year": 1871}');
    await panel().getByLabel("released (UTC)").fill("2024-05-06T07:08:09");
    await panel().getByLabel("inPrint").check();
    await shot("04-record-inputs");
    await panel().getByRole("button", { name: "Create" }).click();
    await row("Middlemarch").waitFor();
    const [stored] = (await api("GET", "/api/collections/books/records?filter=" + encodeURIComponent('title="Middlemarch"'))).items;
    assert.equal(stored.pages, 880);
    assert.deepEqual(stored.genre, ["novel", "essay"]);
    assert.deepEqual(stored.meta, { author: "George Eliot", year: 1871 });
    assert.equal(stored.released, "2024-05-06 07:08:09.000Z");
    assert.equal(stored.inPrint, true);

    await row("Middlemarch").click();
    await panel().getByRole("button", { name: "Duplicate" }).click();
    await panel().getByRole("heading", { name: "New books record" }).waitFor();
    assert.equal(await panel().getByLabel("title *").inputValue(), "Middlemarch");
    await panel().getByLabel("title *").fill("Middlemarch (copy)");
    await panel().getByRole("button", { name: "Create" }).click();
    await row("Middlemarch (copy)").waitFor();
    const [copy] = (await api("GET", "/api/collections/books/records?filter=" + encodeURIComponent('title="Middlemarch (copy)"'))).items;
    assert.notEqual(copy.id, stored.id);
    assert.deepEqual(copy.meta, stored.meta);
    assert.equal(copy.released, stored.released);
});

step("keyboard: arrows move between rows, Space selects, Enter opens", async () => {
    await page.locator("table.grid tbody tr[data-id]").first().focus();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement.dataset.id);
    const second = await page.locator("table.grid tbody tr[data-id]").nth(1).getAttribute("data-id");
    assert.equal(focused, second);
    await page.keyboard.press(" ");
    await page.locator(".bulk-bar", { hasText: "1 selected" }).waitFor();
    await page.keyboard.press("Enter");
    await panel().waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Reset selection" }).click();
    await waitFor(async () => await page.locator(".bulk-bar").isHidden());
});

step("bulk select and delete, after a confirmation", async () => {
    const before = await rowCount();
    await row("Middlemarch (copy)").getByRole("checkbox").check();
    await row("Walden").getByRole("checkbox").check();
    await page.locator(".bulk-bar", { hasText: "2 selected" }).waitFor();
    await page.getByRole("button", { name: "Delete selected" }).click();
    await panel().getByText("Delete the 2 selected records?").waitFor();
    await shot("05-bulk-confirm");
    await panel().getByRole("button", { name: "Cancel" }).click();
    assert.equal(await rowCount(), before, "nothing deleted on cancel");
    await page.getByRole("button", { name: "Delete selected" }).click();
    await panel().getByRole("button", { name: "Delete" }).click();
    await page.locator(".toast", { hasText: "Deleted 2 records." }).waitFor();
    await waitFor(async () => (await rowCount()) === before - 2);
    const left = (await api("GET", "/api/collections/books/records?perPage=100")).items.map((r) => r.title).sort();
    assert.deepEqual(left, ["Dune", "Emma", "Middlemarch", "Ulysses"]);
    assert.ok(await page.locator(".bulk-bar").isHidden());
});

step("export of the current filter to CSV and JSON", async () => {
    await page.getByLabel("Filter records").fill("pages > 450");
    await page.getByRole("button", { name: "Apply" }).click();
    await waitFor(async () => (await rowCount()) === 3);
    await page.locator("details.menu summary", { hasText: "Export" }).click();
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    assert.equal(csvDownload.suggestedFilename(), "books.csv");
    const csvPath = join(SHOTS, "books.csv");
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath, "utf8").trim().split("\r\n");
    assert.equal(csv[0], "id,title,pages,genre,meta,released,inPrint");
    assert.equal(csv.length, 4, "a header and the 3 filtered records");
    assert.ok(csv.some((l) => l.includes('"{""author"":""George Eliot"",""year"":1871}"')), "JSON cells quoted");
    await page.locator("details.menu summary", { hasText: "Export" }).click();
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const jsonPath = join(SHOTS, "books.json");
    await jsonDownload.saveAs(jsonPath);
    const exported = JSON.parse(readFileSync(jsonPath, "utf8"));
    const expected = (await api("GET", "/api/collections/books/records?perPage=100&filter=" + encodeURIComponent("pages > 450"))).items;
    assert.deepEqual(exported.map((r) => r.id).sort(), expected.map((r) => r.id).sort());
    assert.deepEqual(Object.keys(exported[0]), ["id", "title", "pages", "genre", "meta", "released", "inPrint"]);
    await page.getByRole("button", { name: "Clear" }).click();
    await waitFor(async () => (await rowCount()) === 4);
});

step("import: a preview, then one by one with a row's error shown", async () => {
    const file = join(SHOTS, "import.json");
    writeFileSync(file, JSON.stringify([
        { title: "Imported one", pages: 10, genre: ["poetry"], meta: { a: 1 }, unknown: "x" },
        { title: "", pages: 20 },
        { title: "Imported three", pages: 30, inPrint: true },
    ]));
    await page.locator(".content-head").getByRole("button", { name: "Import", exact: true }).click();
    await panel().getByLabel("CSV or JSON file").setInputFiles(file);
    await panel().getByText("3 records to create").waitFor();
    await panel().getByText("Ignored columns: unknown.").waitFor();
    assert.ok(await panel().getByLabel("in one batch request (all or nothing)").isDisabled(), "batch is off in the settings");
    await shot("06-import-preview");
    await panel().getByRole("button", { name: "Import", exact: true }).click();
    await page.locator(".toast", { hasText: "Imported 2 of 3 records." }).waitFor();
    assert.match(await panel().locator("li.failed").textContent(), /^Row 2: .*title: Cannot be blank/);
    assert.equal(await panel().locator("li.ok").count(), 2);
    await shot("07-import-results");
    await panel().getByRole("button", { name: "Close" }).last().click();
    await row("Imported three").waitFor();
    const [one] = (await api("GET", "/api/collections/books/records?filter=" + encodeURIComponent('title="Imported one"'))).items;
    assert.deepEqual([one.pages, one.genre, one.meta], [10, ["poetry"], { a: 1 }]);
});

step("import CSV in one batch request: all or nothing", async () => {
    await api("PATCH", "/api/settings", { batch: { enabled: true, maxRequests: 50 } });
    const bad = join(SHOTS, "import-bad.csv");
    writeFileSync(bad, 'title,pages,genre,meta\r\n"Batch, first",5,"novel,essay","{""k"": true}"\r\n,6,,\r\n');
    const count = async () => (await api("GET", "/api/collections/books/records?perPage=1")).totalItems;
    const before = await count();
    await page.locator(".content-head").getByRole("button", { name: "Import", exact: true }).click();
    await panel().getByLabel("CSV or JSON file").setInputFiles(bad);
    await panel().getByText("2 records to create").waitFor();
    await panel().getByLabel("in one batch request (all or nothing)").check();
    await panel().getByRole("button", { name: "Import", exact: true }).click();
    await panel().locator("li.failed", { hasText: "Row 2:" }).waitFor();
    assert.match(await panel().locator("li.failed").textContent(), /Nothing was created/);
    assert.equal(await count(), before, "the batch was rolled back");
    await panel().getByRole("button", { name: "Close" }).last().click();

    const good = join(SHOTS, "import-good.csv");
    writeFileSync(good, 'title,pages,genre,meta\r\n"Batch, first",5,"novel,essay","{""k"": true}"\r\nBatch second,6,,\r\n');
    await page.locator(".content-head").getByRole("button", { name: "Import", exact: true }).click();
    await panel().getByLabel("CSV or JSON file").setInputFiles(good);
    await panel().getByLabel("in one batch request (all or nothing)").check();
    await panel().getByRole("button", { name: "Import", exact: true }).click();
    await panel().locator("li.ok", { hasText: "Created all 2 records in one batch." }).waitFor();
    await panel().getByRole("button", { name: "Close" }).last().click();
    assert.equal(await count(), before + 2);
    const [first] = (await api("GET", "/api/collections/books/records?filter=" + encodeURIComponent('title="Batch, first"'))).items;
    assert.deepEqual([first.pages, first.genre, first.meta], [5, ["novel", "essay"], { k: true }]);
});

step("a view collection is read-only", async () => {
    await openGrid("book_titles");
    await page.getByText("A view collection is read-only").waitFor();
    assert.equal(await page.getByRole("button", { name: "+ New record" }).count(), 0);
    assert.equal(await page.getByRole("button", { name: "Import", exact: true }).count(), 0);
    assert.equal(await page.locator("table.grid td.select").count(), 0);
    await row("Dune").click();
    assert.ok(await panel().getByLabel("title").isDisabled());
    assert.equal(await panel().getByRole("button", { name: /Save|Delete|Duplicate/ }).count(), 0);
    await shot("08-view-readonly");
    await panel().getByRole("button", { name: "Close" }).last().click();
});

step("an auth record: email, password with confirmation, verified and email visibility", async () => {
    await openGrid("users");
    await page.getByRole("button", { name: "+ New record" }).click();
    await panel().getByLabel("email *").fill("reader@example.com");
    await panel().getByLabel("Password", { exact: true }).fill("reader-pass-1");
    await panel().getByLabel("Password confirm").fill("reader-pass-2");
    await panel().getByLabel("verified").check();
    await panel().getByLabel("emailVisibility").check();
    await panel().getByRole("button", { name: "Create" }).click();
    await panel().locator('[data-error-for="passwordConfirm"]').filter({ hasText: /.+/ }).waitFor();
    await shot("09-auth-record-error");
    await panel().getByLabel("Password confirm").fill("reader-pass-1");
    await panel().getByRole("button", { name: "Create" }).click();
    await row("reader@example.com").waitFor();
    const [user] = (await api("GET", "/api/collections/users/records?filter=" + encodeURIComponent('email="reader@example.com"'))).items;
    assert.equal(user.verified, true);
    assert.equal(user.emailVisibility, true);
    const login = await fetch(`${BASE}/api/collections/users/auth-with-password`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ identity: "reader@example.com", password: "reader-pass-1" }),
    });
    assert.equal(login.status, 200, "the password set in the panel signs in");
});

step("the records grid at a phone's width", async () => {
    await openGrid("books");
    await page.setViewportSize({ width: 390, height: 800 });
    await shot("10-phone-grid");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scroll of the page (${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 860 });
});

async function settingsCard(id) {
    await page.goto(`${BASE}/_/#/settings`);
    const card = page.locator(`#${id}`);
    await card.waitFor();
    return card;
}

step("leaving the grid closes its realtime stream", async () => {
    await page.evaluate(() => (window.stillTheSamePage = true));
    const isStream = (r) => r.method() === "GET" && new URL(r.url()).pathname === "/api/realtime";
    const closed = Promise.race([
        page.waitForEvent("requestfailed", { predicate: isStream, timeout: 10000 }),
        page.waitForEvent("requestfinished", { predicate: isStream, timeout: 10000 }),
    ]);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings", exact: true }).waitFor();
    await closed;
    assert.equal(await page.evaluate(() => window.stillTheSamePage), true, "a hash change, not a page load, closed it");
});

step("files storage: S3 settings saved, the connection test reports the server's error", async () => {
    const card = await settingsCard("settings-storage");
    await card.getByLabel("Use S3 storage").check();
    await card.getByLabel("Endpoint").fill("http://127.0.0.1:9");
    await card.getByLabel("Bucket").fill("books");
    await card.getByLabel("Region").fill("us-east-1");
    await card.getByLabel("Access key").fill("AKIATEST");
    await card.getByLabel("Secret").fill("not-a-real-secret");
    await card.getByLabel("Force path-style addressing").check();
    await card.getByRole("button", { name: "Save storage settings" }).click();
    await page.locator(".toast", { hasText: "Saved the storage settings." }).waitFor();
    const s = await api("GET", "/api/settings");
    assert.deepEqual({ ...s.s3 }, { enabled: true, bucket: "books", region: "us-east-1", endpoint: "http://127.0.0.1:9", accessKey: "AKIATEST", forcePathStyle: true });
    await card.getByRole("button", { name: "Test storage connection" }).click();
    await page.locator(".toast.error", { hasText: "S3 connection failed" }).waitFor({ timeout: 30000 });
    await shot("11-s3");
    await card.getByLabel("Use S3 storage").uncheck();
    await card.getByRole("button", { name: "Save storage settings" }).click();
    await waitFor(async () => (await api("GET", "/api/settings")).s3.enabled === false);
});

step("crons: listed, and run now runs the job", async () => {
    const card = await settingsCard("settings-crons");
    await card.locator("tr", { hasText: "dashboard_ping" }).waitFor();
    const jobs = await api("GET", "/api/crons");
    assert.equal(await card.locator("tbody tr").count(), jobs.length);
    await card.getByRole("button", { name: "Run dashboard_ping" }).click();
    await page.locator(".toast", { hasText: "Started dashboard_ping." }).waitFor();
    await waitFor(() => existsSync(process.env.PB_CRON_FILE));
    await shot("12-crons");
});

step("rate limits: a field error beside its rule, then a new rule saved", async () => {
    const card = await settingsCard("settings-rate-limits");
    await card.getByLabel("Enable rate limiting").check();
    await card.getByRole("button", { name: "+ Add rule" }).click();
    const n = await card.locator("tbody tr").count();
    await card.getByLabel(`Label of rule ${n}`).fill("");
    await card.getByRole("button", { name: "Save rate limits" }).click();
    await card.locator(`[data-error-for="rateLimits.rules.${n - 1}.label"]`).filter({ hasText: /.+/ }).waitFor();
    await shot("13-rate-limit-error");
    await card.getByLabel(`Label of rule ${n}`).fill("/api/collections/books/");
    await card.getByLabel(`Max requests of rule ${n}`).fill("7");
    await card.getByLabel(`Interval in seconds of rule ${n}`).fill("60");
    await card.getByLabel(`Audience of rule ${n}`).selectOption("@guest");
    await card.getByRole("button", { name: "Save rate limits" }).click();
    await page.locator(".toast", { hasText: "Saved the rate limit settings." }).waitFor();
    const s = await api("GET", "/api/settings");
    assert.equal(s.rateLimits.enabled, true);
    assert.deepEqual(s.rateLimits.rules.find((r) => r.label === "/api/collections/books/"), { label: "/api/collections/books/", audience: "@guest", duration: 60, maxRequests: 7 });
    await api("PATCH", "/api/settings", { rateLimits: { enabled: false } });
});

step("trusted proxy and batch settings", async () => {
    let card = await settingsCard("settings-trusted-proxy");
    await card.getByLabel("Trusted proxy headers").fill("X-Forwarded-For, X-Real-IP");
    await card.getByLabel(/Use the leftmost IP/).check();
    await card.getByRole("button", { name: "Save trusted proxy" }).click();
    await page.locator(".toast", { hasText: "Saved the trusted proxy settings." }).waitFor();
    let s = await api("GET", "/api/settings");
    assert.deepEqual(s.trustedProxy, { headers: ["X-Forwarded-For", "X-Real-IP"], useLeftmostIP: true });
    await api("PATCH", "/api/settings", { trustedProxy: { headers: [], useLeftmostIP: false } });

    card = await settingsCard("settings-batch");
    await card.getByLabel("Max requests in a batch").fill("0");
    await card.getByRole("button", { name: "Save batch settings" }).click();
    await card.locator('[data-error-for="batch.maxRequests"]').filter({ hasText: /.+/ }).waitFor();
    await card.getByLabel("Max requests in a batch").fill("25");
    await card.getByLabel("Timeout (seconds)").fill("7");
    await card.getByRole("button", { name: "Save batch settings" }).click();
    await page.locator(".toast", { hasText: "Saved the batch settings." }).waitFor();
    s = await api("GET", "/api/settings");
    assert.deepEqual([s.batch.enabled, s.batch.maxRequests, s.batch.timeout], [true, 25, 7]);
    await shot("14-proxy-batch");
});

step("backups: auto-backup cron and max keep saved", async () => {
    const card = await settingsCard("settings-backups");
    await card.getByLabel("Enable auto backups").check();
    await card.getByLabel("Cron expression").fill("0 3 * * *");
    await card.getByLabel("Max backups to keep").fill("2");
    await card.getByRole("button", { name: "Save backup options" }).click();
    await page.locator(".toast", { hasText: "Saved the backup settings." }).waitFor();
    const s = await api("GET", "/api/settings");
    assert.deepEqual([s.backups.cron, s.backups.cronMaxKeep], ["0 3 * * *", 2]);
    assert.ok((await api("GET", "/api/crons")).some((j) => j.id === "__pbAutoBackup__" || j.expression === "0 3 * * *"));
    await card.getByLabel("Cron expression").fill("bad cron");
    await card.getByRole("button", { name: "Save backup options" }).click();
    await card.locator('[data-error-for="backups.cron"]').filter({ hasText: /.+/ }).waitFor();
    await card.getByLabel("Enable auto backups").uncheck();
    await card.getByRole("button", { name: "Save backup options" }).click();
    await waitFor(async () => (await api("GET", "/api/settings")).backups.cron === "");
});

step("backups: upload a zip, then restore it after a confirmation; the page comes back", async () => {
    // a backup of the data as it is now, downloaded and uploaded again under another name
    await api("POST", "/api/backups", { name: "before_change.zip" });
    const { token } = await api("POST", "/api/files/token");
    const zip = Buffer.from(await (await fetch(`${BASE}/api/backups/before_change.zip?token=${token}`)).arrayBuffer());
    const file = join(SHOTS, "uploaded_copy.zip");
    writeFileSync(file, zip);
    await api("DELETE", "/api/backups/before_change.zip");
    const card = await settingsCard("settings-backups");
    await card.getByLabel("Upload a backup zip").setInputFiles(file);
    await page.locator(".toast", { hasText: "Uploaded uploaded_copy.zip." }).waitFor();
    const uploaded = card.locator("tbody tr", { hasText: "uploaded_copy.zip" });
    await uploaded.waitFor();
    await shot("15-backup-uploaded");

    // a change after the backup, which the restore takes back
    await api("POST", "/api/collections/books/records", { title: "Written after the backup" });
    await uploaded.getByRole("button", { name: "Restore uploaded_copy.zip" }).click();
    await panel().getByText(/Restore the backup uploaded_copy.zip\?/).waitFor();
    await shot("16-restore-confirm");
    await panel().getByRole("button", { name: "Restore" }).click();
    await page.locator(".restoring").waitFor();
    await shot("17-restoring");
    await page.locator(".toast", { hasText: "Restored uploaded_copy.zip." }).waitFor({ timeout: 90000 });
    await page.getByRole("heading", { name: "Settings", exact: true }).waitFor();
    await shot("18-restored");
    const after = await api("GET", "/api/collections/books/records?filter=" + encodeURIComponent('title="Written after the backup"'));
    assert.equal(after.totalItems, 0, "the restore took the later record back");
    await openGrid("books");
    assert.ok((await rowCount()) > 0);
});

step("no script errors on the way", () => {
    assert.deepEqual(errors, []);
});
