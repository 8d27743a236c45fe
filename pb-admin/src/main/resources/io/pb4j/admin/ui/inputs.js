// One input per field type for the record panel. Each returns { el, value(), files? } where value() is what goes
// into the record's JSON and files (file fields) the new uploads and the names to remove.
import { h, mount, field, nextId, dialog, quote } from "pb/dom.js";
import { send, fileUrl, collections } from "pb/api.js";

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

export function fieldInput(f, record, collection) {
    const value = record[f.name];
    const name = f.name;
    const make = INPUTS[f.type] || INPUTS.text;
    return make(f, value, record, collection, name);
}

const text = (type) => (f, value) => {
    const input = h("input", { type, name: f.name, value: value ?? "", required: f.required && !f.primaryKey });
    const hint = f.primaryKey ? "Leave empty to generate one." : "";
    return { el: field(label(f), input, { name: f.name, hint }), value: () => input.value };
};

function label(f) {
    return f.required && !f.primaryKey ? `${f.name} *` : f.name;
}

const INPUTS = {
    text: text("text"),
    email: text("email"),
    url: text("url"),
    number(f, value) {
        const input = h("input", { type: "number", step: f.onlyInt ? "1" : "any", name: f.name, value: value ?? "" });
        return { el: field(label(f), input, { name: f.name }), value: () => (input.value === "" ? null : Number(input.value)) };
    },
    bool(f, value) {
        const box = h("input", { type: "checkbox", name: f.name, checked: !!value, id: nextId() });
        const el = h("div.form-row.check", box, h("label", { for: box.id }, f.name),
            h("p.field-error", { "data-error-for": f.name, role: "alert" }));
        box.setAttribute("data-field", f.name);
        return { el, value: () => box.checked };
    },
    editor(f, value) {
        const area = h("textarea", { name: f.name, rows: 6 }, value ?? "");
        return { el: field(label(f), area, { name: f.name, hint: "HTML" }), value: () => area.value };
    },
    date(f, value) {
        const input = h("input", { type: "datetime-local", step: "1", name: f.name, value: value ? value.slice(0, 19).replace(" ", "T") : "" });
        return {
            el: field(`${label(f)} (UTC)`, input, { name: f.name }),
            value: () => (input.value ? `${input.value.replace("T", " ")}${input.value.length === 16 ? ":00" : ""}.000Z` : ""),
        };
    },
    autodate(f, value) {
        return { el: h("p.readonly", h("strong", `${f.name}: `), value || "set by the server"), value: undefined };
    },
    select(f, value) {
        const multiple = (f.maxSelect || 1) > 1;
        const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
        const select = h("select", { name: f.name, multiple, size: multiple ? Math.min(6, f.values.length) : undefined },
            multiple ? null : h("option", { value: "" }, "—"),
            (f.values || []).map((v) => h("option", { value: v, selected: chosen.has(v) }, v)));
        return {
            el: field(label(f), select, { name: f.name }),
            value: () => (multiple ? [...select.selectedOptions].map((o) => o.value) : select.value),
        };
    },
    json(f, value) {
        const area = h("textarea.code", { name: f.name, rows: 5, spellcheck: "false" }, value === null || value === undefined ? "" : JSON.stringify(value, null, 2));
        return {
            el: field(label(f), area, { name: f.name, hint: "JSON" }),
            value: () => {
                if (area.value.trim() === "") return null;
                try {
                    return JSON.parse(area.value);
                } catch {
                    return area.value; // the server answers with the field's error
                }
            },
        };
    },
    password(f, value, record, collection) {
        const input = h("input", { type: "password", name: f.name, autocomplete: "new-password" });
        if (collection.type !== "auth" || f.name !== "password") {
            return { el: field(label(f), input, { name: f.name, hint: "Stored as a hash; leave empty to keep." }), value: () => input.value || undefined };
        }
        const confirm = h("input", { type: "password", name: `${f.name}Confirm`, autocomplete: "new-password" });
        return {
            el: h("div.grid2", field("Password", input, { name: f.name }), field("Password confirm", confirm, { name: `${f.name}Confirm` })),
            value: () => input.value || undefined,
            extra: () => (input.value ? { [`${f.name}Confirm`]: confirm.value } : {}),
        };
    },
    geoPoint(f, value) {
        const lon = h("input", { type: "number", step: "any", name: `${f.name}.lon`, value: value?.lon ?? 0 });
        const lat = h("input", { type: "number", step: "any", name: `${f.name}.lat`, value: value?.lat ?? 0 });
        return {
            el: h("fieldset.grid2", h("legend", f.name), field("Longitude", lon), field("Latitude", lat),
                h("p.field-error", { "data-error-for": f.name, role: "alert" })),
            value: () => ({ lon: Number(lon.value), lat: Number(lat.value) }),
        };
    },
    file(f, value, record, collection) {
        const existing = Array.isArray(value) ? value : value ? [value] : [];
        const removed = new Set();
        const multiple = (f.maxSelect || 1) > 1;
        const input = h("input", { type: "file", name: f.name, multiple });
        const list = h("ul.files");
        let picked = [];
        const render = () => {
            mount(list,
                existing.map((name) => h("li", { class: removed.has(name) ? "removed" : undefined },
                    IMAGE.test(name) ? h("img", { src: fileUrl(collection.id, record.id, name, "100x100"), alt: "", width: 48, height: 48 }) : null,
                    h("a", { href: fileUrl(collection.id, record.id, name), target: "_blank", rel: "noopener" }, name),
                    h("button.ghost.small", {
                        type: "button",
                        "aria-label": `${removed.has(name) ? "Keep" : "Remove"} ${name}`,
                        onclick: () => { removed.has(name) ? removed.delete(name) : removed.add(name); render(); },
                    }, removed.has(name) ? "Keep" : "Remove"))),
                picked.map((file) => h("li.new",
                    file.type.startsWith("image/") ? h("img.preview", { src: URL.createObjectURL(file), alt: `Preview of ${file.name}`, width: 48, height: 48 }) : null,
                    h("span", `${file.name} (new)`))));
        };
        input.addEventListener("change", () => {
            picked = [...input.files];
            render();
        });
        render();
        return {
            el: h("div", field(label(f), input, { name: f.name }), list),
            value: undefined,
            files: () => ({ upload: picked, remove: [...removed], multiple }),
        };
    },
    relation(f, value) {
        const multiple = (f.maxSelect || 1) > 1;
        let ids = Array.isArray(value) ? [...value] : value ? [value] : [];
        const chips = h("ul.chips", { "aria-label": `${f.name} selected` });
        const labels = new Map();
        const render = async () => {
            mount(chips, ids.map((id) => h("li.chip", h("span", labels.get(id) || id),
                h("button.ghost.small", { type: "button", "aria-label": `Unselect ${labels.get(id) || id}`, onclick: () => { ids = ids.filter((x) => x !== id); render(); } }, "✕"))));
        };
        const pick = h("button.secondary", { type: "button", name: f.name }, multiple ? "Choose records…" : "Choose a record…");
        pick.addEventListener("click", async () => {
            const chosen = await relationPicker(f, ids, multiple);
            if (chosen) {
                chosen.labels.forEach((v, k) => labels.set(k, v));
                ids = chosen.ids;
                render();
            }
        });
        // labels of the current values from the expanded record
        relationLabels(f, ids).then((m) => { m.forEach((v, k) => labels.set(k, v)); render(); });
        return {
            el: h("div", field(label(f), pick, { name: f.name }), chips),
            value: () => (multiple ? ids : ids[0] || ""),
        };
    },
};

