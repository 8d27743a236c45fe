// Export and import of collections as JSON (PocketBase's settings/sync pages): export the chosen collections to a
// file, import one with the changes shown first (added, changed and deleted collections and fields), and only then
// `PUT /api/collections/import` with the `deleteMissing` choice.
import { h, mount, field, toast, showErrors, nextId } from "pb/dom.js";
import { send, collections, forgetCollections, ApiError } from "pb/api.js";

export async function exportPage(main) {
    const all = await collections(true);
    const chosen = new Set(all.map((c) => c.id));
    const preview = h("pre.json-preview", { tabindex: "0", "aria-label": "Exported JSON" });
    const json = () => JSON.stringify(all.filter((c) => chosen.has(c.id)), null, 4);
    const count = h("p.hint", { "aria-live": "polite" });
    const download = h("button.primary", { type: "button" }, "Download as JSON");
    const refresh = () => {
        preview.textContent = json();
        count.textContent = `${chosen.size} of ${all.length} collections selected.`;
        download.disabled = chosen.size === 0;
    };
    const boxes = all.map((c) => {
        const box = h("input", { type: "checkbox", checked: true, id: nextId(), name: "exportCollection", value: c.name });
        box.addEventListener("change", () => {
            box.checked ? chosen.add(c.id) : chosen.delete(c.id);
            refresh();
        });
        return box;
    });
    const toggleAll = h("button.ghost", {
        type: "button",
        onclick: () => {
            const select = chosen.size !== all.length;
            boxes.forEach((b, i) => { b.checked = select; select ? chosen.add(all[i].id) : chosen.delete(all[i].id); });
            refresh();
        },
    }, "Select all / none");
    download.addEventListener("click", () => {
        const url = URL.createObjectURL(new Blob([json()], { type: "application/json" }));
        const a = h("a", { href: url, download: "pb_schema.json" });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    const copy = h("button.ghost", {
        type: "button",
        onclick: async () => {
            try {
                await navigator.clipboard.writeText(json());
                toast("Copied the JSON.");
            } catch {
                toast("The browser did not allow copying; select the text instead.", "error");
            }
        },
    }, "Copy");
    mount(main, h("section.content",
        h("div.content-head", h("h1", "Export collections"), h("span.spacer"), h("a", { href: "#/import-collections" }, "Import collections")),
        h("p.hint", "The chosen collections' schema (not their records) as JSON, to import into another app."),
        h("fieldset", h("legend", "Collections to export"), toggleAll,
            h("ul.sync-list", all.map((c, i) => h("li.check", boxes[i], h("label", { for: boxes[i].id }, c.name))))),
        count,
        h("div.actions", download, copy),
        preview));
    refresh();
}

export async function importPage(main) {
    const text = h("textarea.code", { name: "collections", rows: 14, spellcheck: "false", placeholder: "[ { \"name\": \"posts\", ... } ]" });
    const file = h("input", { type: "file", accept: "application/json,.json", name: "importFile" });
    const deleteMissing = h("input", { type: "checkbox", id: nextId(), name: "deleteMissing" });
    const form = h("form.import-form", { novalidate: true });
    const review = h("div.review", { "aria-live": "polite" });
    file.addEventListener("change", async () => {
        if (file.files[0]) text.value = await file.files[0].text();
    });
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        showErrors(form, {});
        let imported;
        try {
            imported = JSON.parse(text.value);
            if (!Array.isArray(imported)) throw new Error("not an array");
        } catch (err) {
            showErrors(form, { collections: { code: "invalid", message: `Invalid collections JSON: ${err.message}.` } });
            return;
        }
        const current = await collections(true);
        const diff = diffCollections(current, imported, deleteMissing.checked);
        mount(review, diffView(diff, deleteMissing.checked),
            h("div.actions",
                h("button.ghost", { type: "button", onclick: () => mount(review) }, "Cancel"),
                h("button.primary", {
                    type: "button",
                    disabled: !diff.some((d) => d.kind !== "unchanged"),
                    onclick: () => confirmImport(form, imported, deleteMissing.checked, review),
                }, "Confirm and import")));
        review.querySelector("h2")?.focus();
    });
    mount(form,
        field("Collections JSON", text, { name: "collections", hint: "Paste an export, or load a file:" }),
        field("JSON file", file),
        h("div.form-row.check", deleteMissing, h("label", { for: deleteMissing.id }, "Delete missing collections and fields"),
            h("p.hint", "Collections and fields that are not in the import are deleted, with their data (system ones are kept).")),
        h("div.actions", h("button.secondary", { type: "submit" }, "Review changes")));
    mount(main, h("section.content",
        h("div.content-head", h("h1", "Import collections"), h("span.spacer"), h("a", { href: "#/export-collections" }, "Export collections")),
        form, review));
}

