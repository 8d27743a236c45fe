// A tiny element builder: h("button.primary", {onclick}, "Save"). No framework: each screen rebuilds its own
// subtree when its data changes, which is fast enough for a dashboard and keeps the file count small.

/** Creates an element from "tag.class1.class2#id", an attribute/property object and children. */
export function h(spec, attrs, ...children) {
    const [, tag = "div", rest = ""] = /^([a-z0-9-]*)(.*)$/i.exec(spec);
    const el = document.createElement(tag || "div");
    for (const part of rest.match(/[.#][^.#]+/g) || []) {
        if (part[0] === ".") el.classList.add(part.slice(1));
        else el.id = part.slice(1);
    }
    if (attrs && (typeof attrs !== "object" || attrs instanceof Node || Array.isArray(attrs))) {
        children.unshift(attrs);
        attrs = null;
    }
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
        else if (k === "class") el.className = v;
        else if (k === "style") el.style.cssText = v;
        else if (k === "value" || k === "checked" || k === "selected" || k === "files") el[k] = v;
        else el.setAttribute(k, v === true ? "" : v);
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const c of children) {
        if (c === null || c === undefined || c === false) continue;
        if (Array.isArray(c)) append(el, c);
        else el.append(c instanceof Node ? c : String(c));
    }
}

/** Replaces the children of el. */
export function mount(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

let uid = 0;
/** A unique id for label/for pairs. */
export function nextId(prefix = "f") {
    return `${prefix}${++uid}`;
}

/** A labelled form row: the label, the control, a hint, and the slot where the server's error for `name` goes. */
export function field(label, control, { name = "", hint = "" } = {}) {
    if (!control.id) control.id = nextId();
    const error = h("p.field-error", { "data-error-for": name, role: "alert" });
    if (name) control.setAttribute("data-field", name);
    return h("div.form-row", h("label", { for: control.id }, label), control, hint ? h("p.hint", hint) : null, error);
}

/**
 * Shows PocketBase's validation errors (`data` of the envelope, nested for fields like `fields.2.name`) beside the
 * controls of the form that name them; returns the messages no control claimed.
 */
export function showErrors(form, data, prefix = "") {
    form.querySelectorAll(".field-error").forEach((e) => (e.textContent = ""));
    form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    const unclaimed = [];
    walk(data || {}, prefix, (path, message) => {
        // an item of a list field ("superuserIPs.1") is shown at the list's control when it has none of its own
        if (!form.querySelector(`[data-error-for="${CSS.escape(path)}"]`) && /\.\d+$/.test(path)) path = path.replace(/(\.\d+)+$/, "");
        const slot = form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
        if (slot) {
            slot.textContent = message;
            form.querySelector(`[data-field="${CSS.escape(path)}"]`)?.setAttribute("aria-invalid", "true");
        } else {
            unclaimed.push(`${path}: ${message}`);
        }
    });
    return unclaimed;
}

function walk(obj, prefix, fn) {
    for (const [k, v] of Object.entries(obj)) {
        const path = prefix ? `${prefix}.${k}` : k;
        if (v && typeof v === "object" && typeof v.message === "string" && typeof v.code === "string") fn(path, v.message);
        else if (v && typeof v === "object") walk(v, path, fn);
    }
}

/** A short message at the corner of the screen. */
export function toast(message, kind = "info") {
    const t = h(`div.toast.${kind}`, message);
    document.getElementById("toasts").append(t);
    setTimeout(() => t.remove(), 4000);
}

/** A modal dialog (the native <dialog>: focus trap and Escape for free); resolves with the value close() got. */
export function dialog(title, build) {
    return new Promise((resolve) => {
        const d = h("dialog.panel", { "aria-label": title });
        const close = (value) => {
            d.close();
            d.remove();
            resolve(value);
        };
        d.addEventListener("cancel", (ev) => {
            ev.preventDefault();
            close(undefined);
        });
        mount(d, h("header.panel-head", h("h2", title), h("button.ghost", { type: "button", "aria-label": "Close", onclick: () => close(undefined) }, "✕")),
            build(close));
        document.body.append(d);
        d.showModal();
        // the first input of the panel rather than its close button
        d.querySelector(".panel-body input:not([type=hidden]):not([disabled]), .panel-body select, .panel-body textarea")?.focus();
    });
}

/** Asks before a destructive action. */
export function confirmDialog(message, action = "Yes") {
    return dialog("Confirm", (close) => h("div.panel-body",
        h("p", message),
        h("div.actions",
            h("button.ghost", { type: "button", onclick: () => close(false) }, "Cancel"),
            h("button.danger", { type: "button", onclick: () => close(true) }, action))));
}

/** Escapes a value for a filter string literal. */
export function quote(value) {
    return `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
