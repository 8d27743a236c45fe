// Issue 16's last dashboard items in a real Chromium against the live pb4j that SettingsMailOAuthE2eTest started
// (PB_URL, PB_EMAIL/PB_PASSWORD, PB_SMTP_PORT and PB_MAIL_POP3 of a GreenMail server, SCREENSHOTS, CHROMIUM): the
// SMTP settings and the test email (from the mail settings and from each of a collection's mail templates, read back
// over POP3), the OAuth2 providers' logos and per-provider settings (Microsoft, OIDC, GitLab, Apple's secret
// generator) with errors beside their fields, the records filter's suggestions, the settings keys the other screens
// missed (accent colour, superuser IPs, excluded IPs, logs), and labels, Tab order and focus on every touched screen.
import assert from "node:assert/strict";
import net from "node:net";
import { generateKeyPairSync } from "node:crypto";
import { page, errors, step, shot } from "./browser.mjs";
import { BASE, api, useSignedInBrowser } from "./session.mjs";
import { checkKeyboardAndLabels } from "./a11y.mjs";

const [POP3_HOST, POP3_PORT] = (process.env.PB_MAIL_POP3 || "").split(":");
useSignedInBrowser();

/** The subjects of every message in `address`'s GreenMail mailbox (login and password are the address). */
async function subjects(address) {
    const socket = net.connect(Number(POP3_PORT), POP3_HOST);
    socket.setEncoding("latin1");
    let buffer = "";
    let waiting = null;
    socket.on("data", (chunk) => {
        buffer += chunk;
        if (waiting && waiting.done(buffer)) {
            const w = waiting;
            waiting = null;
            const text = buffer;
            buffer = "";
            w.resolve(text);
        }
    });
    const read = (multiline) => new Promise((resolve, reject) => {
        const done = (b) => b.startsWith("-ERR") || (multiline ? b.endsWith("\r\n.\r\n") : b.endsWith("\r\n"));
        socket.once("error", reject);
        if (done(buffer)) {
            const text = buffer;
            buffer = "";
            resolve(text);
        } else {
            waiting = { done, resolve };
        }
    });
    const command = async (line, multiline = false) => {
        socket.write(line + "\r\n");
        const reply = await read(multiline);
        if (!reply.startsWith("+OK")) throw new Error(`POP3 ${line.split(" ")[0]}: ${reply}`);
        return reply;
    };
    try {
        await read(false);
        await command(`USER ${address}`);
        await command(`PASS ${address}`);
        const count = Number((await command("STAT")).split(" ")[1]);
        const found = [];
        for (let i = 1; i <= count; i++) {
            const raw = await command(`TOP ${i} 0`, true);
            found.push(/^Subject: (.*)$/m.exec(raw)?.[1]?.trim() || "");
        }
        await command("QUIT");
        return found;
    } finally {
        socket.destroy();
    }
}

/** Waits until `address` got `count` messages and returns their subjects. */
async function awaitMails(address, count) {
    let last = [];
    for (let i = 0; i < 100; i++) {
        try {
            last = await subjects(address);
        } catch {
            // the mailbox exists once a first message arrived
        }
        if (last.length >= count) return last;
        await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`${address} got ${last.length} of ${count} mails: ${last.join(" | ")}`);
}

async function settings() {
    await page.goto("about:blank");
    await page.goto(`${BASE}/_/#/settings`);
    await page.getByRole("heading", { name: "Application", exact: true }).waitFor();
}

async function toast(text) {
    await page.locator(".toast", { hasText: text }).first().waitFor();
    await page.evaluate(() => document.querySelectorAll(".toast").forEach((t) => t.remove()));
}

const errorFor = (scope, name) => scope.locator(`[data-error-for="${name}"]`).filter({ hasText: /.+/ });

async function openOptions(name) {
    await page.goto("about:blank");
    await page.goto(`${BASE}/_/#/collections?collection=${name}`);
    await page.getByRole("button", { name: "Edit collection" }).click();
    const p = page.getByRole("dialog", { name: `Edit collection ${name}` });
    await p.getByRole("tab", { name: "Options" }).click();
    return p;
}

