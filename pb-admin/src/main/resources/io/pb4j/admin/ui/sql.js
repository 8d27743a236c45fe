// The SQL console (POST /api/sql): a query, then its columns and rows; a write is confirmed before it runs.
import { h, mount, field, confirmDialog } from "pb/dom.js";
import { send, ApiError, forgetCollections } from "pb/api.js";

const WRITES = /^\s*(insert|create|update|delete|drop|detach|alter|replace)\b/i;

export function sqlPage(main) {
    const query = h("textarea.code", { name: "query", rows: 6, spellcheck: "false" }, "SELECT name, type FROM _collections ORDER BY name");
    const result = h("div.sql-result", { "aria-live": "polite" });
    const form = h("form.card", { "aria-labelledby": "sql-title" },
        h("h1#sql-title", "SQL console"),
        field("Query", query, { name: "query", hint: "Ctrl+Enter runs it. At most 1000 rows are shown." }),
        h("div.actions", h("span.spacer"), h("button.primary", { type: "submit" }, "Run")));
    query.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
            ev.preventDefault();
            form.requestSubmit();
        }
    });
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        if (WRITES.test(query.value) && !(await confirmDialog("This statement changes the database. Run it?", "Run"))) return;
        try {
            const res = await send("POST", "/api/sql", { body: { query: query.value } });
            if (WRITES.test(query.value)) forgetCollections();
            mount(result,
                h("p.hint", `${res.rows.length} rows · ${res.affectedRows} affected · ${res.execTime} ms`),
                res.columns.length ? h("div.grid-wrap", h("table.grid.sql",
                    h("thead", h("tr", res.columns.map((c) => h("th", { scope: "col" }, c.name)))),
                    h("tbody", res.rows.map((row) => h("tr", row.map((v) => h("td", v === null ? "NULL" : String(v)))))))) : null);
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            mount(result, h("pre.field-error", { role: "alert" }, err.message));
        }
    });
    mount(main, h("section.content", { "aria-label": "SQL console" }, form, result));
}