/** The field to show for a record of a collection: the first presentable field, else a text-like one, else id. */
export function displayField(target) {
    const fields = target?.fields || [];
    return (fields.find((x) => x.presentable && !x.hidden)
        || fields.find((x) => ["text", "email", "url"].includes(x.type) && !x.hidden && x.name !== "id")
        || { name: "id" }).name;
}

async function relationLabels(f, ids) {
    const out = new Map();
    if (!ids.length) return out;
    const target = (await collections()).find((c) => c.id === f.collectionId);
    const shown = displayField(target);
    const res = await send("GET", `/api/collections/${encodeURIComponent(f.collectionId)}/records`, {
        query: { perPage: ids.length, filter: ids.map((id) => `id=${quote(id)}`).join("||"), skipTotal: 1 },
    });
    res.items.forEach((r) => out.set(r.id, String(r[shown] ?? r.id)));
    return out;
}

/** The relation picker: search the target collection, choose one or more records. */
function relationPicker(f, current, multiple) {
    const chosen = new Set(current);
    const labels = new Map();
    return dialog(`Choose ${f.name}`, (close) => {
        const search = h("input", { type: "search", name: "relationSearch", "aria-label": "Search records", placeholder: "Search" });
        const list = h("ul.picker", { role: "listbox", "aria-multiselectable": String(multiple) });
        let shown = "id";
        const load = async () => {
            const target = (await collections()).find((c) => c.id === f.collectionId);
            shown = displayField(target);
            const q = search.value.trim();
            const filter = q ? `id~${quote(q)}${shown !== "id" ? `||${shown}~${quote(q)}` : ""}` : "";
            const res = await send("GET", `/api/collections/${encodeURIComponent(f.collectionId)}/records`, { query: { perPage: 50, filter, skipTotal: 1 } });
            mount(list, res.items.map((r) => {
                const text = String(r[shown] ?? r.id);
                labels.set(r.id, text);
                const box = h("input", { type: multiple ? "checkbox" : "radio", name: "relationChoice", value: r.id, checked: chosen.has(r.id), id: nextId() });
                box.addEventListener("change", () => {
                    if (!multiple) chosen.clear();
                    box.checked ? chosen.add(r.id) : chosen.delete(r.id);
                });
                return h("li", box, h("label", { for: box.id }, text, h("small", ` ${r.id}`)));
            }), res.items.length ? null : h("li.hint", "No records found."));
        };
        search.addEventListener("input", () => load());
        load();
        return h("div.panel-body", search, list, h("div.actions",
            h("button.ghost", { type: "button", onclick: () => close() }, "Cancel"),
            h("button.primary", { type: "button", onclick: () => close({ ids: [...chosen], labels }) }, "Select")));
    });
}
