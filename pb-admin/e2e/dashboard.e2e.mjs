// The dashboard in a real Chromium (Debian's, driven by playwright-core; nothing downloads a browser) against the
// live pb4j that DashboardE2eTest started: PB_URL, PB_INSTALL_LINK, SCREENSHOTS, CHROMIUM. The tests share one page
// and run in order, as a user would: install, sign out and in, build a schema, fill it with records.
import assert from "node:assert/strict";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { SHOTS, page, errors, useBrowser, step, shot } from "./browser.mjs";

const BASE = process.env.PB_URL;
const INSTALL_LINK = process.env.PB_INSTALL_LINK;
const EMAIL = "owner@example.com";
const PASSWORD = "s3cret-passw0rd";

// an 8x8 red PNG, the uploaded image
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=", "base64");
const IMAGE = join(SHOTS, "cover.png");
writeFileSync(IMAGE, PNG);

useBrowser({ setup: (page) => page.on("dialog", (d) => d.accept()) });


/** The records grid's rows as arrays of cell texts. */
async function gridRows() {
    return page.$$eval("table.grid tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td:not(.select)")].map((td) => td.textContent.trim())));
}

async function openPanelButton(name) {
    await page.getByRole("button", { name, exact: true }).click();
}

step("the installer link creates the first superuser and signs in", async () => {
    assert.ok(INSTALL_LINK, "PB_INSTALL_LINK is set");
    await page.goto(INSTALL_LINK);
    await page.getByRole("heading", { name: "Create your first superuser" }).waitFor();
    await shot("01-installer");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Password confirm").fill(PASSWORD);
    await page.getByRole("button", { name: "Create superuser and sign in" }).click();
    await page.waitForFunction((re) => new RegExp(re).test(location.hash), "#/collections");
    await page.getByText(EMAIL).waitFor();
    await shot("02-signed-in");
});

step("sign-out, a wrong password shown as an error, then sign-in", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Superuser sign in" }).waitFor();
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(".toast.error").waitFor();
    assert.match(await page.locator(".toast.error").first().textContent(), /Failed to authenticate/);
    await shot("03-sign-in-error");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForFunction((re) => new RegExp(re).test(location.hash), "#/collections");
    await page.getByText(EMAIL).waitFor();
});

