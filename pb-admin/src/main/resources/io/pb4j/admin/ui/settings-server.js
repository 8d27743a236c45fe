// Settings → crons (list, run now), rate limits (the rules table), trusted proxy (headers, leftmost IP) and batch
// requests. Each form saves with one PATCH /api/settings.
import { h, mount, field, toast, nextId } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";
import { input, checkbox, save, errorText } from "pb/forms.js";
import { listInput } from "pb/settings-more.js";

export async function cronsSection() {
    const list = h("tbody");
    const section = h("section.card.settings-card#settings-crons", { "aria-labelledby": "crons-title" },
        h("h2#crons-title", "Crons"),
        h("p.hint", "The scheduled jobs of the app (system jobs start with __pb). Run now starts one in the background."),
        h("table.grid", h("caption.sr-only", "Cron jobs"),
            h("thead", h("tr", h("th", { scope: "col" }, "Id"), h("th", { scope: "col" }, "Expression"), h("th", { scope: "col" }, h("span.sr-only", "Actions")))),
            list));
    const jobs = await send("GET", "/api/crons");
    mount(list, jobs.length ? jobs.map((j) => h("tr",
        h("td", j.id), h("td", h("code", j.expression)),
        h("td.row-actions", h("button.ghost.small", {
            type: "button",
            "aria-label": `Run ${j.id}`,
            onclick: async () => {
                try {
                    await send("POST", `/api/crons/${encodeURIComponent(j.id)}`);
                    toast(`Started ${j.id}.`);
                } catch (err) {
                    if (!(err instanceof ApiError)) throw err;
                    toast(errorText(err), "error");
                }
            },
        }, "Run now"))))
        : h("tr", h("td.empty", { colspan: 3 }, "No cron jobs.")));
    return section;
}

const AUDIENCES = [["", "All"], ["@guest", "Guest only"], ["@auth", "Auth only"]];

export function rateLimitsForm(settings) {
    const limits = { enabled: !!settings.rateLimits.enabled, rules: settings.rateLimits.rules.map((r) => ({ ...r })),
        excludedIPs: [...(settings.rateLimits.excludedIPs || [])] };
    const body = h("tbody");
    const render = () => mount(body, limits.rules.map((rule, i) => {
        const path = `rateLimits.rules.${i}`;
        const cellOf = (key, control) => {
            control.setAttribute("data-field", `${path}.${key}`);
            return h("td", control, h("p.field-error", { "data-error-for": `${path}.${key}`, role: "alert" }));
        };
        const audience = h("select", { name: "audience", "aria-label": `Audience of rule ${i + 1}` },
            AUDIENCES.map(([v, l]) => h("option", { value: v, selected: rule.audience === v }, l)));
        audience.addEventListener("change", () => (rule.audience = audience.value));
        return h("tr",
            cellOf("label", input(rule, "label", { "aria-label": `Label of rule ${i + 1}`, placeholder: "tag or /path/" })),
            cellOf("maxRequests", input(rule, "maxRequests", { type: "number", min: 1, "aria-label": `Max requests of rule ${i + 1}` })),
            cellOf("duration", input(rule, "duration", { type: "number", min: 1, "aria-label": `Interval in seconds of rule ${i + 1}` })),
            cellOf("audience", audience),
            h("td", h("button.ghost.small.danger-text", { type: "button", "aria-label": `Remove rule ${i + 1}`, onclick: () => { limits.rules.splice(i, 1); render(); } }, "Remove")));
    }));
    render();
    const form = h("form.card.settings-card#settings-rate-limits", { novalidate: true, "aria-labelledby": "rate-limits-title" },
        h("h2#rate-limits-title", "Rate limits"),
        checkbox(limits, "enabled", "Enable rate limiting", "rateLimits.enabled"),
        h("p.hint", "A label is a path prefix (/api/, POST /api/batch) or a tag (*:auth, users:create); the most specific rule applies."),
        h("div.grid-wrap", h("table.grid.rules", h("caption.sr-only", "Rate limit rules"),
            h("thead", h("tr", ["Label", "Max requests", "Interval (s)", "Audience"].map((t) => h("th", { scope: "col" }, t)), h("th", h("span.sr-only", "Actions")))),
            body)),
        field("Excluded IPs and subnets", listInput(limits, "excludedIPs", { placeholder: "e.g. 127.0.0.1, 10.0.0.0/8" }),
            { name: "rateLimits.excludedIPs", hint: "Comma-separated; requests from these are never rate limited." }),
        h("div.actions",
            h("button.ghost", { type: "button", onclick: () => { limits.rules.push({ label: "", audience: "", duration: 10, maxRequests: 100 }); render(); body.querySelector("tr:last-child input")?.focus(); } }, "+ Add rule"),
            h("span.spacer"), h("button.primary", { type: "submit" }, "Save rate limits")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { rateLimits: { enabled: limits.enabled, excludedIPs: limits.excludedIPs, rules: limits.rules.map((r) => ({ ...r, duration: Number(r.duration), maxRequests: Number(r.maxRequests) })) } }, "rate limit");
    });
    return form;
}

export function trustedProxyForm(settings) {
    const proxy = { headers: (settings.trustedProxy.headers || []).join(", "), useLeftmostIP: !!settings.trustedProxy.useLeftmostIP };
    const headers = input(proxy, "headers", { placeholder: "X-Forwarded-For, X-Real-IP" });
    const form = h("form.card.settings-card#settings-trusted-proxy", { novalidate: true, "aria-labelledby": "proxy-title" },
        h("h2#proxy-title", "Trusted proxy"),
        h("p.hint", "Behind a reverse proxy, the client's IP is read from these headers (for logs and rate limits). Leave empty when the app is reached directly."),
        field("Trusted proxy headers", headers, { name: "trustedProxy.headers", hint: "Comma-separated, e.g. X-Forwarded-For, CF-Connecting-IP" }),
        checkbox(proxy, "useLeftmostIP", "Use the leftmost IP of X-Forwarded-For-like headers (else the rightmost)", "trustedProxy.useLeftmostIP"),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Save trusted proxy")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const list = proxy.headers.split(",").map((s) => s.trim()).filter(Boolean);
        save(form, { trustedProxy: { headers: list, useLeftmostIP: proxy.useLeftmostIP } }, "trusted proxy");
    });
    return form;
}

export function batchForm(settings) {
    const batch = { ...settings.batch };
    const form = h("form.card.settings-card#settings-batch", { novalidate: true, "aria-labelledby": "batch-title" },
        h("h2#batch-title", "Batch requests"),
        checkbox(batch, "enabled", "Enable batch requests (POST /api/batch)", "batch.enabled"),
        h("div.grid2",
            field("Max requests in a batch", input(batch, "maxRequests", { type: "number", min: 1 }), { name: "batch.maxRequests" }),
            field("Timeout (seconds)", input(batch, "timeout", { type: "number", min: 1 }), { name: "batch.timeout" }),
            field("Max body size (bytes, 0 = default 128 MB)", input(batch, "maxBodySize", { type: "number", min: 0, id: nextId() }), { name: "batch.maxBodySize" })),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Save batch settings")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { batch: { enabled: !!batch.enabled, maxRequests: Number(batch.maxRequests), timeout: Number(batch.timeout), maxBodySize: Number(batch.maxBodySize) } }, "batch");
    });
    return form;
}
