// Collections: the sidebar list with search, and the collection panel (create, edit, delete: fields, API rules,
// the view query, indexes). The selected collection's records fill the rest of the page.
import { h, mount, field, dialog, showErrors, toast, confirmDialog, nextId } from "pb/dom.js";
import { send, collections, forgetCollections, ApiError } from "pb/api.js";
import { fieldsEditor } from "pb/fields.js";
import { recordsView } from "pb/records.js";
import { authOptions, openSectionsWithErrors, cleanAuthOptions, checkAuthOptions } from "pb/authoptions.js";
import { ruleInput } from "pb/rules.js";
import { pickCollection, firstPageUrl, rememberFirstPage } from "pb/first-page.js";

const RULES = [["listRule", "List/Search rule"], ["viewRule", "View rule"], ["createRule", "Create rule"],
    ["updateRule", "Update rule"], ["deleteRule", "Delete rule"]];
const AUTH_RULES = [["authRule", "Authentication rule"], ["manageRule", "Manage rule"]];

export async function collectionsPage(main, query) {
    const all = await collections();
    const selected = pickCollection(all, query.get("collection") || "");
    if (selected) rememberFirstPage(query.get("collection") || "", firstPageUrl(selected));
    const search = h("input", { type: "search", name: "collectionsSearch", placeholder: "Search collections", "aria-label": "Search collections" });
    const list = h("ul.collection-list");
    const renderList = () => {
        const q = search.value.trim().toLowerCase();
        const shown = all.filter((c) => !q || c.name.toLowerCase().includes(q));
        const item = (c) => h("li", h("a", {
            href: `#/collections?collection=${encodeURIComponent(c.name)}`,
            "aria-current": c === selected ? "page" : undefined,
            class: c.system ? "system" : undefined,
        }, h("span.badge.small", c.type), c.name));
        // as PocketBase's sidebar: the system collections (superusers among them) in a group of their own, last
        const system = shown.filter((c) => c.system);
        mount(list, shown.filter((c) => !c.system).map(item),
            system.length ? h("li.group", { role: "presentation" }, h("span.group-title", "System")) : null,
            system.map(item),
            shown.length ? null : h("li.hint", "No collections found."));
    };
    search.addEventListener("input", renderList);
    renderList();
    const content = h("section.content", { "aria-label": "Records" });
    mount(main,
        h("aside.sidebar", { "aria-label": "Collections" }, search, list,
            h("button.primary.block", { type: "button", onclick: () => editCollection(null, all) }, "+ New collection"),
            h("nav.sync-links", { "aria-label": "Export and import" },
                h("a", { href: "#/export-collections" }, "Export collections"),
                h("a", { href: "#/import-collections" }, "Import collections"))),
        content);
    if (selected) {
        await recordsView(content, selected, all, () => editCollection(selected, all));
    } else {
        mount(content, h("p.empty", "No collections yet."));
    }
}

/** The collection panel; resolves after a save or delete (the page re-renders through the hash). */
export async function editCollection(existing, all) {
    let data;
    if (existing) {
        data = structuredClone(existing);
    } else {
        const scaffolds = await send("GET", "/api/collections/meta/scaffolds");
        data = structuredClone(scaffolds.base);
        data._scaffolds = scaffolds;
    }
    await dialog(existing ? `Edit collection ${existing.name}` : "New collection", (close) => collectionForm(data, existing, all, close));
}

