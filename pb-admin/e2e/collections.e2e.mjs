// The collection side of the dashboard in a real Chromium (Debian's, through playwright-core) against the live pb4j
// that CollectionsE2eTest started (PB_URL, SCREENSHOTS, CHROMIUM; a superuser admin@example.com / 1234567890 and a
// UI extension "e2e"). The steps share one page and run in order: sign in, auth options, API rules with
// suggestions, fields (reorder by drag and by keyboard, every option, rename and delete), export and import with
// the diff, superusers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHOTS, page, errors, useBrowser, step, shot } from "./browser.mjs";

const BASE = process.env.PB_URL;
const EMAIL = "admin@example.com";
const PASSWORD = "1234567890";

useBrowser({ viewport: { width: 1280, height: 900 } });


async function token() {
    return page.evaluate(() => JSON.parse(localStorage.getItem("pb4j_admin_auth")).token);
}

async function api(method, path, body) {
    const res = await fetch(`${BASE}${path}`, {
        method,
        headers: { Authorization: await token(), ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function collection(name) {
    const res = await api("GET", `/api/collections/${name}`);
    assert.equal(res.status, 200, `GET collection ${name}`);
    return res.json;
}

/** Clicks `button` and waits for the collection panel's save to land on `name`; an error fails with its messages. */
async function saved(name, button) {
    await page.evaluate(() => document.querySelectorAll(".toast").forEach((t) => t.remove()));
    await button.click();
    const landed = page.waitForFunction((n) => location.hash.includes(`collection=${n}`), name).then(() => null);
    const failed = page.locator(".toast.error").first().waitFor().then(async () =>
        `${await page.locator(".toast.error").first().textContent()} | ${(await page.locator(".field-error").allTextContents()).filter(Boolean).join(" | ")}`);
    const error = await Promise.race([landed, failed]);
    if (error) throw new Error(`the save failed: ${error}`);
}

const panel = () => page.locator("dialog[open]").first();

/** A fresh load of a dashboard page (a hash change alone would keep an open panel). */
async function go(hash) {
    await page.goto("about:blank");
    await page.goto(`${BASE}/_/${hash}`);
}

async function openCollection(name) {
    await go(`#/collections?collection=${name}`);
    await page.getByRole("heading", { name: new RegExp(name) }).waitFor();
    await page.getByRole("button", { name: "Edit collection" }).or(page.getByRole("button", { name: /collection settings/i })).first().click();
    await panel().waitFor();
}

step("sign in; the server's UI extension runs in the dashboard", async () => {
    await page.goto(`${BASE}/_/`);
    await page.getByRole("heading", { name: "Superuser sign in" }).waitFor();
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForFunction(() => location.hash.startsWith("#/collections"));
    await page.waitForFunction(() => document.documentElement.dataset.pb4jExtension === "loaded");
    const file = await fetch(`${BASE}/_/extensions/e2e/hello.txt`);
    assert.equal(await file.text(), "hello from an extension");
    // schema for the later steps, made through the API
    assert.equal((await api("POST", "/api/collections", { name: "authors", type: "base", fields: [{ name: "name", type: "text", presentable: true }] })).status, 200);
    const authors = await collection("authors");
    const posts = await api("POST", "/api/collections", {
        name: "posts", type: "base", fields: [
            { name: "title", type: "text" }, { name: "body", type: "editor" }, { name: "views", type: "number" },
            { name: "author", type: "relation", collectionId: authors.id, maxSelect: 1 }],
    });
    assert.equal(posts.status, 200);
    assert.equal((await api("POST", "/api/collections/posts/records", { title: "kept", body: "<p>old body</p>", views: 7 })).status, 200);
});

step("auth options: OTP, MFA, OAuth2 provider and mapping, templates, token durations; errors beside the field", async () => {
    await go(`#/collections`);
    await page.getByRole("button", { name: "+ New collection" }).click();
    const p = panel();
    await p.getByLabel("Name", { exact: true }).fill("members");
    await p.getByLabel("Type", { exact: true }).selectOption("auth");
    await p.getByLabel("New field type").selectOption("text");
    await p.getByRole("button", { name: "Add field" }).click();
    await p.locator(".field-card").last().getByLabel("Field name").fill("nickname");
    await p.getByLabel("New field type").selectOption("url");
    await p.getByRole("button", { name: "Add field" }).click();
    await p.locator(".field-card").last().getByLabel("Field name").fill("photo");
    await p.getByRole("tab", { name: "Options" }).click();

    // password auth: email is the identity field of the scaffold
    await p.locator("summary", { hasText: "Identity/Password" }).click();
    assert.ok(await p.getByRole("checkbox", { name: "email", exact: true }).isChecked());

    // OTP with a duration the server refuses
    await p.locator("summary", { hasText: "One-time password (OTP)" }).click();
    await p.getByLabel("Enable OTP").check();
    const otp = p.locator('details[data-section="otp"]');
    await otp.getByLabel("Duration (in seconds)").fill("5");
    await otp.getByLabel("Generated password length").fill("8");

    await p.locator("summary", { hasText: "Multi-factor authentication (MFA)" }).click();
    const mfa = p.locator('details[data-section="mfa"]');
    await p.getByLabel("Enable MFA").check();
    await mfa.getByLabel("Duration (in seconds)").fill("900");
    await mfa.getByLabel("MFA rule").fill('@request.auth.verified = true');

    await p.locator("summary", { hasText: "OAuth2" }).click();
    await p.getByLabel("Enable OAuth2 auth").check();
    await p.getByLabel("OAuth2 provider to add").selectOption("google");
    await p.getByRole("button", { name: "Add provider" }).click();
    const google = p.locator(".provider-card").first();
    await google.getByLabel("Client ID").fill("google-client-id");
    await google.getByLabel("Client secret").fill("google-client-secret");
    await p.getByLabel("OAuth2 full name").selectOption("nickname");
    await p.getByLabel("OAuth2 avatar").selectOption("photo");

    await p.locator("summary", { hasText: "Mail templates" }).click();
    await p.getByLabel("Send email alert for new logins").uncheck();
    const verification = p.locator('fieldset[data-template="verificationTemplate"]');
    await verification.getByLabel("Subject").fill("Verify your {APP_NAME} account");
    const otpTemplate = p.locator('fieldset[data-template="otp.emailTemplate"]');
    await otpTemplate.getByLabel("Body (HTML)").fill("<p>Your code: <strong>{OTP}</strong></p>");

    await p.locator("summary", { hasText: "Token options" }).click();
    const auth = p.locator("fieldset.token", { hasText: "Auth token" });
    await auth.getByLabel("Duration (in seconds)").fill("3600");
    const file = p.locator("fieldset.token", { hasText: "Protected file token" });
    await file.getByLabel("Duration (in seconds)").fill("240");
    await shot("01-auth-options");

    await p.getByRole("button", { name: "Create" }).click();
    const error = p.locator('[data-error-for="otp.duration"]');
    await error.filter({ hasText: /.+/ }).waitFor();
    assert.ok(await p.locator('details[data-section="otp"]').evaluate((d) => d.open), "the section with the error is open");
    await error.scrollIntoViewIfNeeded();
    await shot("02-auth-options-error");
    await otp.getByLabel("Duration (in seconds)").fill("300");
    await saved("members", p.getByRole("button", { name: "Create" }));

    const members = await collection("members");
    assert.equal(members.otp.enabled, true);
    assert.equal(members.otp.duration, 300);
    assert.equal(members.otp.length, 8);
    assert.equal(members.otp.emailTemplate.body, "<p>Your code: <strong>{OTP}</strong></p>");
    assert.deepEqual([members.mfa.enabled, members.mfa.duration, members.mfa.rule], [true, 900, "@request.auth.verified = true"]);
    assert.equal(members.oauth2.enabled, true);
    assert.deepEqual(members.oauth2.providers.map((x) => [x.name, x.clientId]), [["google", "google-client-id"]]);
    assert.equal(members.oauth2.mappedFields.name, "nickname");
    assert.equal(members.oauth2.mappedFields.avatarURL, "photo");
    assert.equal(members.authAlert.enabled, false);
    assert.equal(members.verificationTemplate.subject, "Verify your {APP_NAME} account");
    assert.equal(members.authToken.duration, 3600);
    assert.equal(members.fileToken.duration, 240);
    assert.deepEqual(members.passwordAuth.identityFields, ["email"]);

    // an edit keeps the stored client secret (never sent back) and can remove the provider again
    await openCollection("members");
    await panel().getByRole("tab", { name: "Options" }).click();
    await panel().locator("summary", { hasText: "OAuth2" }).click();
    await panel().locator(".provider-card").first().getByLabel("Client ID").fill("google-client-id-2");
    await panel().getByRole("button", { name: "Save changes" }).click();
    await panel().waitFor({ state: "detached" });
    assert.equal((await collection("members")).oauth2.providers[0].clientId, "google-client-id-2");
});

step("API rules: suggestions of fields, relation paths, @request, @collection and macros; the server's error at the rule", async () => {
    await openCollection("posts");
    const p = panel();
    await p.getByRole("tab", { name: "API rules" }).click();
    await p.getByRole("button", { name: "Unlock (set a rule)" }).first().click();
    const rule = p.getByLabel("List/Search rule");
    await rule.click();
    await rule.pressSequentially("author.na");
    const list = p.locator("ul.suggestions").first();
    await list.getByRole("option", { name: "author.name", exact: true }).waitFor();
    assert.equal(await rule.getAttribute("aria-expanded"), "true");
    await shot("03-rule-suggestions");
    await page.keyboard.press("Enter");
    assert.equal(await rule.inputValue(), "author.name");
    await rule.pressSequentially(' != "" && @request.auth.i');
    await list.getByRole("option", { name: "@request.auth.id", exact: true }).waitFor();
    await list.getByRole("option", { name: "@request.auth.id", exact: true }).click();
    await rule.pressSequentially(' != "" && @collection.auth');
    await list.getByRole("option", { name: "@collection.authors.name", exact: true }).waitFor();
    // arrows move the choice; Escape closes the list and leaves the panel open
    const options = await list.getByRole("option").allTextContents();
    await page.keyboard.press("ArrowDown");
    assert.equal(await list.locator('[aria-selected="true"]').textContent(), options[1 % options.length]);
    await page.keyboard.press("Escape");
    assert.equal(await list.isHidden(), true);
    assert.equal(await p.isVisible(), true);
    await rule.pressSequentially("ors.na");
    await list.getByRole("option", { name: "@collection.authors.name", exact: true }).click();
    await rule.pressSequentially(' = "x" && created < @todayS');
    await list.getByRole("option", { name: "@todayStart", exact: true }).click();
    assert.equal(await rule.inputValue(), 'author.name != "" && @request.auth.id != "" && @collection.authors.name = "x" && created < @todayStart');

    // a rule the server refuses: its message beside the rule
    await p.getByRole("button", { name: "Unlock (set a rule)" }).first().click();
    await p.getByLabel("View rule").fill("nosuchfield = 1");
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.locator('[data-error-for="viewRule"]').filter({ hasText: /.+/ }).waitFor();
    await shot("04-rule-error");
    await p.getByLabel("View rule").fill("@request.auth.id != \"\"");
    await p.getByLabel("List/Search rule").fill("author.name != \"\" && @request.auth.id != \"\"");
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.waitFor({ state: "detached" });
    const posts = await collection("posts");
    assert.equal(posts.listRule, 'author.name != "" && @request.auth.id != ""');
    assert.equal(posts.viewRule, '@request.auth.id != ""');
});

step("fields: drag to reorder, the keyboard too, rename and delete with what happens to the data", async () => {
    await openCollection("posts");
    const p = panel();
    const names = () => p.locator(".field-card input[name=fieldName]").evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(await names(), ["id", "title", "body", "views", "author"]);
    // drag "author" onto the upper half of "title"
    const cards = p.locator(".field-card");
    await cards.nth(4).locator(".drag-handle").dragTo(cards.nth(1), { targetPosition: { x: 40, y: 5 } });
    assert.deepEqual(await names(), ["id", "author", "title", "body", "views"]);
    // the keyboard alternative: the handle with the arrow keys
    await p.locator(".field-card").nth(3).locator(".drag-handle").focus();
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await names(), ["id", "author", "title", "views", "body"]);
    assert.ok(await p.locator(".field-card").nth(4).locator(".drag-handle").evaluate((el) => el === document.activeElement), "focus follows the field");

    // rename title, delete body: the hint, then the confirmation at save, say what happens to the data
    await p.locator(".field-card").nth(2).getByLabel("Field name").fill("headline");
    await p.getByText('Renamed from "title": the column is renamed on save, its data is kept.').waitFor();
    await p.getByRole("button", { name: "Delete field body" }).click();
    const confirm = page.locator("dialog[open]").last();
    await confirm.getByText(/its column and all the data in it are deleted/).waitFor();
    await confirm.getByRole("button", { name: "Delete field" }).click();
    await shot("05-fields-reordered");
    await p.getByRole("button", { name: "Save changes" }).click();
    const changes = page.locator("dialog[open]").last();
    await changes.getByText("Deleted fields:").waitFor();
    await changes.getByText(/title → headline/).waitFor();
    await shot("06-fields-confirm");
    await changes.getByRole("button", { name: "Confirm and save" }).click();
    await page.waitForFunction(() => document.querySelectorAll("dialog[open]").length === 0);

    const posts = await collection("posts");
    assert.deepEqual(posts.fields.map((f) => f.name), ["id", "author", "headline", "views"]);
    const records = await api("GET", "/api/collections/posts/records");
    assert.equal(records.json.items[0].headline, "kept", "the renamed column kept its data");
    assert.equal(records.json.items[0].body, undefined);
});

step("indexes: a unique index built from the chosen columns; the server's error beside the indexes", async () => {
    await openCollection("posts");
    const p = panel();
    await p.getByRole("tab", { name: "Indexes" }).click();
    await p.getByRole("button", { name: "Add index" }).click();
    await p.getByText("Choose at least one column.").waitFor();
    await p.getByLabel("Unique", { exact: true }).check();
    await p.getByRole("group", { name: "Index columns" }).getByLabel("headline", { exact: true }).check();
    await p.getByRole("button", { name: "Add index" }).click();
    const text = p.getByLabel(/^Indexes/);
    assert.match(await text.inputValue(), /^CREATE UNIQUE INDEX `idx_\w+` ON `posts` \(`headline`\)$/);
    await text.fill(`${await text.inputValue()}\nCREATE INDEX broken ON`);
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.locator('[data-error-for="indexes"]').filter({ hasText: /Index 2/ }).waitFor();
    await shot("06b-index-error");
    await text.fill((await text.inputValue()).split("\n")[0]);
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.waitFor({ state: "detached" });
    const posts = await collection("posts");
    assert.equal(posts.indexes.length, 1);
    assert.match(posts.indexes[0], /CREATE UNIQUE INDEX `idx_\w+` ON `posts` \(`headline`\)/);
});

step("fields: every option of each field type is saved", async () => {
    await go(`#/collections`);
    await page.getByRole("button", { name: "+ New collection" }).click();
    const p = panel();
    await p.getByLabel("Name", { exact: true }).fill("everything");
    const add = async (type, name, fill) => {
        await p.getByLabel("New field type").selectOption(type);
        await p.getByRole("button", { name: "Add field" }).click();
        const card = p.locator(".field-card").last();
        await card.getByLabel("Field name").fill(name);
        await fill?.(card);
    };
    await add("text", "code", async (c) => {
        await c.getByLabel("Min length").fill("2");
        await c.getByLabel("Max length").fill("12");
        await c.getByLabel("Validation pattern (regex)").fill("^[a-z0-9]+$");
        await c.getByLabel("Autogenerate pattern").fill("[a-z0-9]{8}");
        await c.getByLabel("Hidden").check();
    });
    await add("number", "score", async (c) => {
        await c.getByLabel("Min", { exact: true }).fill("-1");
        await c.getByLabel("Max", { exact: true }).fill("99");
        await c.getByLabel("Integers only").check();
        await c.getByLabel("Nonempty").check();
    });
    await add("email", "mail", (c) => c.getByLabel("Only domains").fill("example.com, example.org"));
    await add("url", "site", (c) => c.getByLabel("Except domains").fill("bad.example"));
    await add("editor", "notes", async (c) => {
        await c.getByLabel("Max size (bytes)").fill("2048");
        await c.getByLabel("Convert URLs").check();
    });
    await add("date", "due", (c) => c.getByLabel("Min date").fill("2024-01-01 00:00:00.000Z"));
    await add("autodate", "stamped", async (c) => {
        await c.getByLabel("Set on create").check();
        await c.getByLabel("Set on update").check();
    });
    await add("select", "tags", async (c) => {
        await c.getByLabel("Choices").fill("a, b, c");
        await c.getByLabel("Max select").fill("2");
    });
    await add("file", "docs", async (c) => {
        await c.getByLabel("Max files").fill("3");
        await c.getByLabel("Max size (bytes)").fill("1048576");
        await c.getByLabel("MIME types").fill("application/pdf, image/png");
        await c.getByLabel("Thumb sizes (e.g. 100x100)").fill("50x50");
        await c.getByLabel("Protected").check();
    });
    await add("relation", "writer", async (c) => {
        await c.getByLabel("Collection").selectOption({ label: "authors" });
        await c.getByLabel("Min select").fill("1");
        await c.getByLabel("Max select").fill("2");
        await c.getByLabel("Cascade delete").check();
    });
    await add("json", "extra", (c) => c.getByLabel("Max size (bytes)").fill("4096"));
    await add("password", "pin", async (c) => {
        await c.getByLabel("Min length").fill("4");
        await c.getByLabel("Max length").fill("8");
        await c.getByLabel("Bcrypt cost").fill("6");
    });
    await add("bool", "flag");
    await add("geoPoint", "spot", (c) => c.getByLabel("Presentable").check());
    await shot("07-every-option");
    await saved("everything", p.getByRole("button", { name: "Create" }));

    const byName = Object.fromEntries((await collection("everything")).fields.map((f) => [f.name, f]));
    assert.deepEqual([byName.code.min, byName.code.max, byName.code.pattern, byName.code.autogeneratePattern, byName.code.hidden], [2, 12, "^[a-z0-9]+$", "[a-z0-9]{8}", true]);
    assert.deepEqual([byName.score.min, byName.score.max, byName.score.onlyInt, byName.score.required], [-1, 99, true, true]);
    assert.deepEqual(byName.mail.onlyDomains, ["example.com", "example.org"]);
    assert.deepEqual(byName.site.exceptDomains, ["bad.example"]);
    assert.deepEqual([byName.notes.maxSize, byName.notes.convertURLs], [2048, true]);
    assert.equal(byName.due.min, "2024-01-01 00:00:00.000Z");
    assert.deepEqual([byName.stamped.onCreate, byName.stamped.onUpdate], [true, true]);
    assert.deepEqual([byName.tags.values, byName.tags.maxSelect], [["a", "b", "c"], 2]);
    assert.deepEqual([byName.docs.maxSelect, byName.docs.maxSize, byName.docs.mimeTypes, byName.docs.thumbs, byName.docs.protected],
        [3, 1048576, ["application/pdf", "image/png"], ["50x50"], true]);
    assert.deepEqual([byName.writer.minSelect, byName.writer.maxSelect, byName.writer.cascadeDelete], [1, 2, true]);
    assert.equal(byName.extra.maxSize, 4096);
    assert.deepEqual([byName.pin.min, byName.pin.max, byName.pin.cost], [4, 8, 6]);
    assert.equal(byName.flag.type, "bool");
    assert.equal(byName.spot.presentable, true);
});

step("export the chosen collections as JSON", async () => {
    await go(`#/collections`);
    await page.getByRole("link", { name: "Export collections" }).click();
    await page.getByRole("heading", { name: "Export collections" }).waitFor();
    await page.getByRole("button", { name: "Select all / none" }).click();
    await page.getByRole("checkbox", { name: "authors", exact: true }).check();
    await page.getByRole("checkbox", { name: "posts", exact: true }).check();
    await page.getByText("2 of").waitFor();
    await shot("08-export");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as JSON" }).click()]);
    assert.equal(download.suggestedFilename(), "pb_schema.json");
    const path = join(SHOTS, "pb_schema.json");
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, "utf8"));
    assert.deepEqual(exported.map((c) => c.name).sort(), ["authors", "posts"]);
    assert.ok(exported.find((c) => c.name === "posts").fields.some((f) => f.name === "headline"));
});

step("import: the diff first (added, changed, deleted collections and fields), then deleteMissing applied", async () => {
    const exported = JSON.parse(readFileSync(join(SHOTS, "pb_schema.json"), "utf8"));
    const posts = exported.find((c) => c.name === "posts");
    posts.fields = posts.fields.filter((f) => f.name !== "views");       // deleted field (deleteMissing)
    posts.fields.push({ name: "summary", type: "text" });                  // added field
    posts.fields.find((f) => f.name === "headline").max = 200;             // changed field
    exported.push({ name: "tags", type: "base", fields: [{ name: "label", type: "text" }] }); // added collection

    await go(`#/import-collections`);
    await page.getByRole("heading", { name: "Import collections" }).waitFor();
    // invalid JSON is refused beside the field
    await page.getByLabel("Collections JSON").fill("{ nope");
    await page.getByRole("button", { name: "Review changes" }).click();
    await page.locator('[data-error-for="collections"]').filter({ hasText: /Invalid collections JSON/ }).waitFor();

    await page.getByLabel("Collections JSON").fill(JSON.stringify(exported));
    await page.getByLabel("Delete missing collections and fields").check();
    await page.getByRole("button", { name: "Review changes" }).click();
    const table = page.locator("table.diff");
    await table.waitFor();
    const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()).slice(0, 2).join(" | ")));
    for (const expected of ["tags | collection added", "posts | collection changed", "posts.views | field deleted", "posts.summary | field added",
        "posts.headline | field changed", "members | collection deleted", "everything | collection deleted"]) {
        assert.ok(rows.includes(expected), `"${expected}" in ${JSON.stringify(rows)}`);
    }
    assert.ok(!rows.some((r) => r.startsWith("_superusers")), "system collections are kept");
    await shot("09-import-diff");
    await page.getByRole("button", { name: "Confirm and import" }).click();
    await page.getByText("Imported the collections.").first().waitFor();

    const names = (await api("GET", "/api/collections?perPage=100")).json.items.map((c) => c.name);
    assert.ok(names.includes("tags") && !names.includes("members") && !names.includes("everything"), names.join());
    const after = await collection("posts");
    assert.deepEqual(after.fields.map((f) => f.name), ["id", "author", "headline", "summary"]);
    assert.equal(after.fields.find((f) => f.name === "headline").max, 200);
});

