// The records grid of one collection (paging, sort by column, the filter bar, relation values by their display
// field, file thumbnails) and the record panel (create, edit, duplicate, delete).
import { h, mount, dialog, showErrors, toast, confirmDialog } from "pb/dom.js";
import { send, fileUrl, ApiError } from "pb/api.js";
import { fieldInput, displayField } from "pb/inputs.js";

const PER_PAGE = 30;
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;
const SKIPPED = new Set(["password", "tokenKey"]);

export function recordsView(el, collection, all, editCollection) {
    const state = { page: 1, sort: "", filter: "" };
    const columns = collection.fields.filter((f) => !f.hidden && !SKIPPED.has(f.name) && f.type !== "password");
    const relations = columns.filter((f) => f.type === "relation");
    const filter = h("input", { type: "search", name: "filter", placeholder: 'Filter, e.g. title ~ "hello" && created > "2024-01-01"', "aria-label": "Filter records" });
    const table = h("div.grid-wrap");
    const pager = h("nav.pager", { "aria-label": "Pages" });
    const bar = h("form.filter-bar", { role: "search" }, filter, h("button.secondary", { type: "submit" }, "Apply"),
        h("button.ghost", { type: "button", onclick: () => { filter.value = ""; state.filter = ""; state.page = 1; load(); } }, "Clear"));
    bar.addEventListener("submit", (ev) => {
        ev.preventDefault();
        state.filter = filter.value.trim();
        state.page = 1;
        load();
    });
    const readOnly = collection.type === "view";
    mount(el,
        h("div.content-head",
            h("h1", collection.name, h("span.badge.small", collection.type)),
            h("span.spacer"),
            h("button.ghost", { type: "button", onclick: editCollection }, "Edit collection"),
            readOnly ? null : h("button.primary", { type: "button", onclick: () => openRecord(collection, null, load) }, "+ New record")),
        bar, table, pager);

    async function load() {
        let res;
        try {
            res = await send("GET", `/api/collections/${encodeURIComponent(collection.id)}/records`, {
                query: { page: state.page, perPage: PER_PAGE, sort: state.sort, filter: state.filter, expand: relations.map((f) => f.name).join(",") },
            });
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            mount(table, h("p.field-error", { role: "alert" }, err.message, " ", Object.values(err.data).map((d) => d.message).join(" ")));
            mount(pager);
            return;
        }
        const head = h("tr", columns.map((f) => {
            const dir = state.sort === f.name ? "ascending" : state.sort === `-${f.name}` ? "descending" : "none";
            return h("th", { scope: "col", "aria-sort": dir },
                h("button.sort", {
                    type: "button",
                    onclick: () => {
                        state.sort = state.sort === f.name ? `-${f.name}` : state.sort === `-${f.name}` ? "" : f.name;
                        load();
                    },
                }, f.name, dir === "ascending" ? " ▲" : dir === "descending" ? " ▼" : ""));
        }));
        const rows = res.items.map((r) => h("tr", {
            tabindex: "0",
            "data-id": r.id,
            onclick: () => openRecord(collection, r, load),
            // preventDefault: else the Enter's keypress would click the panel's first button once it has the focus
            onkeydown: (ev) => { if (ev.key === "Enter") { ev.preventDefault(); openRecord(collection, r, load); } },
        }, columns.map((f) => h("td", cell(collection, all, f, r)))));
        mount(table, h("table.grid", h("caption.sr-only", `Records of ${collection.name}`), h("thead", head),
            h("tbody", rows.length ? rows : h("tr", h("td.empty", { colspan: columns.length }, "No records found.")))));
        const pages = Math.max(1, res.totalPages);
        mount(pager,
            h("button.ghost", { type: "button", disabled: state.page <= 1, onclick: () => { state.page--; load(); } }, "‹ Previous"),
            h("span", `Page ${res.page} of ${pages} · ${res.totalItems} records`),
            h("button.ghost", { type: "button", disabled: state.page >= pages, onclick: () => { state.page++; load(); } }, "Next ›"));
    }
    load();
}

