// The settings keys the other forms leave out: superuser IPs, the logs options (retention, minimum level, IP and
// auth id logging), the accent colour, and a comma-separated list input for the IP lists (superuserIPs,
// rateLimits.excludedIPs). Each form saves with one PATCH /api/settings.
import { h, field } from "pb/dom.js";
import { input, checkbox, save } from "pb/forms.js";

/** A text input showing `array` as "a, b" and giving back the non-empty items. */
export function listInput(holder, key, attrs = {}) {
    const el = h("input", { type: "text", name: key, value: (holder[key] || []).join(", "), autocomplete: "off", ...attrs });
    el.addEventListener("input", () => (holder[key] = el.value.split(",").map((s) => s.trim()).filter(Boolean)));
    return el;
}

/** Sets the dashboard's accent colour (meta.accentColor; empty: the default). */
export function applyAccent(color) {
    if (color) document.documentElement.style.setProperty("--accent", color);
    else document.documentElement.style.removeProperty("--accent");
}

export function superuserIpsForm(settings) {
    const holder = { superuserIPs: [...(settings.superuserIPs || [])] };
    const form = h("form.card.settings-card#settings-superuser-ips", { novalidate: true, "aria-labelledby": "superuser-ips-title" },
        h("h2#superuser-ips-title", "Superuser IPs"),
        h("p.hint", "Only these IPs and subnets may use a superuser's token. Make sure yours is in the list, or you lock yourself out (the CLI's superuser commands still work)."),
        field("Superuser IPs and subnets", listInput(holder, "superuserIPs", { placeholder: "Leave empty for no restriction" }),
            { name: "superuserIPs", hint: "Comma-separated, e.g. 127.0.0.1, 10.0.0.0/8" }),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Save superuser IPs")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { superuserIPs: holder.superuserIPs }, "superuser IPs");
    });
    return form;
}

export function logsForm(settings) {
    const logs = { ...settings.logs };
    const form = h("form.card.settings-card#settings-logs", { novalidate: true, "aria-labelledby": "logs-settings-title" },
        h("h2#logs-settings-title", "Logs"),
        h("div.grid2",
            field("Max days retention", input(logs, "maxDays", { type: "number", min: 0 }), { name: "logs.maxDays", hint: "0 disables the logs' persistence." }),
            field("Min log level", input(logs, "minLevel", { type: "number", min: -100, max: 100 }),
                { name: "logs.minLevel", hint: "Logs below it are ignored. Default levels: -4 DEBUG, 0 INFO, 4 WARN, 8 ERROR." })),
        checkbox(logs, "logIP", "Enable IP logging", "logs.logIP"),
        checkbox(logs, "logAuthId", "Enable auth id logging", "logs.logAuthId"),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Save logs settings")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { logs: { maxDays: Number(logs.maxDays), minLevel: Number(logs.minLevel), logIP: !!logs.logIP, logAuthId: !!logs.logAuthId } }, "logs");
    });
    return form;
}
