// Records out and in: the grid's current filter and sort exported to CSV or JSON (every page, read with the list
// API), and CSV/JSON files imported after a preview, either as one batch request (all or nothing) or one create
// per row with each row's error shown.
import { h, mount, dialog, toast, nextId } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";

const PAGE = 1000; // the list API's largest page
const NOT_IMPORTED = new Set(["autodate", "file"]);

/** The fields a file carries: all but secrets (a password is write-only, tokenKey is the server's). */
export function exportedFields(collection) {
    return collection.fields.filter((f) => f.type !== "password" && f.name !== "tokenKey");
}

/** Reads every record matching the grid's filter and sort, and saves them as `<collection>.csv` or `.json`. */
export async function exportRecords(collection, { filter, sort }, format) {
    const items = [];
    for (let page = 1; ; page++) {
        const res = await send("GET", `/api/collections/${encodeURIComponent(collection.id)}/records`, {
            query: { page, perPage: PAGE, filter, sort, skipTotal: 1 },
        });
        items.push(...res.items);
        if (res.items.length < PAGE) break;
    }
    const fields = exportedFields(collection).map((f) => f.name);
    const rows = items.map((r) => Object.fromEntries(fields.map((n) => [n, r[n] ?? null])));
    const text = format === "csv" ? toCsv(fields, rows) : JSON.stringify(rows, null, 2);
    const type = format === "csv" ? "text/csv" : "application/json";
    const a = h("a", { href: URL.createObjectURL(new Blob([text], { type })), download: `${collection.name}.${format}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    toast(`Exported ${items.length} record${items.length === 1 ? "" : "s"} as ${format.toUpperCase()}.`);
    return items.length;
}

/** RFC 4180 CSV: arrays and objects as their JSON, null as an empty cell. */
export function toCsv(fields, rows) {
    const cell = (v) => {
        const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return [fields.map(cell).join(","), ...rows.map((r) => fields.map((f) => cell(r[f])).join(","))].join("\r\n") + "\r\n";
}

/** Parses RFC 4180 CSV (quoted cells with commas, quotes and line breaks) into objects keyed by the header row. */
export function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
            else if (c === '"') quoted = false;
            else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") { row.push(cell); cell = ""; }
        else if (c === "\n" || c === "\r") {
            if (c === "\r" && text[i + 1] === "\n") i++;
            row.push(cell);
            rows.push(row);
            row = [];
            cell = "";
        } else cell += c;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    const [header = [], ...body] = rows.filter((r) => r.length > 1 || r[0] !== "");
    const names = header.map((n, i) => (i === 0 ? n.replace(/^\uFEFF/, "") : n).trim());
    return body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ""])));
}

/** A CSV cell as the value the field takes: numbers, booleans, JSON, and lists for multi-value fields. */
function fromCsv(f, s) {
    if (f.type === "number") return s.trim() === "" ? null : Number(s);
    if (f.type === "bool") return /^(true|1|yes)$/i.test(s.trim());
    if (f.type === "json" || f.type === "geoPoint") return s.trim() === "" ? null : tryJson(s);
    if ((f.type === "select" || f.type === "relation") && (f.maxSelect || 1) > 1) {
        return s.trim().startsWith("[") ? tryJson(s) : s.split(",").map((x) => x.trim()).filter(Boolean);
    }
    return s;
}

function tryJson(s) {
    try {
        return JSON.parse(s);
    } catch {
        return s; // the server names the field's error
    }
}

/** The record bodies of a parsed file: known fields only (files and autodates cannot be imported); the columns left out. */
export function toBodies(collection, parsed, fromText) {
    const byName = new Map(collection.fields.map((f) => [f.name, f]));
    const columns = [...new Set(parsed.flatMap((r) => Object.keys(r)))];
    const used = columns.filter((c) => byName.has(c) && !NOT_IMPORTED.has(byName.get(c).type) && c !== "tokenKey");
    const ignored = columns.filter((c) => !used.includes(c));
    const bodies = parsed.map((r) => {
        const body = {};
        for (const c of used) {
            const f = byName.get(c);
            const v = fromText && typeof r[c] === "string" ? fromCsv(f, r[c]) : r[c];
            if (c === "id" && !v) continue;
            if (f.type === "password") {
                if (!v) continue;
                body[`${c}Confirm`] = v;
            }
            body[c] = v;
        }
        return body;
    });
    return { bodies, used, ignored };
}

function parseFile(name, text) {
    const trimmed = text.trim();
    if (/\.json$/i.test(name) || trimmed.startsWith("[") || trimmed.startsWith("{")) {
        const data = JSON.parse(trimmed);
        const list = Array.isArray(data) ? data : Array.isArray(data.items) ? data.items : [data];
        if (!list.every((x) => x && typeof x === "object" && !Array.isArray(x))) throw new Error("The JSON must be an array of objects.");
        return { rows: list, fromText: false };
    }
    return { rows: parseCsv(text), fromText: true };
}

/** The import panel: choose a file, see what would be created, then create it. Resolves true when something was. */
export async function importRecords(collection) {
    let batch = { enabled: false, maxRequests: 0 };
    try {
        batch = (await send("GET", "/api/settings")).batch || batch;
    } catch {
        /* without the settings the batch mode is simply offered as off */
    }
    return dialog(`Import ${collection.name} records`, (close) => {
        let plan = null;
        let created = false;
        const file = h("input", { type: "file", name: "importFile", accept: ".csv,.json,text/csv,application/json" });
        const fileId = nextId();
        file.id = fileId;
        const preview = h("div.import-preview", { "aria-live": "polite" });
        const results = h("ol.import-results", { "aria-label": "Import results" });
        const batchOk = batch.enabled;
        const modeBatch = h("input", { type: "radio", name: "importMode", value: "batch", id: nextId(), checked: batchOk, disabled: !batchOk });
        const modeRows = h("input", { type: "radio", name: "importMode", value: "rows", id: nextId(), checked: !batchOk });
        const run = h("button.primary", { type: "button", disabled: true }, "Import");
        file.addEventListener("change", async () => {
            mount(results);
            const chosen = file.files[0];
            if (!chosen) return;
            try {
                const { rows, fromText } = parseFile(chosen.name, await chosen.text());
                plan = toBodies(collection, rows, fromText);
            } catch (err) {
                plan = null;
                mount(preview, h("p.field-error", { role: "alert" }, `The file cannot be read: ${err.message}`));
                run.disabled = true;
                return;
            }
            run.disabled = plan.bodies.length === 0;
            mount(preview, previewTable(plan));
        });
        run.addEventListener("click", async () => {
            run.disabled = true;
            mount(results);
            const ok = modeBatch.checked ? await viaBatch(collection, plan.bodies, results) : await oneByOne(collection, plan.bodies, results);
            created = created || ok > 0;
            toast(`Imported ${ok} of ${plan.bodies.length} record${plan.bodies.length === 1 ? "" : "s"}.`, ok === plan.bodies.length ? "info" : "error");
        });
        return h("div.panel-body",
            h("div.form-row", h("label", { for: fileId }, "CSV or JSON file"), file,
                h("p.hint", "A header row of field names (CSV) or an array of objects (JSON), as the export writes them. Files and autodates are not imported.")),
            h("fieldset.import-mode", h("legend", "Create the records"),
                h("div.form-row.check", modeBatch, h("label", { for: modeBatch.id }, "in one batch request (all or nothing)")),
                batchOk ? null : h("p.hint", "Batch requests are off: turn them on under Settings → Batch."),
                h("div.form-row.check", modeRows, h("label", { for: modeRows.id }, "one by one (each row's error shown)"))),
            preview, results,
            h("div.actions", h("span.spacer"), h("button.ghost", { type: "button", onclick: () => close(created) }, "Close"), run));
    });
}

function previewTable({ bodies, used, ignored }) {
    const shown = bodies.slice(0, 10);
    return h("div",
        h("p", `${bodies.length} record${bodies.length === 1 ? "" : "s"} to create with the fields ${used.join(", ") || "(none)"}.`),
        ignored.length ? h("p.hint", `Ignored columns: ${ignored.join(", ")}.`) : null,
        h("div.grid-wrap", h("table.grid", h("caption.sr-only", "Import preview"),
            h("thead", h("tr", h("th", { scope: "col" }, "#"), used.map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", shown.map((b, i) => h("tr", h("td", String(i + 1)),
                used.map((c) => h("td", b[c] === undefined ? "" : typeof b[c] === "object" ? JSON.stringify(b[c]) : String(b[c])))))))),
        bodies.length > shown.length ? h("p.hint", `… and ${bodies.length - shown.length} more.`) : null);
}

function describe(err) {
    const fields = Object.entries(err?.data || {}).map(([k, v]) => `${k}: ${v?.message ?? JSON.stringify(v)}`);
    return [err?.message || String(err), ...fields].join(" ");
}

async function oneByOne(collection, bodies, results) {
    let ok = 0;
    const url = `/api/collections/${encodeURIComponent(collection.id)}/records`;
    for (let i = 0; i < bodies.length; i++) {
        try {
            const r = await send("POST", url, { body: bodies[i] });
            ok++;
            results.append(h("li.ok", `Row ${i + 1}: created ${r.id}.`));
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            results.append(h("li.failed", `Row ${i + 1}: ${describe(err)}`));
        }
    }
    return ok;
}

async function viaBatch(collection, bodies, results) {
    const url = `/api/collections/${encodeURIComponent(collection.id)}/records`;
    try {
        await send("POST", "/api/batch", { body: { requests: bodies.map((body) => ({ method: "POST", url, body })) } });
        results.append(h("li.ok", `Created all ${bodies.length} records in one batch.`));
        return bodies.length;
    } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const failed = Object.entries(err.data?.requests || {});
        if (!failed.length) results.append(h("li.failed", `Nothing was created: ${describe(err)}`));
        for (const [i, f] of failed) {
            results.append(h("li.failed", `Row ${Number(i) + 1}: ${describe(f.response || f)} Nothing was created.`));
        }
        return 0;
    }
}
