// Settings: application (name, URL, hide controls), mail (SMTP and a test email), files storage (S3), backups,
// crons, rate limits, trusted proxy and batch requests. Each form saves with one PATCH /api/settings; the server's
// errors go beside their fields.
import { h, mount, field, toast } from "pb/dom.js";
import { send } from "pb/api.js";
import { input, checkbox, save } from "pb/forms.js";
import { storageForm, backupsSection } from "pb/backups.js";
import { cronsSection, rateLimitsForm, trustedProxyForm, batchForm } from "pb/settings-server.js";

const SECTIONS = [["settings-app", "Application"], ["settings-mail", "Mail"], ["settings-storage", "Files storage"],
    ["settings-backups", "Backups"], ["settings-crons", "Crons"], ["settings-rate-limits", "Rate limits"],
    ["settings-trusted-proxy", "Trusted proxy"], ["settings-batch", "Batch"]];

export async function settingsPage(main) {
    const settings = await send("GET", "/api/settings");
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
        rateLimitsForm(settings), trustedProxyForm(settings), batchForm(settings)));
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
        checkbox(meta, "hideControls", "Hide collection create and edit controls", "meta.hideControls"),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Save application settings")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { meta: { appName: meta.appName, appURL: meta.appURL, hideControls: meta.hideControls } }, "application");
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
        field("Password", input(smtp, "password", { type: "password", autocomplete: "new-password", placeholder: "unchanged" }), { name: "smtp.password" }));
    const enabled = checkbox(smtp, "enabled", "Use an SMTP mail server (recommended)", "smtp.enabled");
    const form = h("form.card.settings-card#settings-mail", { novalidate: true, "aria-labelledby": "mail-settings" },
        h("h2#mail-settings", "Mail"),
        h("div.grid2",
            field("Sender name", input(meta, "senderName", { required: true }), { name: "meta.senderName" }),
            field("Sender address", input(meta, "senderAddress", { type: "email", required: true }), { name: "meta.senderAddress" })),
        enabled, smtpFields,
        h("div.actions", testEmail(), h("span.spacer"), h("button.primary", { type: "submit" }, "Save mail settings")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const body = { meta: { senderName: meta.senderName, senderAddress: meta.senderAddress }, smtp: { ...smtp } };
        if (!body.smtp.password) delete body.smtp.password;
        save(form, body, "mail");
    });
    return form;
}

function testEmail() {
    const to = h("input", { type: "email", name: "testEmail", placeholder: "you@example.com", "aria-label": "Test email recipient" });
    const template = h("select", { name: "testTemplate", "aria-label": "Test email template" },
        ["verification", "password-reset", "email-change", "otp", "login-alert"].map((t) => h("option", { value: t }, t)));
    return h("div.test-email", to, template, h("button.secondary", {
        type: "button",
        onclick: async () => {
            try {
                await send("POST", "/api/settings/test/email", { body: { email: to.value, template: template.value, collection: "_superusers" } });
                toast(`Sent a test email to ${to.value}.`);
            } catch (err) {
                toast(`${err.message} ${Object.values(err.data || {}).map((d) => d.message).join(" ")}`, "error");
            }
        },
    }, "Send test email"));
}
