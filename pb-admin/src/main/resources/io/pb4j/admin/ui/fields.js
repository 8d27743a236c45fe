// The fields editor of the collection panel: every field type with its options, reorder, rename and delete.
import { h, mount, field, nextId, confirmDialog } from "pb/dom.js";

export const FIELD_TYPES = ["text", "number", "bool", "email", "url", "editor", "date", "autodate", "select", "file",
    "relation", "json", "password", "geoPoint"];

// [option key, kind, label]; kinds: int, text, bool, list (comma-separated strings), collection
const OPTIONS = {
    text: [["min", "int", "Min length"], ["max", "int", "Max length"], ["pattern", "text", "Validation pattern (regex)"],
        ["autogeneratePattern", "text", "Autogenerate pattern"]],
    number: [["min", "num", "Min"], ["max", "num", "Max"], ["onlyInt", "bool", "Integers only"]],
    bool: [],
    email: [["exceptDomains", "list", "Except domains"], ["onlyDomains", "list", "Only domains"]],
    url: [["exceptDomains", "list", "Except domains"], ["onlyDomains", "list", "Only domains"]],
    editor: [["maxSize", "int", "Max size (bytes)"], ["convertURLs", "bool", "Convert URLs"]],
    date: [["min", "text", "Min date"], ["max", "text", "Max date"]],
    autodate: [["onCreate", "bool", "Set on create"], ["onUpdate", "bool", "Set on update"]],
    select: [["values", "list", "Choices"], ["maxSelect", "int", "Max select"]],
    file: [["maxSelect", "int", "Max files"], ["maxSize", "int", "Max size (bytes)"], ["mimeTypes", "list", "MIME types"],
        ["thumbs", "list", "Thumb sizes (e.g. 100x100)"], ["protected", "bool", "Protected"]],
    relation: [["collectionId", "collection", "Collection"], ["minSelect", "int", "Min select"],
        ["maxSelect", "int", "Max select"], ["cascadeDelete", "bool", "Cascade delete"]],
    json: [["maxSize", "int", "Max size (bytes)"]],
    password: [["min", "int", "Min length"], ["max", "int", "Max length"], ["pattern", "text", "Validation pattern (regex)"],
        ["cost", "int", "Bcrypt cost"]],
    geoPoint: [],
};

/**
 * Renders `fields` (the collection's array, edited in place) into `el`; `collections` feeds the relation target
 * choice; `onChange` is called after a structural change (add, delete, move) so the list re-renders.
 */
export function fieldsEditor(el, fields, collections) {
    const render = () => {
        mount(el,
            h("ol.fields", fields.map((f, i) => draggable(h("li.field-card", fieldCard(f, i, render, fields, collections)), i, fields, render))),
            addField(fields, render));
    };
    render();
}

function addField(fields, render) {
    const type = h("select", { name: "newFieldType" }, FIELD_TYPES.map((t) => h("option", { value: t }, t)));
    return h("div.add-field",
        field("New field type", type),
        h("button.secondary", {
            type: "button",
            onclick: () => {
                fields.push({ name: uniqueName(fields, type.value), type: type.value, required: false, hidden: false, presentable: false, system: false });
                render();
                const cards = document.querySelectorAll(".field-card input[name=fieldName]");
                cards[cards.length - 1]?.focus();
            },
        }, "Add field"));
}

function uniqueName(fields, base) {
    let name = `field_${base.toLowerCase()}`;
    for (let n = 2; fields.some((f) => f.name === name); n++) name = `field_${base.toLowerCase()}${n}`;
    return name;
}

