// The records grid of one collection (paging, sort by column, the filter bar, relation values by their display
// field, file thumbnails, choosable columns, bulk select and delete, export/import, live updates through the realtime
// API) and the record panel (create, edit, duplicate, delete; read-only for view collections).
import { h, mount, dialog, showErrors, toast, confirmDialog, nextId } from "pb/dom.js";
import { send, fileUrl, ApiError } from "pb/api.js";
import { fieldInput, displayField } from "pb/inputs.js";
import { subscribe } from "pb/realtime.js";
import { exportRecords, importRecords } from "pb/transfer.js";
import { ruleInput } from "pb/rules.js";
import { gridFields, hiddenColumns, rememberHiddenColumns, recordsPath, pageQuery } from "pb/first-page.js";

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

export function recordsView(el, collection, all, editCollection) {
    stopLive?.();
    stopLive = null;
    const state = { page: 1, sort: "", filter: "", selected: new Set(), hidden: hiddenColumns(collection), flash: new Set() };
    const readOnly = collection.type === "view";
    const fields = gridFields(collection);
    const columns = () => fields.filter((f) => !state.hidden.has(f.name));
    const filter = h("input", { type: "search", name: "filter", placeholder: 'Filter, e.g. title ~ "hello" && created > "2024-01-01"', "aria-label": "Filter records" });
    const table = h("div.grid-wrap");
    const pager = h("nav.pager", { "aria-label": "Pages" });
    const bulk = h("div.bulk-bar", { role: "region", "aria-label": "Selected records", hidden: true });
    const live = h("span.live-state", { role: "status", title: "Changes by other clients show up here as they happen" }, "connecting…");
    const bar = h("form.filter-bar", { role: "search" }, filter, h("button.secondary", { type: "submit" }, "Apply"),
        h("button.ghost", { type: "button", onclick: () => { filter.value = ""; state.filter = ""; state.page = 1; load(); } }, "Clear"));
    // the rules editor's suggestions (fields, relation paths, @request.*, @collection.*, macros), keyboard-driven
    ruleInput(filter, collection, all);
    bar.addEventListener("submit", (ev) => {
        ev.preventDefault();
        state.filter = filter.value.trim();
        state.page = 1;
        load();
    });
    const exportMenu = menu("Export",
        h("div.menu-items",
            h("button.ghost", { type: "button", onclick: () => { exportMenu.open = false; exportRecords(collection, state, "csv").catch(report); } }, "Export CSV"),
            h("button.ghost", { type: "button", onclick: () => { exportMenu.open = false; exportRecords(collection, state, "json").catch(report); } }, "Export JSON")));
    mount(el,
        h("div.content-head",
            h("h1", collection.name, h("span.badge.small", collection.type)),
            live,
            h("span.spacer"),
            h("button.ghost", { type: "button", onclick: editCollection }, "Edit collection"),
            columnsMenu(fields, state, collection, () => load()),
            exportMenu,
            readOnly ? null : h("button.ghost", { type: "button", onclick: async () => { if (await importRecords(collection)) load(); } }, "Import"),
            readOnly ? null : h("button.primary", { type: "button", onclick: () => openRecord(collection, null, load) }, "+ New record")),
        readOnly ? h("p.hint", "A view collection is read-only: its records come from its query.") : null,
        bar, bulk, table, pager);

    // other clients' changes: reload the page of the grid (its sort, filter and paging stay right) and mark the rows.
    // The event stream opens once the first page is drawn, so its two requests do not compete with the page's.
    let timer = 0;
    liveEl = el;
    const goLive = () => {
        if (liveEl !== el || !el.isConnected) return; // another grid or page took this one's place meanwhile
        stopLive = subscribe(`${collection.name}/*`, ({ action, record }) => {
            if (!el.isConnected) return stopLive?.();
            if (action === "delete") state.selected.delete(record.id);
            else state.flash.add(record.id);
            clearTimeout(timer);
            timer = setTimeout(load, 100);
        }, (s) => { live.textContent = s === "live" ? "● live" : s; live.dataset.state = s; });
    };

    function renderBulk() {
        bulk.hidden = readOnly || state.selected.size === 0;
        mount(bulk,
            h("span", `${state.selected.size} selected`),
            h("button.ghost.small", { type: "button", onclick: () => { state.selected.clear(); load(); } }, "Reset selection"),
            h("button.danger.small", { type: "button", onclick: () => bulkDelete(collection, state.selected, load) }, "Delete selected"));
    }

    async function load() {
        let res;
        const shown = columns();
        try {
            res = await send("GET", recordsPath(collection), { query: pageQuery(shown, state) });
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            mount(table, h("p.field-error", { role: "alert" }, err.message, " ", Object.values(err.data).map((d) => d.message).join(" ")));
            mount(pager);
            return;
        }
        const flash = state.flash;
        state.flash = new Set();
        const pageIds = res.items.map((r) => r.id);
        const allBox = h("input", {
            type: "checkbox",
            "aria-label": "Select all records on this page",
            checked: pageIds.length > 0 && pageIds.every((id) => state.selected.has(id)),
            onchange: (ev) => { pageIds.forEach((id) => (ev.target.checked ? state.selected.add(id) : state.selected.delete(id))); load(); },
        });
        const head = h("tr", readOnly ? null : h("th.select", { scope: "col" }, allBox), shown.map((f) => {
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
            class: flash.has(r.id) ? "flash" : undefined,
            "aria-selected": readOnly ? undefined : String(state.selected.has(r.id)),
            onclick: () => openRecord(collection, r, load),
            // preventDefault: else the Enter's keypress would click the panel's first button once it has the focus
            onkeydown: (ev) => {
                if (ev.target !== ev.currentTarget) return;
                if (ev.key === "Enter") { ev.preventDefault(); openRecord(collection, r, load); }
                if (ev.key === " " && !readOnly) { ev.preventDefault(); toggle(r.id); }
                if (ev.key === "ArrowDown") { ev.preventDefault(); ev.currentTarget.nextElementSibling?.focus(); }
                if (ev.key === "ArrowUp") { ev.preventDefault(); ev.currentTarget.previousElementSibling?.focus(); }
            },
        }, readOnly ? null : h("td.select", { onclick: (ev) => ev.stopPropagation() },
            h("input", { type: "checkbox", "aria-label": `Select ${r.id}`, checked: state.selected.has(r.id), onchange: () => toggle(r.id) })),
        shown.map((f) => h("td", cell(collection, all, f, r)))));
        // a live reload must not take the keyboard's place away: the focused row keeps the focus
        const focusedId = table.contains(document.activeElement) ? document.activeElement.closest("tr")?.dataset.id : undefined;
        mount(table, h("table.grid", h("caption.sr-only", `Records of ${collection.name}`), h("thead", head),
            h("tbody", rows.length ? rows : h("tr", h("td.empty", { colspan: shown.length + 1 }, "No records found.")))));
        if (focusedId) table.querySelector(`tr[data-id="${CSS.escape(focusedId)}"]`)?.focus();
        const pages = Math.max(1, res.totalPages);
        mount(pager,
            h("button.ghost", { type: "button", disabled: state.page <= 1, onclick: () => { state.page--; load(); } }, "‹ Previous"),
            h("span", `Page ${res.page} of ${pages} · ${res.totalItems} records`),
            h("button.ghost", { type: "button", disabled: state.page >= pages, onclick: () => { state.page++; load(); } }, "Next ›"));
        renderBulk();
    }

    function toggle(id) {
        state.selected.has(id) ? state.selected.delete(id) : state.selected.add(id);
        const row = table.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
        if (row) {
            row.setAttribute("aria-selected", String(state.selected.has(id)));
            row.querySelector("td.select input").checked = state.selected.has(id);
        }
        renderBulk();
    }
    // resolves once the first page is drawn; the stream opens after the caller attached the grid to the document
    return load().finally(() => setTimeout(goLive));
}

