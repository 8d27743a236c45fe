// Suggestions while typing an API rule or filter (as PocketBase's autocomplete.utils.js): the collection's fields
// and their relation paths (also back-relations, `posts_via_author.title`), `@request.*` (auth fields of the auth
// collections, body fields with `:isset`/`:changed`), `@collection.<name>.<field>`, the field modifiers and the
// datetime macros. A listbox under the textarea: arrows move, Enter/Tab take, Escape closes; a click takes too.
import { h, mount, nextId } from "pb/dom.js";

const MAX_KEYS = 30;
const MACROS = ["@now", "@second", "@minute", "@hour", "@weekday", "@day", "@month", "@year", "@yesterday",
    "@tomorrow", "@todayStart", "@todayEnd", "@monthStart", "@monthEnd", "@yearStart", "@yearEnd"];
const REQUEST = ["@request.context", "@request.method", "@request.query.", "@request.body.", "@request.headers.",
    "@request.auth.id", "@request.auth.collectionId", "@request.auth.collectionName"];

function modifiers(f) {
    const multi = (f.maxSelect || 1) > 1;
    if (["text", "editor", "email", "url"].includes(f.type)) return ["lower"];
    if (["select", "file", "relation"].includes(f.type)) return multi ? ["length", "each", "lower"].filter((m) => m !== "lower" || f.type === "select") : [];
    return [];
}

function byIdOrName(all, ref) {
    return typeof ref === "string" ? all.find((c) => c.id === ref || c.name === ref) : ref;
}

/** Every key reachable from `collection` under `prefix` (recursing into relations up to 4 levels, as PocketBase). */
export function fieldKeys(collection, all, prefix = "", level = 0) {
    collection = byIdOrName(all, collection);
    if (!collection || level >= 4) return [];
    const keys = [];
    for (const f of collection.fields || []) {
        if (f.type === "password" || (collection.type === "auth" && f.name === "tokenKey")) continue;
        keys.push(prefix + f.name);
        if (prefix === "@request.body.") keys.push(`${prefix}${f.name}:isset`, `${prefix}${f.name}:changed`);
        modifiers(f).forEach((m) => keys.push(`${prefix}${f.name}:${m}`));
        if (f.type === "relation" && f.collectionId) keys.push(...fieldKeys(f.collectionId, all, `${prefix}${f.name}.`, level + 1));
    }
    // back-relations: collections whose relation field points here
    for (const ref of all) {
        for (const f of ref.fields || []) {
            if (f.type === "relation" && f.collectionId === collection.id && collection.id) {
                keys.push(...fieldKeys(ref, all, `${prefix}${ref.name}_via_${f.name}.`, level + 2));
            }
        }
    }
    return keys;
}

/** All the suggestions for a rule of `collection`, in PocketBase's order: fields, @request.*, @collection.*, macros. */
export function ruleKeys(collection, all) {
    const keys = [...fieldKeys(collection, all)];
    const request = [...REQUEST];
    for (const c of all.filter((x) => x.type === "auth" && !x.system)) {
        fieldKeys(c, all, "@request.auth.").forEach((k) => request.includes(k) || request.push(k));
    }
    request.push(...fieldKeys(collection, all, "@request.body."));
    keys.push(...request);
    for (const c of all.filter((x) => !x.system)) keys.push(...fieldKeys(c, all, `@collection.${c.name}.`));
    keys.push(...MACROS);
    return [...new Set(keys)];
}

/** The suggestions for the word being typed: those containing it, shortest first, at most MAX_KEYS. */
export function suggest(keys, word) {
    if (!word) return [];
    const w = word.toLowerCase();
    return keys.filter((k) => k.toLowerCase().includes(w) && k !== word)
        .sort((a, b) => (b.toLowerCase().startsWith(w) - a.toLowerCase().startsWith(w)) || a.length - b.length)
        .slice(0, MAX_KEYS);
}

/** Whether `text` ends inside a '…' or "…" literal (a backslash escapes the next character). */
export function insideString(text) {
    let quote = "";
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote && c === "\\") i++;
        else if (quote && c === quote) quote = "";
        else if (!quote && (c === '"' || c === "'")) quote = c;
    }
    return quote !== "";
}

/**
 * Turns `textarea` into a combobox with suggestions for a rule of `collection` (its JSON as edited: fields added in
 * the panel are suggested before they are saved); `all` is every collection.
 */
export function ruleInput(textarea, collection, all) {
    const list = h("ul.suggestions", { role: "listbox", id: nextId("sug"), hidden: true, "aria-label": "Suggestions" });
    textarea.setAttribute("role", "combobox");
    textarea.setAttribute("aria-autocomplete", "list");
    textarea.setAttribute("aria-expanded", "false");
    textarea.setAttribute("aria-controls", list.id);
    let items = [];
    let active = -1;
    let start = 0;
    let taking = false;

    const close = () => {
        list.hidden = true;
        items = [];
        active = -1;
        textarea.setAttribute("aria-expanded", "false");
        textarea.removeAttribute("aria-activedescendant");
    };
    const highlight = () => {
        [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
        const li = list.children[active];
        if (li) {
            textarea.setAttribute("aria-activedescendant", li.id);
            li.scrollIntoView({ block: "nearest" });
        }
    };
    const take = (key) => {
        const caret = textarea.selectionStart;
        textarea.value = textarea.value.slice(0, start) + key + textarea.value.slice(caret);
        const at = start + key.length;
        textarea.setSelectionRange(at, at);
        close();
        taking = true;
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
        taking = false;
        textarea.focus();
    };
    const update = () => {
        const before = textarea.value.slice(0, textarea.selectionStart);
        if (insideString(before)) return close(); // a string literal's text is the user's, not a key
        const word = /[@\w.:]*$/.exec(before)[0];
        start = before.length - word.length;
        // the schema as edited now (a field added a moment ago is suggested too)
        const others = all.filter((c) => c.id !== collection.id || !collection.id);
        items = suggest(ruleKeys(collection, collection.id ? [...others, collection] : [...others, { ...collection, id: "__new" }]), word);
        if (!items.length) return close();
        active = 0;
        mount(list, items.map((key, i) => h("li", {
            role: "option", id: `${list.id}-${i}`,
            onmousedown: (ev) => { ev.preventDefault(); take(key); },
        }, key)));
        list.hidden = false;
        textarea.setAttribute("aria-expanded", "true");
        highlight();
    };
    textarea.addEventListener("input", () => {
        if (!taking) update();
    });
    textarea.addEventListener("keydown", (ev) => {
        if (list.hidden) {
            if (ev.key === " " && ev.ctrlKey) {
                ev.preventDefault();
                update();
            }
            return;
        }
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
            ev.preventDefault();
            active = (active + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
            highlight();
        } else if (ev.key === "Enter" || ev.key === "Tab") {
            ev.preventDefault();
            take(items[active]);
        } else if (ev.key === "Escape") {
            ev.preventDefault();
            ev.stopPropagation(); // the panel stays open
            close();
        }
    });
    textarea.addEventListener("blur", () => setTimeout(close, 150));
    textarea.after(list);
    return list;
}