function fieldCard(f, i, render, fields, collections) {
    const prefix = `fields.${i}`;
    const name = h("input", { name: "fieldName", value: f.name, disabled: f.system && f.name === "id" });
    const originalName = f._originalName ?? (f.id ? f.name : null);
    f._originalName = originalName;
    name.addEventListener("input", () => {
        f.name = name.value;
        rename.textContent = originalName && originalName !== f.name
            ? `Renamed from "${originalName}": the column is renamed on save, its data is kept.` : "";
    });
    const rename = h("p.hint", { "aria-live": "polite" });
    const check = (key, label) => {
        const box = h("input", { type: "checkbox", checked: !!f[key], name: key });
        box.addEventListener("change", () => (f[key] = box.checked));
        const id = nextId();
        box.id = id;
        return h("span.check", box, h("label", { for: id }, label));
    };
    const handle = h("button.drag-handle", {
        type: "button",
        "aria-label": `Reorder ${f.name}: drag, or press the up and down arrow keys`,
        title: "Drag to reorder (or focus and use the arrow keys)",
        onkeydown: (ev) => {
            const delta = ev.key === "ArrowUp" ? -1 : ev.key === "ArrowDown" ? 1 : 0;
            if (!delta || i + delta < 0 || i + delta >= fields.length) return;
            ev.preventDefault();
            move(fields, i, delta, render, ".drag-handle");
        },
    }, "⠿");
    const head = h("div.field-head",
        handle,
        h("span.badge", f.type),
        field("Field name", name, { name: `${prefix}.name` }),
        h("div.field-flags", check("required", "Nonempty"), check("hidden", "Hidden"), check("presentable", "Presentable")),
        h("div.field-tools",
            h("button.ghost", { type: "button", "aria-label": `Move ${f.name} up`, disabled: i === 0, onclick: () => move(fields, i, -1, render) }, "↑"),
            h("button.ghost", { type: "button", "aria-label": `Move ${f.name} down`, disabled: i === fields.length - 1, onclick: () => move(fields, i, 1, render) }, "↓"),
            h("button.ghost.danger-text", {
                type: "button",
                "aria-label": `Delete field ${f.name}`,
                disabled: f.system,
                onclick: async () => {
                    const message = f.id
                        ? `Delete the field "${f.name}"? On save its column and all the data in it are deleted for every record.`
                        : `Remove the new field "${f.name}"?`;
                    if (await confirmDialog(message, "Delete field")) {
                        fields.splice(i, 1);
                        render();
                    }
                },
            }, "Delete")));
    const options = (OPTIONS[f.type] || []).map(([key, kind, label]) => optionControl(f, key, kind, label, prefix, collections));
    return [head, rename, h("div.field-options", options), h("p.field-error", { "data-error-for": prefix, role: "alert" })];
}

function move(fields, i, delta, render, focus = "input") {
    const [f] = fields.splice(i, 1);
    fields.splice(i + delta, 0, f);
    render();
    document.querySelectorAll(".field-card")[i + delta]?.querySelector(focus)?.focus();
}

/**
 * Drag and drop of a field card by its handle, with pointer events (so it works with a mouse, a pen and a finger,
 * which HTML5 drag events do not): dropped on the upper half of another card it goes before it, else after it.
 */
function draggable(li, i, fields, render) {
    const handle = li.querySelector(".drag-handle");
    let target = null;
    let before = false;
    const clear = () => document.querySelectorAll(".drop-before, .drop-after").forEach((el) => el.classList.remove("drop-before", "drop-after"));
    handle.addEventListener("pointerdown", (ev) => {
        if (ev.button !== 0) return;
        ev.preventDefault();
        handle.setPointerCapture(ev.pointerId);
        li.classList.add("dragging");
        target = null;
    });
    handle.addEventListener("pointermove", (ev) => {
        if (!li.classList.contains("dragging")) return;
        const over = document.elementFromPoint(ev.clientX, ev.clientY)?.closest(".field-card");
        clear();
        target = over && over.parentElement === li.parentElement && over !== li ? over : null;
        if (target) {
            const box = target.getBoundingClientRect();
            before = ev.clientY < box.top + box.height / 2;
            target.classList.add(before ? "drop-before" : "drop-after");
        }
    });
    const end = () => {
        li.classList.remove("dragging");
        clear();
        if (!target) return;
        const over = [...li.parentElement.children].indexOf(target);
        target = null;
        let to = before ? over : over + 1;
        if (i < to) to--;
        if (to === i) return;
        const [f] = fields.splice(i, 1);
        fields.splice(to, 0, f);
        render();
        document.querySelectorAll(".field-card")[to]?.querySelector(".drag-handle")?.focus();
    };
    handle.addEventListener("pointerup", end);
    handle.addEventListener("pointercancel", () => {
        target = null;
        end();
    });
    return li;
}

function optionControl(f, key, kind, label, prefix, collections) {
    let control;
    if (kind === "bool") {
        control = h("input", { type: "checkbox", checked: !!f[key] });
        control.addEventListener("change", () => (f[key] = control.checked));
        const id = nextId();
        control.id = id;
        control.setAttribute("data-field", `${prefix}.${key}`);
        return h("div.form-row.check", control, h("label", { for: id }, label),
            h("p.field-error", { "data-error-for": `${prefix}.${key}`, role: "alert" }));
    }
    if (kind === "collection") {
        control = h("select", h("option", { value: "" }, "Choose…"),
            collections.map((c) => h("option", { value: c.id, selected: c.id === f[key] }, c.name)));
        control.addEventListener("change", () => (f[key] = control.value));
    } else if (kind === "list") {
        control = h("input", { value: (f[key] || []).join(", "), placeholder: "comma, separated" });
        control.addEventListener("input", () => (f[key] = control.value.split(",").map((s) => s.trim()).filter(Boolean)));
    } else {
        const numeric = kind === "int" || kind === "num";
        control = h("input", { type: numeric ? "number" : "text", step: kind === "num" ? "any" : undefined, value: f[key] ?? "" });
        control.addEventListener("input", () => {
            f[key] = numeric ? (control.value === "" ? 0 : Number(control.value)) : control.value;
        });
    }
    return field(label, control, { name: `${prefix}.${key}` });
}