step("setup: an auth collection and posts that point at it, through the API", async () => {
    await api("POST", "/api/collections", { name: "members", type: "auth", fields: [{ name: "nickname", type: "text" }] });
    const members = await api("GET", "/api/collections/members");
    await api("POST", "/api/collections", {
        name: "posts", type: "base", fields: [{ name: "title", type: "text" },
            { name: "owner", type: "relation", collectionId: members.id, maxSelect: 1 }],
    });
    const ann = await api("POST", "/api/collections/members/records", { email: "ann@example.com", password: "1234567890", passwordConfirm: "1234567890", nickname: "Ann" });
    const bob = await api("POST", "/api/collections/members/records", { email: "bob@example.com", password: "1234567890", passwordConfirm: "1234567890", nickname: "Bob" });
    await api("POST", "/api/collections/posts/records", { title: "by Ann", owner: ann.id });
    await api("POST", "/api/collections/posts/records", { title: "by Bob", owner: bob.id });
});

step("mail settings: TLS, AUTH method and EHLO domain saved; the SMTP server is GreenMail", async () => {
    await settings();
    const form = page.locator("#settings-mail");
    await form.getByLabel("Use an SMTP mail server (recommended)").check();
    await form.getByLabel("SMTP server host").fill("127.0.0.1");
    await form.getByLabel("Port").fill(process.env.PB_SMTP_PORT);
    await form.getByLabel("TLS encryption").selectOption("false");
    await form.getByLabel("AUTH method").selectOption("LOGIN");
    await form.getByLabel("EHLO/HELO domain").fill("not a host!");
    await form.getByRole("button", { name: "Save mail settings" }).click();
    await errorFor(form, "smtp.localName").waitFor();
    await form.getByLabel("EHLO/HELO domain").fill("e2e.example.com");
    await form.getByRole("button", { name: "Save mail settings" }).click();
    await toast("Saved the mail settings.");
    const saved = await api("GET", "/api/settings");
    assert.deepEqual([saved.smtp.enabled, saved.smtp.host, saved.smtp.port, saved.smtp.tls, saved.smtp.authMethod, saved.smtp.localName],
        [true, "127.0.0.1", Number(process.env.PB_SMTP_PORT), false, "LOGIN", "e2e.example.com"]);
});

step("test email from the mail settings: a bad address beside the field, then the mail arrives", async () => {
    await page.locator("#settings-mail").getByRole("button", { name: "Send test email" }).click();
    const d = page.getByRole("dialog", { name: "Send test email" });
    await d.getByLabel("Password reset").check();
    await d.getByLabel("Auth collection").locator("option", { hasText: "members" }).waitFor({ state: "attached" });
    assert.equal(await d.getByLabel("Auth collection").locator("option:checked").textContent(), "_superusers");
    await d.getByLabel("To email address").fill("not-an-address");
    await d.getByRole("button", { name: "Send", exact: true }).click();
    await errorFor(d, "email").waitFor();
    assert.equal(await d.getByLabel("To email address").getAttribute("aria-invalid"), "true");
    await shot("01-test-email-error");
    const n = await checkKeyboardAndLabels(d, d.getByLabel("Verification"), { label: "test email dialog" });
    assert.ok(n >= 8, `checked ${n} controls`);
    await d.getByLabel("To email address").fill("settings-test@example.com");
    await d.getByRole("button", { name: "Send", exact: true }).click();
    await toast("Successfully sent test email.");
    await d.waitFor({ state: "detached" });
    const got = await awaitMails("settings-test@example.com", 1);
    assert.match(got[0], /^Reset your .* password$/);
});

step("test email of each of a collection's mail templates", async () => {
    const p = await openOptions("members");
    await p.locator("summary", { hasText: "Mail templates" }).click();
    const expected = [];
    for (const [path, label, subject] of [["verificationTemplate", "Verification", /^Verify your .* email$/],
        ["resetPasswordTemplate", "Password reset", /^Reset your .* password$/],
        ["confirmEmailChangeTemplate", "Confirm email change", /^Confirm your .* new email address$/],
        ["otp.emailTemplate", "OTP", /^OTP for /], ["authAlert.emailTemplate", "Login alert", /^Login from a new location$/]]) {
        await p.locator(`fieldset[data-template="${path}"]`).getByRole("button", { name: `Send test ${label} email` }).click();
        const d = page.getByRole("dialog", { name: "Send test email" });
        assert.equal(await d.getByLabel(label, { exact: true }).isChecked(), true, `${label} is preselected`);
        assert.equal(await d.getByLabel("Auth collection").count(), 0, "the collection is the panel's");
        await d.getByLabel("To email address").fill("templates@example.com");
        if (path === "verificationTemplate") await shot("02-template-test-email");
        await d.getByRole("button", { name: "Send", exact: true }).click();
        await toast("Successfully sent test email.");
        await d.waitFor({ state: "detached" });
        expected.push(subject);
    }
    const got = await awaitMails("templates@example.com", 5);
    expected.forEach((re, i) => assert.match(got[i], re));
    // the panel is still open and untouched
    assert.equal(await p.isVisible(), true);
});

