// Settings: application (name, URL, sender, hide controls), mail (SMTP and a test email), backups (list, create,
// download, delete). Each form saves with one PATCH /api/settings; the server's errors go beside their fields.
import { h, mount, field, showErrors, toast, confirmDialog, nextId } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";

export async function settingsPage(main) {
    const settings = await send("GET", "/api/settings");
    mount(main, h("section.content.settings", { "aria-label": "Settings" },
        h("h1", "Settings"), applicationForm(settings), mailForm(settings), await backupsSection()));
}

function input(obj, key, attrs = {}) {
    const el = h("input", { name: key, value: obj[key] ?? "", ...attrs });
    el.addEventListener("input", () => (obj[key] = attrs.type === "number" ? Number(el.value) : el.value));
    return el;
}

function checkbox(obj, key, label, path) {
    const box = h("input", { type: "checkbox", name: key, checked: !!obj[key], id: nextId() });
    box.addEventListener("change", () => (obj[key] = box.checked));
    box.setAttribute("data-field", path);
    return h("div.form-row.check", box, h("label", { for: box.id }, label), h("p.field-error", { "data-error-for": path, role: "alert" }));
}

async function save(form, body, what) {
    try {
        await send("PATCH", "/api/settings", { body });
        showErrors(form, {});
        toast(`Saved the ${what} settings.`);
    } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const rest = showErrors(form, err.data);
        toast([err.message, ...rest].join(" "), "error");
    }
}

function applicationForm(settings) {
    const meta = { ...settings.meta };
    const form = h("form.card.settings-card", { novalidate: true, "aria-labelledby": "app-settings" },
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
    const form = h("form.card.settings-card", { novalidate: true, "aria-labelledby": "mail-settings" },
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

async function backupsSection() {
    const list = h("tbody");
    const section = h("section.card.settings-card", { "aria-labelledby": "backups-title" },
        h("h2#backups-title", "Backups"),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "button", onclick: create }, "+ New backup")),
        h("table.grid", h("caption.sr-only", "Backups"),
            h("thead", h("tr", h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Size"), h("th", { scope: "col" }, "Modified"), h("th", { scope: "col" }, h("span.sr-only", "Actions")))),
            list));

    async function load() {
        const backups = await send("GET", "/api/backups");
        backups.sort((a, b) => (a.modified < b.modified ? 1 : -1));
        mount(list, backups.length ? backups.map((b) => h("tr",
            h("td", b.key), h("td", `${(b.size / 1024).toFixed(1)} KB`), h("td", b.modified),
            h("td.row-actions",
                h("button.ghost.small", { type: "button", "aria-label": `Download ${b.key}`, onclick: () => download(b.key) }, "Download"),
                h("button.ghost.small.danger-text", { type: "button", "aria-label": `Delete ${b.key}`, onclick: () => remove(b.key) }, "Delete"))))
            : h("tr", h("td.empty", { colspan: 4 }, "No backups yet.")));
    }

    async function create() {
        try {
            await send("POST", "/api/backups", { body: {} });
            toast("Backup created.");
            await load();
        } catch (err) {
            toast(err.message, "error");
        }
    }

    async function download(key) {
        // backups are downloaded with a short-lived file token, as the SDK does
        const { token } = await send("POST", "/api/files/token");
        const a = h("a", { href: `/api/backups/${encodeURIComponent(key)}?token=${encodeURIComponent(token)}`, download: key });
        document.body.append(a);
        a.click();
        a.remove();
    }

    async function remove(key) {
        if (!(await confirmDialog(`Delete the backup ${key}?`, "Delete"))) return;
        await send("DELETE", `/api/backups/${encodeURIComponent(key)}`);
        toast("Backup deleted.");
        await load();
    }

    await load();
    return section;
}