async function confirmImport(form, imported, deleteMissing, review) {
    try {
        await send("PUT", "/api/collections/import", { body: { collections: imported, deleteMissing } });
        forgetCollections();
        mount(review, h("p.ok", { role: "status" }, "Imported the collections."));
        toast("Imported the collections.");
    } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const rest = showErrors(form, err.data);
        mount(review, h("p.field-error", { role: "alert" }, [err.message, ...rest].join(" ")));
    }
}

const sameField = (a, b) => (a.id && b.id ? a.id === b.id : a.name === b.name);

/**
 * What an import does (as core/collection_import.go): a collection matches an existing one by id, else by name; a
 * matched collection's fields match by id, else by name; with deleteMissing the unmatched existing collections and
 * fields that are not system ones are deleted, without it they are kept.
 */
export function diffCollections(current, imported, deleteMissing) {
    const out = [];
    const matched = new Set();
    for (const next of imported) {
        const old = current.find((c) => (next.id && c.id === next.id)) || current.find((c) => c.name === (next.name || next.id));
        if (!old) {
            out.push({ kind: "added", name: next.name, fields: (next.fields || []).map((f) => ({ kind: "added", name: f.name, type: f.type })), props: [] });
            continue;
        }
        matched.add(old.id);
        const fields = [];
        const nextFields = next.fields || [];
        for (const f of nextFields) {
            const was = (old.fields || []).find((o) => sameField(o, f)) || (old.fields || []).find((o) => o.name === f.name && o.type === f.type);
            if (!was) fields.push({ kind: "added", name: f.name, type: f.type });
            else if (changed(was, f)) fields.push({ kind: "changed", name: was.name === f.name ? f.name : `${was.name} → ${f.name}`, type: f.type });
        }
        for (const o of old.fields || []) {
            const kept = nextFields.some((f) => sameField(o, f) || (f.name === o.name && f.type === o.type));
            if (!kept && deleteMissing && !o.system) fields.push({ kind: "deleted", name: o.name, type: o.type });
        }
        const props = Object.keys(next).filter((k) => !["fields", "id", "created", "updated"].includes(k) && changed(old[k], next[k]));
        out.push({ kind: fields.length || props.length ? "changed" : "unchanged", name: old.name === next.name ? old.name : `${old.name} → ${next.name}`, fields, props });
    }
    if (deleteMissing) {
        for (const c of current) {
            if (!matched.has(c.id) && !c.system) out.push({ kind: "deleted", name: c.name, fields: [], props: [] });
        }
    }
    return out;
}

/** Differs once the keys that only one side has with an empty value are ignored. */
function changed(a, b) {
    return JSON.stringify(normalize(a)) !== JSON.stringify(normalize(b));
}

function normalize(v) {
    if (Array.isArray(v)) return v.map(normalize);
    if (v && typeof v === "object") {
        return Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined && v[k] !== "" && !(Array.isArray(v[k]) && !v[k].length))
            .map((k) => [k, normalize(v[k])]));
    }
    return v;
}

function diffView(diff, deleteMissing) {
    const shown = diff.filter((d) => d.kind !== "unchanged");
    const rows = shown.flatMap((d) => [
        h("tr", { class: `diff-${d.kind}` }, h("th", { scope: "row" }, d.name), h("td", `collection ${d.kind}`),
            h("td", d.props.length ? `changed: ${d.props.join(", ")}` : "")),
        ...d.fields.map((f) => h("tr", { class: `diff-${f.kind}` }, h("td", `  ${d.name}.${f.name}`), h("td", `field ${f.kind}`), h("td", f.type))),
    ]);
    const deleting = diff.some((d) => d.kind === "deleted" || d.fields.some((f) => f.kind === "deleted"));
    return h("section.diff-review", { "aria-labelledby": "diff-title" },
        h("h2#diff-title", { tabindex: "-1" }, "Changes to import"),
        shown.length ? h("table.diff", h("thead", h("tr", h("th", "Name"), h("th", "Change"), h("th", "Details"))), h("tbody", rows))
            : h("p", "The import changes nothing."),
        deleting ? h("p.field-error", { role: "alert" }, "Deleted collections and fields lose all their data.") : null,
        deleteMissing ? null : h("p.hint", "Collections and fields missing from the import are kept."));
}