step("OAuth2: logos, Microsoft's tenant, OIDC's endpoints and id_token, GitLab self-hosted; errors beside the fields", async () => {
    const p = await openOptions("members");
    await p.locator("summary", { hasText: "OAuth2" }).click();
    await p.getByLabel("Enable OAuth2 auth").check();
    const add = async (name) => {
        await p.getByLabel("OAuth2 provider to add").selectOption(name);
        // the mark the providers API serves (its `logo` SVG), drawn as an image that decoded
        const mark = p.locator(`.picker-logo img.provider-logo[data-provider="${name}"]`);
        assert.equal(await mark.count(), 1, `the picker shows ${name}'s logo`);
        assert.equal(await mark.evaluate((img) => img.decode().then(() => img.naturalWidth)), 32, `${name}'s logo is a 32×32 SVG`);
        const index = await p.locator(".provider-card").count();
        await p.getByRole("button", { name: "Add provider" }).click();
        const card = p.locator(".provider-card").nth(index);
        await card.locator(`img.provider-logo[data-provider="${name}"]`).waitFor();
        await card.getByLabel("Client ID").fill(`${name}-id`);
        await card.getByLabel("Client secret").fill(`${name}-secret`);
        return card;
    };
    const microsoft = await add("microsoft");
    await microsoft.getByLabel("Directory (tenant) ID").fill("contoso-tenant");
    assert.equal(await microsoft.getByLabel("Auth URL").inputValue(), "https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/authorize");
    assert.equal(await microsoft.getByLabel("Token URL").inputValue(), "https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
    await microsoft.getByLabel("Extract email from").selectOption("email");

    const oidc = await add("oidc");
    assert.equal(await oidc.getByLabel("Display name").inputValue(), "OIDC");
    assert.equal(await oidc.getByLabel("Support PKCE").isChecked(), true);
    const gitlab = await add("gitlab");
    await gitlab.getByText("Self-hosted endpoints (optional)").waitFor();
    await gitlab.getByLabel("Auth URL").fill("https://git.example.com/oauth/authorize");

    // blanks PocketBase's form refuses: beside OIDC's fields, before anything is sent
    await p.getByRole("button", { name: "Save changes" }).click();
    await errorFor(p, "oauth2.providers.1.authURL").waitFor();
    await errorFor(p, "oauth2.providers.1.userInfoURL").waitFor();
    await shot("03-oidc-required");
    // the server's own check: a URL that is not one
    await oidc.getByLabel("Auth URL").fill("https://id.example.com/auth");
    await oidc.getByLabel("Token URL").fill("not a url");
    await oidc.getByLabel("Fetch user info from").selectOption("token");
    await oidc.getByLabel("JWKS verification URL").fill("https://id.example.com/jwks");
    await oidc.getByLabel("Issuers").fill("https://id.example.com, https://id2.example.com");
    await p.getByRole("button", { name: "Save changes" }).click();
    await errorFor(p, "oauth2.providers.1.tokenURL").filter({ hasNotText: "Cannot be blank." }).waitFor();
    assert.equal(await errorFor(p, "oauth2.providers.1.authURL").count(), 0);
    await shot("04-oidc-server-error");
    await oidc.getByLabel("Token URL").fill("https://id.example.com/token");
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.waitFor({ state: "detached" });

    const members = await api("GET", "/api/collections/members");
    const byName = Object.fromEntries(members.oauth2.providers.map((x) => [x.name, x]));
    assert.equal(byName.microsoft.authURL, "https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/authorize");
    assert.equal(byName.microsoft.extra.idTokenEmailClaim, "email");
    assert.deepEqual([byName.oidc.displayName, byName.oidc.pkce, byName.oidc.userInfoURL, byName.oidc.extra.jwksURL, byName.oidc.extra.issuers],
        ["OIDC", true, "", "https://id.example.com/jwks", ["https://id.example.com", "https://id2.example.com"]]);
    assert.equal(byName.gitlab.authURL, "https://git.example.com/oauth/authorize");
});

step("OAuth2: Apple's client secret generated by the server; its errors beside the generator's fields", async () => {
    const p = await openOptions("members");
    await p.locator("summary", { hasText: "OAuth2" }).click();
    await p.getByLabel("OAuth2 provider to add").selectOption("apple");
    await p.getByRole("button", { name: "Add provider" }).click();
    const apple = p.locator(".provider-card").last();
    await apple.getByLabel("Client ID").fill("com.example.app");
    await apple.getByRole("button", { name: "Generate secret" }).click();
    const g = page.getByRole("dialog", { name: "Generate Apple client secret" });
    assert.equal(await g.getByLabel("Client ID").inputValue(), "com.example.app");
    await g.getByLabel("Team ID").fill("short");
    await g.getByLabel("Key ID").fill("KEY1234567");
    await g.getByLabel("Private key").fill("not a key");
    await g.getByRole("button", { name: "Generate secret" }).click();
    await errorFor(g, "teamId").waitFor();
    await errorFor(g, "privateKey").waitFor();
    await shot("05-apple-generator-errors");
    const n = await checkKeyboardAndLabels(g, g.getByLabel("Client ID"), { label: "Apple generator" });
    assert.ok(n >= 7, `checked ${n} controls`);
    const key = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey.export({ type: "pkcs8", format: "pem" });
    await g.getByLabel("Team ID").fill("TEAM123456");
    await g.getByLabel("Private key").fill(key);
    await g.getByRole("button", { name: "Generate secret" }).click();
    await g.waitFor({ state: "detached" });
    await toast("Successfully generated client secret.");
    const secret = await apple.getByLabel("Client secret").inputValue();
    const [header, claims] = secret.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    assert.deepEqual([header.alg, header.kid, claims.iss, claims.sub], ["ES256", "KEY1234567", "TEAM123456", "com.example.app"]);
    await shot("06-apple-secret");

    // labels, Tab order and focus over the whole Options tab with every section open
    for (const title of ["Identity/Password", "One-time password (OTP)", "Multi-factor authentication (MFA)", "Mail templates", "Token options"]) {
        await p.locator("summary", { hasText: title }).click();
    }
    const n2 = await checkKeyboardAndLabels(p, p.getByRole("tab", { name: "Options" }), { label: "auth options", maxTabs: 600 });
    assert.ok(n2 >= 50, `checked ${n2} controls`);
    await p.getByRole("button", { name: "Save changes" }).click();
    await p.waitFor({ state: "detached" });
    const members = await api("GET", "/api/collections/members");
    assert.ok(members.oauth2.providers.some((x) => x.name === "apple" && x.clientId === "com.example.app"));
});

step("records filter: the rules editor's suggestions, driven by the keyboard", async () => {
    await page.goto("about:blank");
    await page.goto(`${BASE}/_/#/collections?collection=posts`);
    const filter = page.getByLabel("Filter records");
    await filter.click();
    await filter.pressSequentially("owner.nick");
    const list = page.locator(".filter-bar ul.suggestions");
    await list.getByRole("option", { name: "owner.nickname", exact: true }).waitFor();
    assert.equal(await filter.getAttribute("aria-expanded"), "true");
    await shot("07-filter-suggestions");
    await page.keyboard.press("Enter");
    assert.equal(await filter.inputValue(), "owner.nickname");
    await filter.pressSequentially(' = "Ann" && @request.auth.i');
    await list.getByRole("option", { name: "@request.auth.id", exact: true }).waitFor();
    await page.keyboard.press("Escape");
    assert.equal(await list.isHidden(), true);
    assert.equal(await filter.inputValue(), 'owner.nickname = "Ann" && @request.auth.i', "Escape closes the list, keeps the text");
    await filter.press("Control+a");
    await filter.pressSequentially("@collection.mem");
    await list.getByRole("option", { name: "@collection.members.nickname", exact: true }).waitFor();
    await filter.fill("");
    await filter.pressSequentially("created < @tod");
    const options = await list.getByRole("option").allTextContents();
    assert.ok(options.includes("@todayStart") && options.includes("@todayEnd"), options.join());
    await page.keyboard.press("ArrowDown");
    const chosen = await list.locator('[aria-selected="true"]').textContent();
    await page.keyboard.press("Tab");
    assert.equal(await filter.inputValue(), `created < ${chosen}`);
    // none inside a string literal; Enter with the list closed applies the filter
    await filter.fill("");
    await filter.pressSequentially('title ~ "owner');
    assert.equal(await list.isHidden(), true, "no suggestions inside a string");
    await filter.fill("");
    await filter.pressSequentially('owner.nickname = "Ann"');
    assert.equal(await list.isHidden(), true);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll("table.grid tbody tr[data-id]").length === 1);
    assert.match(await page.locator("table.grid tbody").textContent(), /by Ann/);
    const n = await checkKeyboardAndLabels(page.locator("form.filter-bar"), filter, { label: "filter bar" });
    assert.equal(n, 3);
});

