// Entry: hash routes (as PocketBase's dashboard: #/pbinstall/<token>, #/login, #/collections?collection=<name>),
// the header, and the token kept fresh.
import { h, mount, toast } from "pb/dom.js";
import { auth, keepFresh, refresh, forgetEarly } from "pb/api.js";
import { installerPage, loginPage } from "pb/auth.js";
import { collectionsPage } from "pb/collections.js";
import { settingsPage } from "pb/settings.js";
import { logsPage } from "pb/logs.js";
import { sqlPage } from "pb/sql.js";
import { exportPage, importPage } from "pb/sync.js";

const PAGES = { "/collections": "Collections", "/logs": "Logs", "/settings": "Settings", "/sql": "SQL" };

const root = document.getElementById("app");
let routes = 0;

async function route() {
    const turn = ++routes;
    const [path, queryString = ""] = location.hash.replace(/^#/, "").split("?");
    const query = new URLSearchParams(queryString);
    // a panel left open belongs to the page being left: close it (its promise resolves as on Escape)
    document.querySelectorAll("dialog[open]").forEach((d) => d.dispatchEvent(new Event("cancel")));
    const install = /^\/pbinstall\/(.+)$/.exec(path);
    if (install) {
        auth.clear();
        forgetEarly();
        return installerPage(root, decodeURIComponent(install[1]));
    }
    if (!auth.isValid) {
        if (path !== "/login") {
            location.hash = "#/login";
            return;
        }
        forgetEarly();
        return loginPage(root);
    }
    if (path === "/login" || path === "" || path === "/") {
        location.hash = "#/collections";
        return;
    }
    const main = h(path === "/collections" ? "main#main.page" : "main#main.page.single", { tabindex: "-1" });
    if (path === "/collections") {
        // the page is shown once the first records page is in it: the browser lays out and paints the whole page
        // once instead of three times (the header, then the sidebar, then the grid); unless a later route came first
        try {
            return await collectionsPage(main, query);
        } finally {
            if (turn === routes) mount(root, header(path), main);
            forgetEarly();
        }
    }
    forgetEarly();
    mount(root, header(path), main);
    if (path === "/settings") return settingsPage(main);
    if (path === "/logs") return logsPage(main);
    if (path === "/sql") return sqlPage(main);
    if (path === "/export-collections") return exportPage(main);
    if (path === "/import-collections") return importPage(main);
    mount(main, h("p", "Page not found. ", h("a", { href: "#/collections" }, "Go to collections")));
}

function header(path) {
    return h("header.top",
        h("a.skip", { href: "#main", onclick: (ev) => { ev.preventDefault(); document.getElementById("main")?.focus(); } }, "Skip to content"),
        h("a.brand", { href: "#/collections" }, "pb4j"),
        h("nav", { "aria-label": "Main" }, Object.entries(PAGES).map(([p, label]) =>
            h("a", { href: `#${p}`, "aria-current": p === path ? "page" : undefined }, label))),
        h("span.who", auth.record?.email || ""),
        h("button.ghost", { type: "button", onclick: () => { auth.clear(); location.hash = "#/login"; } }, "Sign out"));
}

window.addEventListener("hashchange", () => route().catch(fail));
auth.onChange(() => {
    if (!auth.isValid && !location.hash.startsWith("#/pbinstall") && location.hash !== "#/login") location.hash = "#/login";
});

function fail(err) {
    console.error(err);
    toast(err?.message || String(err), "error");
}

// a stored token is checked (and renewed) once at start, then shortly before it expires. The first page does not
// wait for that check: it asks with the same token, and a token the server refuses signs out either way (auth.clear()
// sends the page to #/login).
if (auth.isValid && !location.hash.startsWith("#/pbinstall")) {
    refresh().catch(() => auth.clear());
}
route().catch(fail);
keepFresh();