function cell(collection, all, f, r) {
    const v = r[f.name];
    if (f.type === "file") {
        const names = Array.isArray(v) ? v : v ? [v] : [];
        return names.map((n) => IMAGE.test(n)
            ? h("img.thumb", { src: fileUrl(collection.id, r.id, n, "100x100"), alt: n, width: 32, height: 32, loading: "lazy" })
            : h("span.chip", n));
    }
    if (f.type === "relation") {
        const target = all.find((c) => c.id === f.collectionId);
        const shown = displayField(target);
        const expanded = r.expand?.[f.name];
        const list = Array.isArray(expanded) ? expanded : expanded ? [expanded] : [];
        if (list.length) return list.map((x) => h("span.chip", String(x[shown] ?? x.id)));
        return (Array.isArray(v) ? v : v ? [v] : []).map((id) => h("span.chip", id));
    }
    if (f.type === "bool") return v ? "true" : "false";
    if (f.type === "json" || f.type === "geoPoint") return truncate(JSON.stringify(v));
    if (Array.isArray(v)) return v.map((x) => h("span.chip", x));
    if (f.type === "editor") return truncate(String(v ?? "").replace(/<[^>]*>/g, " "));
    return truncate(String(v ?? ""));
}

function truncate(s) {
    return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

/** The record panel: every field with its own input; the save is one multipart request with the JSON as @jsonPayload. */
export function openRecord(collection, record, reload, duplicate = false) {
    const isNew = !record || duplicate;
    const current = record || {};
    const title = isNew ? `New ${collection.name} record` : `Edit ${collection.name} record`;
    return dialog(title, (close) => {
        const readOnly = collection.type === "view";
        const form = h("form.panel-body.record-form", { novalidate: true });
        const inputs = collection.fields
            .filter((f) => f.name !== "tokenKey" && !(f.name === "id" && !isNew))
            .map((f) => [f, fieldInput(f, duplicate ? { ...current, id: "" } : current, collection)]);
        mount(form,
            isNew ? null : h("p.readonly", h("strong", "id: "), h("code", current.id)),
            inputs.map(([, i]) => i.el),
            readOnly ? null : h("div.actions",
                isNew ? null : h("button.danger", { type: "button", onclick: () => remove(collection, current, close, reload) }, "Delete"),
                isNew ? null : h("button.ghost", { type: "button", onclick: () => { close(); openRecord(collection, current, reload, true); } }, "Duplicate"),
                h("span.spacer"),
                h("button.ghost", { type: "button", onclick: () => close() }, "Cancel"),
                h("button.primary", { type: "submit" }, isNew ? "Create" : "Save changes")));
        form.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            const json = {};
            const body = new FormData();
            for (const [f, input] of inputs) {
                if (input.files) {
                    const { upload, remove, multiple } = input.files();
                    // a single file replaces the old one; several are appended with PocketBase's "name+" modifier
                    const key = multiple && !isNew ? `${f.name}+` : f.name;
                    upload.forEach((file) => body.append(key, file));
                    if (remove.length && !isNew) json[`${f.name}-`] = remove;
                    continue;
                }
                if (!input.value) continue;
                const v = input.value();
                if (v === undefined || (f.name === "id" && v === "")) continue;
                json[f.name] = v;
                Object.assign(json, input.extra?.() || {});
            }
            body.append("@jsonPayload", JSON.stringify(json));
            try {
                const url = `/api/collections/${encodeURIComponent(collection.id)}/records`;
                isNew ? await send("POST", url, { body }) : await send("PATCH", `${url}/${encodeURIComponent(current.id)}`, { body });
                toast(isNew ? "Record created." : "Record saved.");
                close(true);
                reload();
            } catch (err) {
                if (!(err instanceof ApiError)) throw err;
                const rest = showErrors(form, err.data);
                toast([err.message, ...rest].join(" "), "error");
            }
        });
        return form;
    });
}

async function remove(collection, record, close, reload) {
    if (!(await confirmDialog(`Delete the record ${record.id}?`, "Delete"))) return;
    try {
        await send("DELETE", `/api/collections/${encodeURIComponent(collection.id)}/records/${encodeURIComponent(record.id)}`);
        toast("Record deleted.");
        close(true);
        reload();
    } catch (err) {
        toast(err.message, "error");
    }
}
