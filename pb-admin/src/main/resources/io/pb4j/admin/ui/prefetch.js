// Inlined into index.html (Assets.java), so it runs as soon as the HTML is parsed, long before the dashboard's own
// script has been read from the cache, compiled and run: it starts the requests of the first page (the token check,
// and on the collections page the collections and the grid's first page) and leaves their answers in
// window.pb4jEarly, where api.js's send() takes each once, when it asks the same. Their round trips then overlap
// with the script's work instead of following it (the records grid's first paint, bench/RESULTS.md). A guess that
// turns out wrong (another collection, a signed-out token) costs a request nobody reads, nothing more.
import { SUPERUSERS, COLLECTIONS_QUERY, stored, tokenPayload, apiUrl, exchange, pickCollection, firstPageUrl, rememberedFirstPage } from "pb/first-page.js";

const { token } = stored();
const [path, queryString = ""] = location.hash.replace(/^#/, "").split("?");
if (token && (tokenPayload(token).exp || 0) * 1000 > Date.now() && !path.startsWith("/pbinstall/")) {
    const early = (window.pb4jEarly = new Map());
    const ask = (method, apiPath, query) => {
        const url = apiUrl(apiPath, query);
        const answer = exchange(url, { method, headers: { Authorization: token } });
        answer.catch(() => {}); // a request that fails before anyone takes it is not the page's error
        early.set(`${method} ${url.href}`, { token, answer });
        return answer;
    };
    ask("POST", `${SUPERUSERS}/auth-refresh`);
    // the routes that show the collections page ("", "/" and "/login" lead there with a valid token)
    if (["", "/", "/login", "/collections"].includes(path)) {
        // the grid's first page: the one this page showed last time at once, when it is known, so that all three
        // go out together; else (or when the collections show that it changed) once the collections are in. The
        // latter is set before api.js reads the same answer, so that the dashboard finds it when its grid asks.
        const wanted = new URLSearchParams(queryString).get("collection") || "";
        const remembered = rememberedFirstPage(wanted);
        if (remembered) ask("GET", remembered);
        ask("GET", "/api/collections", COLLECTIONS_QUERY).then(({ ok, text }) => {
            const collection = ok ? pickCollection(JSON.parse(text).items, wanted) : null;
            const url = collection ? firstPageUrl(collection) : remembered;
            if (url !== remembered) ask("GET", url);
        }).catch(() => {});
    }
}