function collectionForm(data, existing, all, close) {
    const form = h("form.panel-body.collection-form", { novalidate: true });
    const name = h("input", { name: "name", value: data.name || "", required: true, disabled: existing?.system, autocomplete: "off" });
    name.addEventListener("input", () => {
        // the indexes follow the collection's name (a new collection's scaffold ones name no table yet)
        const old = data.name || "";
        data.name = name.value;
        data.indexes = retable(data.indexes, old, data.name);
    });
    const type = h("select", { name: "type", disabled: !!existing },
        ["base", "auth", "view"].map((t) => h("option", { value: t, selected: data.type === t }, t)));
    const body = h("div.tab-body");
    const tabs = h("div.tabs", { role: "tablist" });
    let tab = "fields";

    const renderTabs = () => {
        const names = data.type === "view" ? [["fields", "View query"], ["rules", "API rules"]]
            : [["fields", "Fields"], ["rules", "API rules"], ["indexes", "Indexes"], ...(data.type === "auth" ? [["options", "Options"]] : [])];
        mount(tabs, names.map(([id, label]) => h("button.tab", {
            type: "button", role: "tab", "aria-selected": String(tab === id),
            onclick: () => { tab = id; renderTabs(); renderBody(); },
        }, label)));
    };
    const renderBody = () => {
        if (tab === "fields" && data.type === "view") {
            const q = h("textarea.code", { name: "viewQuery", rows: 8, spellcheck: "false" }, data.viewQuery || "");
            q.addEventListener("input", () => (data.viewQuery = q.value));
            mount(body, field("Select query", q, { name: "viewQuery", hint: "The view's fields come from the query's columns; it needs an id column." }));
        } else if (tab === "fields") {
            data.fields = data.fields || [];
            fieldsEditor(body, data.fields, all);
        } else if (tab === "rules") {
            mount(body, h("p.hint", "Leave a rule locked for superusers only, or write a filter: e.g. ",
                h("code", "@request.auth.id != \"\""), ". An empty rule lets everyone in."),
            (data.type === "auth" ? [...RULES, ...AUTH_RULES] : data.type === "view" ? RULES.slice(0, 2) : RULES)
                .map(([key, label]) => ruleControl(data, key, label, all)));
        } else if (tab === "options") {
            authOptions(body, data, all);
        } else {
            data.indexes = data.indexes || [];
            const text = h("textarea.code", { name: "indexes", rows: 6, spellcheck: "false" }, data.indexes.join("\n"));
            text.addEventListener("input", () => (data.indexes = text.value.split("\n").map((s) => s.trim()).filter(Boolean)));
            mount(body, field("Indexes (one CREATE INDEX statement a line)", text, {
                name: "indexes", hint: "e.g. CREATE UNIQUE INDEX idx_title ON posts (title)",
            }), indexBuilder(data, (sql) => {
                data.indexes = [...data.indexes, sql];
                text.value = data.indexes.join("\n");
            }));
        }
    };
    type.addEventListener("change", () => {
        const keep = data.name;
        const scaffold = structuredClone(data._scaffolds[type.value]);
        Object.keys(data).filter((k) => k !== "_scaffolds").forEach((k) => delete data[k]);
        Object.assign(data, scaffold, { name: keep });
        data.indexes = retable(data.indexes, "", keep || "");
        tab = "fields";
        renderTabs();
        renderBody();
    });
    renderTabs();
    renderBody();

    mount(form,
        h("div.grid2", field("Name", name, { name: "name" }), field("Type", type, { name: "type" })),
        tabs, body,
        h("div.actions",
            existing && !existing.system ? h("button.danger", { type: "button", onclick: () => remove(existing, close) }, "Delete collection") : null,
            existing ? h("button.ghost", { type: "button", onclick: () => truncate(existing) }, "Truncate") : null,
            h("span.spacer"),
            h("button.ghost", { type: "button", onclick: () => close() }, "Cancel"),
            h("button.primary", { type: "submit" }, existing ? "Save changes" : "Create")));
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const payload = structuredClone(data);
        delete payload._scaffolds;
        (payload.fields || []).forEach((f) => delete f._originalName);
        cleanAuthOptions(payload);
        if (payload.type === "view") delete payload.fields;
        if (existing && payload.fields && !(await confirmFieldChanges(existing, payload))) return;
        try {
            checkAuthOptions(payload);
            const saved = existing
                ? await send("PATCH", `/api/collections/${encodeURIComponent(existing.id)}`, { body: payload })
                : await send("POST", "/api/collections", { body: payload });
            forgetCollections();
            toast(`Saved collection ${saved.name}.`);
            close(saved);
            location.hash = `#/collections?collection=${encodeURIComponent(saved.name)}`;
            window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            flattenIndexErrors(err.data);
            let rest = showErrors(form, err.data);
            // an error on a tab not shown: switch to it so the message is seen beside its field
            const keys = Object.keys(err.data);
            const wanted = keys.some((k) => k.endsWith("Rule")) ? "rules" : keys.includes("indexes") ? "indexes"
                : keys.includes("fields") || keys.includes("viewQuery") ? "fields" : keys.some(isAuthOption) ? "options" : tab;
            if (wanted !== tab) {
                tab = wanted;
                renderTabs();
                renderBody();
                rest = showErrors(form, err.data);
            }
            openSectionsWithErrors(form);
            toast([err.message, ...rest].join(" "), "error");
        }
    });
    return form;
}