step("with MFA on, a password and then a one-time password from the mail", async () => {
    const patch = (body) => fetch(`${BASE}/api/collections/_superusers`, {
        method: "PATCH", headers: { Authorization: TOKEN, "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const TOKEN = await token();
    assert.equal((await patch({ mfa: { enabled: true }, otp: { enabled: true } })).status, 200);
    try {
        await page.getByRole("button", { name: "Sign out" }).click();
        await page.getByRole("heading", { name: "Superuser sign in" }).waitFor();
        const passwordForm = page.getByRole("form", { name: "Sign in with password" });
        await passwordForm.getByLabel("Email", { exact: true }).fill(EMAIL);
        await passwordForm.getByLabel("Password", { exact: true }).fill(PASSWORD);
        await passwordForm.getByRole("button", { name: "Sign in" }).click();
        await page.getByRole("heading", { name: "Multi-factor authentication" }).waitFor();
        const otpForm = page.getByRole("form", { name: "Sign in with a one-time password" });
        await otpForm.getByLabel("Email", { exact: true }).fill(EMAIL);
        await otpForm.getByRole("button", { name: "Send me a one-time password" }).click();
        await otpForm.getByLabel(/One-time password/).waitFor();
        await shot("03b-mfa-otp");
        const mail = process.env.PB_MAIL_FILE;
        await waitFor(() => existsSync(mail) && /<strong>\w+<\/strong>/.test(readFileSync(mail, "utf8")));
        const code = [...readFileSync(mail, "utf8").matchAll(/<strong>(\w+)<\/strong>/g)].pop()[1];
        await otpForm.getByLabel(/One-time password/).fill(code);
        await otpForm.getByRole("button", { name: "Sign in" }).click();
        await page.waitForFunction(() => location.hash.startsWith("#/collections"));
        await page.getByText(EMAIL).waitFor();
    } finally {
        await patch({ mfa: { enabled: false }, otp: { enabled: false } });
    }
}, { skip: process.env.PB_MAIL_FILE ? false : "PB_MAIL_FILE is not set (DashboardE2eTest sets it and fails on any skip)" });

async function waitFor(check, ms = 10000) {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
        if (check()) return;
    }
    throw new Error("timed out waiting");
}

async function newCollection(name, fields) {
    await openPanelButton("+ New collection");
    const panel = page.locator("dialog[open]");
    await panel.getByLabel("Name", { exact: true }).fill(name);
    for (const [type, fieldName, options] of fields) {
        await panel.getByLabel("New field type").selectOption(type);
        await panel.getByRole("button", { name: "Add field" }).click();
        const card = panel.locator(".field-card").last();
        await card.getByLabel("Field name").fill(fieldName);
        await options?.(card);
    }
    return panel;
}

step("a collection with one field of each type, rules checked by the server", async () => {
    let panel = await newCollection("authors", [["text", "name", (card) => card.getByLabel("Presentable").check()]]);
    await panel.getByRole("tab", { name: "API rules" }).click();
    await panel.getByRole("button", { name: "Unlock (set a rule)" }).first().click();
    await panel.getByRole("button", { name: "Create" }).click();
    await page.waitForFunction((re) => new RegExp(re).test(location.hash), "collection=authors");
    await page.getByRole("heading", { name: /authors/ }).waitFor();

    panel = await newCollection("posts", [
        ["text", "title", (card) => card.getByLabel("Nonempty").check()],
        ["number", "views"],
        ["bool", "published"],
        ["email", "contact"],
        ["url", "site"],
        ["editor", "body"],
        ["date", "when"],
        ["autodate", "created", async (card) => card.getByLabel("Set on create").check()],
        ["select", "status", (card) => card.getByLabel("Choices").fill("draft, published")],
        ["file", "cover", async (card) => {
            await card.getByLabel("Max files").fill("1");
            await card.getByLabel("Thumb sizes (e.g. 100x100)").fill("100x100");
        }],
        ["relation", "author", async (card) => {
            await card.getByLabel("Collection").selectOption({ label: "authors" });
            await card.getByLabel("Max select").fill("1");
        }],
        ["json", "meta"],
        ["password", "pin"],
        ["geoPoint", "place"],
    ]);
    await shot("04-new-collection-fields");
    // a rule naming a field that does not exist: the server's error is shown beside the rule
    await panel.getByRole("tab", { name: "API rules" }).click();
    await panel.getByRole("button", { name: "Unlock (set a rule)" }).first().click();
    await panel.getByLabel("List/Search rule").fill("nosuchfield = 1");
    await panel.getByRole("button", { name: "Create" }).click();
    const ruleError = panel.locator('[data-error-for="listRule"]');
    await ruleError.filter({ hasText: /.+/ }).waitFor();
    await shot("05-rule-error");
    await panel.getByLabel("List/Search rule").fill('title != ""');
    await panel.getByRole("button", { name: "Create" }).click();
    await page.waitForFunction((re) => new RegExp(re).test(location.hash), "collection=posts");
    await page.getByRole("heading", { name: /posts/ }).waitFor();

    const res = await fetch(`${BASE}/api/collections/posts`, { headers: { Authorization: await token() } });
    const posts = await res.json();
    assert.equal(posts.listRule, 'title != ""');
    assert.deepEqual(posts.fields.map((f) => f.type), ["text", "text", "number", "bool", "email", "url", "editor", "date",
        "autodate", "select", "file", "relation", "json", "password", "geoPoint"]);
    assert.deepEqual(posts.fields.find((f) => f.name === "status").values, ["draft", "published"]);
    assert.equal(posts.fields.find((f) => f.name === "title").required, true);
});

async function token() {
    return page.evaluate(() => JSON.parse(localStorage.getItem("pb4j_admin_auth")).token);
}

async function createRecord(fill) {
    await openPanelButton("+ New record");
    const panel = page.locator("dialog[open]");
    await fill(panel);
    await panel.getByRole("button", { name: "Create" }).click();
    await panel.waitFor({ state: "detached" });
}

step("records with a file upload and a relation; edit, sort, filter, delete", async () => {
    await page.getByRole("link", { name: /authors/ }).click();
    await page.getByRole("heading", { name: /authors/ }).waitFor();
    await createRecord((p) => p.getByLabel("name").fill("Ada"));
    await createRecord((p) => p.getByLabel("name").fill("Grace"));
    await page.locator("table.grid tbody tr", { hasText: "Grace" }).waitFor();

    await page.getByRole("link", { name: /posts/ }).click();
    await page.getByRole("heading", { name: /posts/ }).waitFor();
    // the server's error beside the field: title is required
    await openPanelButton("+ New record");
    let panel = page.locator("dialog[open]");
    await panel.getByRole("button", { name: "Create" }).click();
    await panel.locator('[data-error-for="title"]').filter({ hasText: /.+/ }).waitFor();
    await shot("06-record-error");

    await panel.getByLabel("title *").fill("Hello");
    await panel.getByLabel("views").fill("3");
    await panel.getByLabel("status").selectOption("draft");
    await panel.getByLabel("meta").fill('{"tags":["a","b"]}');
    await panel.getByLabel("cover").setInputFiles(IMAGE);
    await panel.locator("img.preview").waitFor();
    await panel.getByRole("button", { name: "author" }).click();
    const picker = page.locator("dialog[open]").last();
    await picker.getByLabel(/Ada/).check();
    await picker.getByRole("button", { name: "Select" }).click();
    await panel.locator(".chip", { hasText: "Ada" }).waitFor();
    await shot("07-record-panel");
    await panel.getByRole("button", { name: "Create" }).click();
    await panel.waitFor({ state: "detached" });

    const row = page.locator("table.grid tbody tr", { hasText: "Hello" });
    await row.locator(".chip", { hasText: "Ada" }).waitFor();
    await row.locator("img.thumb").waitFor();
    const thumbOk = await row.locator("img.thumb").evaluate((img) => img.complete && img.naturalWidth > 0
        || new Promise((resolve) => { img.onload = () => resolve(img.naturalWidth > 0); img.onerror = () => resolve(false); }));
    assert.ok(thumbOk, "the thumbnail loaded");
    await shot("08-grid");

    await createRecord(async (p) => {
        await p.getByLabel("title *").fill("Another");
        await p.getByLabel("views").fill("10");
    });
    await createRecord(async (p) => {
        await p.getByLabel("title *").fill("Bye");
        await p.getByLabel("views").fill("1");
    });
    await page.locator("table.grid tbody tr", { hasText: "Bye" }).waitFor();

    // edit: open the row with the keyboard, change the title
    await row.focus();
    await page.keyboard.press("Enter");
    panel = page.locator("dialog[open]");
    await panel.getByLabel("title *").fill("Hello world");
    await panel.getByRole("button", { name: "Save changes" }).click();
    await panel.waitFor({ state: "detached" });
    await page.locator("table.grid tbody tr", { hasText: "Hello world" }).waitFor();

    // sort by views, ascending then descending
    const titles = async () => (await gridRows()).map((cells) => cells[1]);
    await page.getByRole("button", { name: /^views/ }).click();
    await page.locator('th[aria-sort="ascending"]').waitFor();
    assert.deepEqual(await titles(), ["Bye", "Hello world", "Another"]);
    await page.getByRole("button", { name: /^views/ }).click();
    await page.locator('th[aria-sort="descending"]').waitFor();
    assert.deepEqual(await titles(), ["Another", "Hello world", "Bye"]);
    await shot("09-sorted");

    // filter in the filter language
    await page.getByLabel("Filter records").fill('title ~ "world" || views > 5');
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table.grid tbody tr").length === 2);
    assert.deepEqual((await titles()).sort(), ["Another", "Hello world"]);
    await shot("10-filtered");
    await page.getByLabel("Filter records").fill("nosuchfield = 1");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.locator(".grid-wrap .field-error").waitFor();
    await page.getByRole("button", { name: "Clear" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table.grid tbody tr").length === 3);

    // delete
    await page.locator("table.grid tbody tr", { hasText: "Bye" }).click();
    panel = page.locator("dialog[open]");
    await panel.getByRole("button", { name: "Delete" }).click();
    await page.locator("dialog[open]").last().getByRole("button", { name: "Delete" }).click();
    await page.waitForFunction(() => document.querySelectorAll("table.grid tbody tr").length === 2);

    const list = await (await fetch(`${BASE}/api/collections/posts/records?sort=title&expand=author`, { headers: { Authorization: await token() } })).json();
    assert.deepEqual(list.items.map((r) => r.title), ["Another", "Hello world"]);
    const hello = list.items[1];
    assert.equal(hello.expand.author.name, "Ada");
    assert.match(hello.cover, /^cover_\w+\.png$/);
    assert.deepEqual(hello.meta, { tags: ["a", "b"] });
});

step("the collection search and a phone-width layout", async () => {
    await page.getByLabel("Search collections").fill("auth");
    await page.waitForFunction(() => [...document.querySelectorAll(".collection-list a")].every((a) => a.textContent.toLowerCase().includes("auth")));
    await page.getByLabel("Search collections").fill("");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("11-phone");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal page scroll at 390px (overflow ${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 860 });
});

step("a reload keeps the superuser signed in and renews the token", async () => {
    const before = await token();
    await new Promise((r) => setTimeout(r, 1100)); // tokens carry whole seconds
    await page.reload();
    await page.getByText(EMAIL).waitFor();
    await page.waitForFunction((old) => JSON.parse(localStorage.getItem("pb4j_admin_auth")).token !== old, before);
    const res = await fetch(`${BASE}/api/collections/_superusers/records`, { headers: { Authorization: await token() } });
    assert.equal(res.status, 200);
});

step("a fresh tab's first page: each request sent once, from the inline script; a changed grid is followed", async () => {
    await page.goto(`${BASE}/_/#/collections?collection=posts`);
    await page.getByRole("heading", { name: /posts/ }).waitFor();
    /**
     * A fresh tab on the posts grid, then `more(tab)`: the collections API requests it sent, the early answers left
     * once the grid was shown, and the grid's column headers at the end.
     */
    const freshTab = async (more = async () => {}) => {
        const tab = await page.context().newPage();
        const sent = [];
        tab.on("request", (r) => r.url().includes("/api/collections") && sent.push(`${r.method()} ${r.url().slice(BASE.length)}`));
        await tab.goto(`${BASE}/_/#/collections?collection=posts`);
        await tab.waitForFunction(() => document.querySelectorAll("table.grid tbody tr").length === 2);
        const left = await tab.evaluate(() => window.pb4jEarly);
        await more(tab);
        const columns = await tab.$$eval("table.grid thead th:not(.select)", (ths) => ths.map((th) => th.textContent.replace(/[▲▼]/g, "").trim()));
        await tab.close();
        return { sent: sent.sort(), left, columns };
    };
    const posts = await (await fetch(`${BASE}/api/collections/posts`, { headers: { Authorization: await token() } })).json();
    const records = `GET /api/collections/${posts.id}/records?page=1&perPage=30`;
    // the page this tab showed last time: all three requests go out at once, and the dashboard takes each answer
    // (else it would ask again)
    let tab = await freshTab();
    assert.deepEqual(tab.sent, ["GET /api/collections?perPage=500&sort=%2Bname", `${records}&expand=author`,
        "POST /api/collections/_superusers/auth-refresh"].sort());
    assert.equal(tab.left, undefined, "the early answers are forgotten once the page is shown");
    assert.ok(tab.columns.includes("author"));

    // a column hidden meanwhile (here in another tab): the remembered page is asked for, then the right one, once;
    // the wrong guess's answer is never shown, not even when the column comes back in that tab
    await page.evaluate((id) => localStorage.setItem(`pb4j_admin_columns:${id}`, JSON.stringify(["author"])), posts.id);
    tab = await freshTab(async (t) => {
        assert.deepEqual(await t.$$eval("table.grid thead th:not(.select)", (ths) => ths.map((th) => th.textContent.trim()).includes("author")), false);
        await t.locator("details.menu summary", { hasText: "Columns" }).click();
        await t.getByRole("group", { name: "Shown columns" }).getByLabel("author", { exact: true }).check();
        await t.locator("table.grid thead th", { hasText: "author" }).waitFor();
    });
    assert.deepEqual(tab.sent.filter((r) => r.startsWith(records)), [records, `${records}&expand=author`, `${records}&expand=author`].sort());
    assert.ok(tab.columns.includes("author") && tab.columns.includes("title"), tab.columns.join());
    // ...and what the grid showed last is remembered for the next tab
    await page.evaluate((id) => localStorage.setItem(`pb4j_admin_columns:${id}`, JSON.stringify(["author"])), posts.id);
    tab = await freshTab();
    assert.deepEqual(tab.sent.filter((r) => r.startsWith(records)), [records]);
    await page.evaluate((id) => localStorage.removeItem(`pb4j_admin_columns:${id}`), posts.id);
});

step("settings: a field error from the server, then a save; a test email", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Application", exact: true }).waitFor();
    await page.getByLabel("Application name").fill("");
    await page.getByRole("button", { name: "Save application settings" }).click();
    await page.locator('[data-error-for="meta.appName"]').filter({ hasText: /.+/ }).waitFor();
    await shot("12-settings-error");
    await page.getByLabel("Application name").fill("Dashboard test app");
    await page.getByRole("button", { name: "Save application settings" }).click();
    await page.locator(".toast", { hasText: "Saved the application settings." }).waitFor();
    const settings = await (await fetch(`${BASE}/api/settings`, { headers: { Authorization: await token() } })).json();
    assert.equal(settings.meta.appName, "Dashboard test app");

    const mail = process.env.PB_MAIL_FILE;
    const before = existsSync(mail) ? readFileSync(mail, "utf8").length : 0;
    await page.getByRole("button", { name: "Send test email" }).click();
    const test = page.getByRole("dialog", { name: "Send test email" });
    await test.getByLabel("To email address").fill("someone@example.com");
    await test.getByRole("button", { name: "Send", exact: true }).click();
    await page.locator(".toast", { hasText: "Successfully sent test email." }).waitFor();
    assert.ok(readFileSync(mail, "utf8").length > before, "the test email was sent");
});

step("backups: create one, see it listed, download it", async () => {
    await page.getByRole("button", { name: "+ New backup" }).click();
    const row = page.locator("#backups-title ~ table tbody tr", { hasText: ".zip" }).first();
    await row.waitFor({ timeout: 30000 });
    const key = (await row.locator("td").first().textContent()).trim();
    await shot("13-backups");
    const [download] = await Promise.all([
        page.waitForEvent("download"),
        row.getByRole("button", { name: `Download ${key}` }).click(),
    ]);
    assert.equal(download.suggestedFilename(), key);
    const path = join(SHOTS, key);
    await download.saveAs(path);
    assert.equal(readFileSync(path).subarray(0, 2).toString("latin1"), "PK", "a zip archive");
});

step("logs: the requests-per-hour chart is drawn and a log opens", async () => {
    await page.getByRole("link", { name: "Logs" }).click();
    await page.locator("svg.logs-chart rect").first().waitFor();
    const label = await page.locator("svg.logs-chart").getAttribute("aria-label");
    assert.match(label, /^Requests per hour: [1-9]\d* in /);
    await page.locator("table.grid tbody tr").first().waitFor();
    await shot("14-logs");
    await page.getByLabel("Filter logs").fill("data.status >= 400");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.locator("table.grid tbody tr", { hasText: "auth-with-password" }).first().waitFor();
    assert.ok((await page.$$eval("table.grid tbody tr td:nth-child(3)", (tds) => tds.map((t) => Number(t.textContent)))).every((s) => s >= 400));
    await page.locator("table.grid tbody tr").first().click();
    await page.locator("dialog[open] dl.log-detail").waitFor();
    await page.locator("dialog[open]").getByRole("button", { name: "Close" }).first().click();
});

step("SQL console: a query's rows, and a write only after confirming", async () => {
    await page.getByRole("link", { name: "SQL" }).click();
    await page.getByLabel("Query").fill("SELECT title, views FROM posts ORDER BY views");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator("table.sql tbody tr").nth(1).waitFor();
    assert.deepEqual(await page.$$eval("table.sql th", (ths) => ths.map((t) => t.textContent)), ["title", "views"]);
    assert.deepEqual(await page.$$eval("table.sql tbody tr td:first-child", (tds) => tds.map((t) => t.textContent)), ["Hello world", "Another"]);
    await shot("15-sql");
    await page.getByLabel("Query").fill("UPDATE posts SET views = 99 WHERE title = 'Another'");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator("dialog[open]").getByRole("button", { name: "Cancel" }).click();
    await page.getByLabel("Query").fill("SELECT views FROM posts WHERE title = 'Another'");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator("table.sql tbody td", { hasText: "10" }).waitFor();
    await page.getByLabel("Query").fill("UPDATE posts SET views = 99 WHERE title = 'Another'");
    await page.getByRole("button", { name: "Run" }).click();
    await page.locator("dialog[open]").getByRole("button", { name: "Run" }).click();
    await page.locator(".sql-result", { hasText: "1 affected" }).waitFor();
});

step("no script errors on the way", () => {
    assert.deepEqual(errors, []);
});