let stopLive = null;
let liveEl = null;
// leaving the grid for another page closes its event stream (the route renders the new page after the hash changes);
// a grid whose first page is still on its way has no stream yet and is not yet in the document
window.addEventListener("hashchange", () => setTimeout(() => {
    if (liveEl && stopLive && !liveEl.isConnected) {
        stopLive?.();
        stopLive = null;
        liveEl = null;
    }
}, 1000));

function report(err) {
    toast(err?.message || String(err), "error");
}

/** The "Columns" menu: a checkbox per field; the choice is remembered per collection. */
function columnsMenu(fields, state, collection, reload) {
    return menu("Columns",
        h("fieldset.menu-items", h("legend.sr-only", "Shown columns"), fields.map((f) => {
            const box = h("input", { type: "checkbox", name: "column", value: f.name, checked: !state.hidden.has(f.name), id: nextId() });
            box.addEventListener("change", () => {
                box.checked ? state.hidden.delete(f.name) : state.hidden.add(f.name);
                rememberHiddenColumns(collection, state.hidden);
                reload();
            });
            return h("div.check", box, h("label", { for: box.id }, f.name));
        })));
}

/** A drop-down (a native <details>, so Enter and Space open it); Escape or a click elsewhere closes it. */
function menu(label, items) {
    const d = h("details.menu", h("summary.button", label), items);
    d.addEventListener("keydown", (ev) => {
        if (ev.key !== "Escape" || !d.open) return;
        ev.stopPropagation();
        d.open = false;
        d.querySelector("summary").focus();
    });
    return d;
}