/** Builds an index from chosen columns (PocketBase's index panel): unique or not, columns in the order ticked. */
function indexBuilder(data, add) {
    const unique = h("input", { type: "checkbox", id: nextId() });
    const chosen = [];
    const columns = (data.fields || []).filter((f) => f.name && f.type !== "password").map((f) => {
        const box = h("input", { type: "checkbox", id: nextId(), value: f.name });
        box.addEventListener("change", () => {
            if (box.checked) chosen.push(f.name);
            else chosen.splice(chosen.indexOf(f.name), 1);
        });
        return h("span.check", box, h("label", { for: box.id }, f.name));
    });
    const error = h("p.field-error", { role: "alert" });
    return h("fieldset.index-builder", h("legend", "New index"),
        h("div.form-row.check", unique, h("label", { for: unique.id }, "Unique")),
        h("div.checks", { role: "group", "aria-label": "Index columns" }, columns),
        error,
        h("button.secondary", {
            type: "button",
            onclick: () => {
                if (!chosen.length) {
                    error.textContent = "Choose at least one column.";
                    return;
                }
                error.textContent = "";
                const id = Math.random().toString(36).slice(2, 12);
                add(`CREATE ${unique.checked ? "UNIQUE " : ""}INDEX \`idx_${id}\` ON \`${data.name || ""}\` (${chosen.map((c) => `\`${c}\``).join(", ")})`);
            },
        }, "Add index"));
}

/** Indexes on the table `old` (or on none, as a scaffold's) put on `name`. */
function retable(indexes, old, name) {
    return (indexes || []).map((sql) => sql.replace(/(\bON\s+)(`[^`]*`|"[^"]*"|\w+)(\s*\()/i, (all, on, table, paren) =>
        [old, ""].includes(table.replace(/^[`"]|[`"]$/g, "")) ? `${on}\`${name}\`${paren}` : all));
}

/** The server names a bad index by position ("indexes.1"); the indexes are one textarea, so the message says which. */
function flattenIndexErrors(data) {
    const idx = data?.indexes;
    if (idx && typeof idx === "object" && typeof idx.message !== "string") {
        const messages = Object.entries(idx).map(([i, e]) => `Index ${Number(i) + 1}: ${e?.message ?? JSON.stringify(e)}`);
        data.indexes = { code: "validation_invalid_index", message: messages.join(" ") };
    }
}

/** Asks before a save that deletes or renames fields, saying what happens to their data (PocketBase does too). */
async function confirmFieldChanges(existing, payload) {
    const now = new Map(payload.fields.filter((f) => f.id).map((f) => [f.id, f]));
    const deleted = (existing.fields || []).filter((f) => !now.has(f.id));
    const renamed = (existing.fields || []).filter((f) => now.has(f.id) && now.get(f.id).name !== f.name);
    if (!deleted.length && !renamed.length) return true;
    const message = h("div.changes",
        deleted.length ? h("p", h("strong", "Deleted fields: "), deleted.map((f) => f.name).join(", "),
            ". Their columns and all the data in them are deleted for every record; this cannot be undone.") : null,
        renamed.length ? h("p", h("strong", "Renamed fields: "), renamed.map((f) => `${f.name} → ${now.get(f.id).name}`).join(", "),
            ". Their data is kept; rules, filters and client code that use the old names must be updated.") : null);
    return confirmDialog(message, "Confirm and save");
}

const isAuthOption = (k) => /^(passwordAuth|oauth2|otp|mfa|authAlert)$|Token$|Template$/.test(k);

function ruleControl(data, key, label, all) {
    const locked = data[key] === null || data[key] === undefined;
    const input = h("textarea.code.rule", { name: key, rows: 2, spellcheck: "false", disabled: locked, placeholder: locked ? "Superusers only" : "Everyone (empty rule)" }, data[key] || "");
    input.addEventListener("input", () => (data[key] = input.value));
    const lock = h("button.ghost.small", {
        type: "button",
        "aria-pressed": String(locked),
        onclick: () => {
            data[key] = data[key] === null || data[key] === undefined ? "" : null;
            const row = ruleControl(data, key, label, all);
            wrap.replaceWith(row);
            row.querySelector(data[key] === null ? "button" : "textarea")?.focus();
        },
    }, locked ? "Unlock (set a rule)" : "Lock (superusers only)");
    const wrap = h("div.rule-row", field(label, input, { name: key }), lock);
    if (!locked) ruleInput(input, data, all);
    return wrap;
}

async function remove(collection, close) {
    if (!(await confirmDialog(`Delete the collection "${collection.name}" with all its records and files?`, "Delete"))) return;
    try {
        await send("DELETE", `/api/collections/${encodeURIComponent(collection.id)}`);
        forgetCollections();
        toast(`Deleted collection ${collection.name}.`);
        close(true);
        location.hash = "#/collections";
        window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (err) {
        toast(err.message, "error");
    }
}

async function truncate(collection) {
    if (!(await confirmDialog(`Delete all the records of "${collection.name}"?`, "Truncate"))) return;
    try {
        await send("DELETE", `/api/collections/${encodeURIComponent(collection.id)}/truncate`);
        toast(`Truncated ${collection.name}.`);
        window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (err) {
        toast(err.message, "error");
    }
}