step("superusers: listed as the _superusers system collection, created and deleted in the records screen", async () => {
    await go(`#/collections`);
    await page.locator(".collection-list .group-title", { hasText: "System" }).waitFor();
    await page.locator(".collection-list").getByRole("link", { name: /_superusers/ }).click();
    await page.getByRole("heading", { name: /_superusers/ }).waitFor();
    await page.locator("table.grid tbody tr", { hasText: EMAIL }).waitFor();
    await page.getByRole("button", { name: "+ New record" }).click();
    const p = panel();
    await p.getByLabel("email *", { exact: true }).fill("second@example.com");
    await p.getByLabel("Password", { exact: true }).fill("another-passw0rd");
    await p.getByLabel("Password confirm").fill("another-passw0rd");
    await p.getByRole("button", { name: "Create" }).click();
    await p.waitFor({ state: "detached" });
    const row = page.locator("table.grid tbody tr", { hasText: "second@example.com" });
    await row.waitFor();
    await shot("10-superusers");
    // the new superuser can sign in
    const signIn = await fetch(`${BASE}/api/collections/_superusers/auth-with-password`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ identity: "second@example.com", password: "another-passw0rd" }),
    });
    assert.equal(signIn.status, 200);
    await row.click();
    await panel().getByRole("button", { name: "Delete" }).click();
    await page.locator("dialog[open]").last().getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });
    const list = await api("GET", "/api/collections/_superusers/records");
    assert.deepEqual(list.json.items.map((r) => r.email), [EMAIL]);
});

step("phone width: the auth options and the import page fit", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await go(`#/import-collections`);
    await page.getByRole("heading", { name: "Import collections" }).waitFor();
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scroll on the import page (${overflow}px)`);
    await go(`#/collections?collection=_superusers`);
    await page.getByRole("heading", { name: /_superusers/ }).waitFor();
    await page.getByRole("button", { name: "Edit collection" }).or(page.getByRole("button", { name: /collection settings/i })).first().click();
    await panel().getByRole("tab", { name: "Options" }).click();
    await panel().locator("summary", { hasText: "OAuth2" }).click();
    await shot("11-phone-auth-options");
    overflow = await panel().evaluate((d) => d.scrollWidth - d.clientWidth);
    assert.ok(overflow <= 1, `no horizontal scroll in the panel (${overflow}px)`);
    // keyboard: Escape closes the panel
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.querySelectorAll("dialog[open]").length === 0);
    await page.setViewportSize({ width: 1280, height: 900 });
});

step("no script errors on the way", () => {
    assert.deepEqual(errors, []);
});
