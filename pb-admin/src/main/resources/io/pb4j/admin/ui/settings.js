// Settings: application (name, URL, hide controls), mail (SMTP and a test email), files storage (S3), backups,
// crons, rate limits, trusted proxy and batch requests. Each form saves with one PATCH /api/settings; the server's
// errors go beside their fields.
import { h, mount, field, toast } from "pb/dom.js";
import { send } from "pb/api.js";
import { input, checkbox, save } from "pb/forms.js";
import { storageForm, backupsSection } from "pb/backups.js";
import { cronsSection, rateLimitsForm, trustedProxyForm, batchForm } from "pb/settings-server.js";
import { superuserIpsForm, logsForm, applyAccent } from "pb/settings-more.js";
import { openMailTest } from "pb/mailtest.js";

const SECTIONS = [["settings-app", "Application"], ["settings-mail", "Mail"], ["settings-storage", "Files storage"],
    ["settings-backups", "Backups"], ["settings-crons", "Crons"], ["settings-rate-limits", "Rate limits"],
    ["settings-trusted-proxy", "Trusted proxy"], ["settings-batch", "Batch"], ["settings-superuser-ips", "Superuser IPs"],
    ["settings-logs", "Logs"]];

export async function settingsPage(main) {
    const settings = await send("GET", "/api/settings");
    applyAccent(settings.meta.accentColor);
    const [backups, crons] = await Promise.all([backupsSection(settings), cronsSection()]);
    const jump = (id) => {
        const target = document.getElementById(id);
        target.scrollIntoView({ block: "start" });
        target.querySelector("input, select, button")?.focus({ preventScroll: true });
    };
    mount(main, h("section.content.settings", { "aria-label": "Settings" },
        h("h1", "Settings"),
        h("nav.settings-nav", { "aria-label": "Settings sections" },
            SECTIONS.map(([id, label]) => h("button.ghost.small", { type: "button", onclick: () => jump(id) }, label))),
        applicationForm(settings), mailForm(settings), storageForm(settings), backups, crons,
        rateLimitsForm(settings), trustedProxyForm(settings), batchForm(settings), superuserIpsForm(settings), logsForm(settings)));
    const restored = sessionStorage.getItem("pb4j_admin_restored");
    if (restored) {
        sessionStorage.removeItem("pb4j_admin_restored");
        toast(`Restored ${restored}.`);
    }
}

function applicationForm(settings) {
    const meta = { ...settings.meta };
    const form = h("form.card.settings-card#settings-app", { novalidate: true, "aria-labelledby": "app-settings" },
        h("h2#app-settings", "Application"),
        h("div.grid2",
            field("Application name", input(meta, "appName", { required: true }), { name: "meta.appName" }),
            field("Application URL", input(meta, "appURL", { type: "url", required: true }), { name: "meta.appURL" })),
        field("Accent color", input(meta, "accentColor", { placeholder: "#1f5fd1", maxlength: 7, pattern: "#[0-9a-fA-F]{6}" }),
            { name: "meta.accentColor", hint: "A HEX colour (#rrggbb) for the dashboard's buttons and links; empty: the default." }),
        checkbox(meta, "hideControls", "Hide collection create and edit controls", "meta.hideControls"),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Save application settings")));
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const saved = await save(form, { meta: { appName: meta.appName, appURL: meta.appURL, hideControls: meta.hideControls, accentColor: meta.accentColor || "" } }, "application");
        if (saved) applyAccent(saved.meta.accentColor);
    });
    return form;
}

function mailForm(settings) {
    const meta = { ...settings.meta };
    const smtp = { ...settings.smtp };
    const smtpFields = h("div.grid2",
        field("SMTP server host", input(smtp, "host"), { name: "smtp.host" }),
        field("Port", input(smtp, "port", { type: "number" }), { name: "smtp.port" }),
        field("Username", input(smtp, "username", { autocomplete: "off" }), { name: "smtp.username" }),
        field("Password", input(smtp, "password", { type: "password", autocomplete: "new-password", placeholder: "unchanged" }), { name: "smtp.password" }),
        field("TLS encryption", choice(smtp, "tls", [["false", "Auto (StartTLS)"], ["true", "Always"]], (v) => v === "true"), { name: "smtp.tls" }),
        field("AUTH method", choice(smtp, "authMethod", [["PLAIN", "PLAIN (default)"], ["LOGIN", "LOGIN"]]), { name: "smtp.authMethod" }),
        field("EHLO/HELO domain", input(smtp, "localName", { placeholder: "Default to localhost" }),
            { name: "smtp.localName", hint: "Some SMTP servers (e.g. Gmail's relay) want a real domain name here rather than localhost." }));
    const enabled = checkbox(smtp, "enabled", "Use an SMTP mail server (recommended)", "smtp.enabled");
    const form = h("form.card.settings-card#settings-mail", { novalidate: true, "aria-labelledby": "mail-settings" },
        h("h2#mail-settings", "Mail"),
        h("div.grid2",
            field("Sender name", input(meta, "senderName", { required: true }), { name: "meta.senderName" }),
            field("Sender address", input(meta, "senderAddress", { type: "email", required: true }), { name: "meta.senderAddress" })),
        enabled, smtpFields,
        h("div.actions", h("button.secondary", { type: "button", onclick: () => openMailTest() }, "Send test email"),
            h("span.spacer"), h("button.primary", { type: "submit" }, "Save mail settings")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const body = { meta: { senderName: meta.senderName, senderAddress: meta.senderAddress }, smtp: { ...smtp } };
        if (!body.smtp.password) delete body.smtp.password;
        save(form, body, "mail");
    });
    return form;
}

/** A select bound to obj[key]; `parse` turns the option's value into the stored one (e.g. a boolean). */
function choice(obj, key, options, parse = (v) => v) {
    const current = String(obj[key] ?? options[0][0]);
    const el = h("select", { name: key }, options.map(([v, label]) => h("option", { value: v, selected: v === current }, label)));
    obj[key] = parse(el.value || options[0][0]);
    el.addEventListener("change", () => (obj[key] = parse(el.value)));
    return el;
}