step("settings the screens missed: accent colour, superuser IPs, rate limit excluded IPs, logs", async () => {
    await settings();
    const app = page.locator("#settings-app");
    await app.getByLabel("Accent color").fill("red");
    await app.getByRole("button", { name: "Save application settings" }).click();
    await errorFor(app, "meta.accentColor").waitFor();
    await app.getByLabel("Accent color").fill("#aa3355");
    await app.getByRole("button", { name: "Save application settings" }).click();
    await toast("Saved the application settings.");
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()), "#aa3355");

    const ips = page.locator("#settings-superuser-ips");
    await ips.getByLabel("Superuser IPs and subnets").fill("127.0.0.1, not-an-ip");
    await ips.getByRole("button", { name: "Save superuser IPs" }).click();
    await errorFor(ips, "superuserIPs").waitFor();
    await shot("08-superuser-ips-error");
    await ips.getByLabel("Superuser IPs and subnets").fill("127.0.0.1, 10.0.0.0/8");
    await ips.getByRole("button", { name: "Save superuser IPs" }).click();
    await toast("Saved the superuser IPs settings.");
    assert.deepEqual((await api("GET", "/api/settings")).superuserIPs, ["127.0.0.1", "10.0.0.0/8"]);

    const limits = page.locator("#settings-rate-limits");
    await limits.getByLabel("Excluded IPs and subnets").fill("10.1.2.3, 300.1.1.1");
    await limits.getByRole("button", { name: "Save rate limits" }).click();
    await errorFor(limits, "rateLimits.excludedIPs").waitFor();
    await limits.getByLabel("Excluded IPs and subnets").fill("10.1.2.3, 192.168.0.0/16");
    await limits.getByRole("button", { name: "Save rate limits" }).click();
    await toast("Saved the rate limit settings.");

    const logs = page.locator("#settings-logs");
    await logs.getByLabel("Max days retention").fill("3");
    await logs.getByLabel("Min log level").fill("4");
    await logs.getByLabel("Enable IP logging").uncheck();
    await logs.getByLabel("Enable auth id logging").check();
    await logs.getByRole("button", { name: "Save logs settings" }).click();
    await toast("Saved the logs settings.");
    const saved = await api("GET", "/api/settings");
    assert.deepEqual(saved.rateLimits.excludedIPs, ["10.1.2.3", "192.168.0.0/16"]);
    assert.deepEqual([saved.logs.maxDays, saved.logs.minLevel, saved.logs.logIP, saved.logs.logAuthId], [3, 4, false, true]);
    assert.equal(saved.meta.accentColor, "#aa3355");
    await shot("09-settings-more");

    // every control of the settings screen: a name, reached by Tab, focus drawn
    await settings();
    const main = page.locator("main");
    const n = await checkKeyboardAndLabels(main, main.getByRole("button", { name: "Application", exact: true }), { label: "settings", maxTabs: 600 });
    assert.ok(n >= 40, `checked ${n} controls`);

    // no lock-out left behind
    await page.locator("#settings-superuser-ips").getByLabel("Superuser IPs and subnets").fill("");
    await page.locator("#settings-superuser-ips").getByRole("button", { name: "Save superuser IPs" }).click();
    await toast("Saved the superuser IPs settings.");
    assert.deepEqual((await api("GET", "/api/settings")).superuserIPs, []);
});

step("no script errors on the way", () => {
    assert.deepEqual(errors, []);
});