document.addEventListener("click", (ev) => {
    document.querySelectorAll("details.menu[open]").forEach((d) => !d.contains(ev.target) && (d.open = false));
});

async function bulkDelete(collection, selected, reload) {
    const ids = [...selected];
    if (!(await confirmDialog(`Delete the ${ids.length} selected record${ids.length === 1 ? "" : "s"}? This cannot be undone.`, "Delete"))) return;
    const url = `/api/collections/${encodeURIComponent(collection.id)}/records/`;
    const outcomes = await Promise.allSettled(ids.map((id) => send("DELETE", url + encodeURIComponent(id))));
    const failed = outcomes.map((o, i) => [o, ids[i]]).filter(([o]) => o.status === "rejected");
    ids.forEach((id, i) => outcomes[i].status === "fulfilled" && selected.delete(id));
    if (failed.length) toast(`Deleted ${ids.length - failed.length}; ${failed.length} failed: ${failed.map(([o, id]) => `${id}: ${o.reason.message}`).join("; ")}`, "error");
    else toast(`Deleted ${ids.length} record${ids.length === 1 ? "" : "s"}.`);
    reload();
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
    const readOnly = collection.type === "view";
    const title = readOnly ? `${collection.name} record` : isNew ? `New ${collection.name} record` : `Edit ${collection.name} record`;
    return dialog(title, (close) => {
        const form = h("form.panel-body.record-form", { novalidate: true });
        const inputs = collection.fields
            .filter((f) => f.name !== "tokenKey" && !(f.name === "id" && !isNew))
            .map((f) => [f, fieldInput(f, duplicate ? { ...current, id: "" } : current, collection)]);
        mount(form,
            isNew ? null : h("p.readonly", h("strong", "id: "), h("code", current.id)),
            // a view's record is shown with every input disabled: nothing to save
            readOnly ? h("fieldset.plain", { disabled: true }, inputs.map(([, i]) => i.el)) : inputs.map(([, i]) => i.el),
            readOnly ? h("div.actions", h("span.spacer"), h("button.ghost", { type: "button", onclick: () => close() }, "Close")) : h("div.actions",
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
