// Logs: requests per hour as a bar chart over the filtered range, and the list with a detail panel.
import { h, mount, dialog } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";

const SVG = "http://www.w3.org/2000/svg";

export function logsPage(main) {
    const state = { page: 1, filter: "" };
    const filter = h("input", { type: "search", name: "logsFilter", "aria-label": "Filter logs", placeholder: 'e.g. data.status >= 400 || level > 0' });
    const chart = h("figure.chart");
    const list = h("div.grid-wrap");
    const pager = h("nav.pager", { "aria-label": "Pages" });
    const bar = h("form.filter-bar", { role: "search" }, filter, h("button.secondary", { type: "submit" }, "Apply"));
    bar.addEventListener("submit", (ev) => {
        ev.preventDefault();
        state.filter = filter.value.trim();
        state.page = 1;
        load();
    });
    mount(main, h("section.content", { "aria-label": "Logs" }, h("h1", "Logs"), bar, chart, list, pager));

    async function load() {
        try {
            const [stats, res] = await Promise.all([
                send("GET", "/api/logs/stats", { query: { filter: state.filter } }),
                send("GET", "/api/logs", { query: { page: state.page, perPage: 50, sort: "-created", filter: state.filter } }),
            ]);
            drawChart(chart, stats);
            mount(list, h("table.grid", h("caption.sr-only", "Logs"),
                h("thead", h("tr", ["Level", "Message", "Status", "Created"].map((c) => h("th", { scope: "col" }, c)))),
                h("tbody", res.items.length ? res.items.map((log) => h("tr", {
                    tabindex: "0",
                    onclick: () => detail(log),
                    onkeydown: (ev) => { if (ev.key === "Enter") { ev.preventDefault(); detail(log); } },
                }, h("td", level(log.level)), h("td", log.message), h("td", String(log.data?.status ?? "")), h("td", log.created)))
                    : h("tr", h("td.empty", { colspan: 4 }, "No logs found.")))));
            mount(pager,
                h("button.ghost", { type: "button", disabled: state.page <= 1, onclick: () => { state.page--; load(); } }, "‹ Previous"),
                h("span", `Page ${res.page} of ${Math.max(1, res.totalPages)} · ${res.totalItems} logs`),
                h("button.ghost", { type: "button", disabled: state.page >= res.totalPages, onclick: () => { state.page++; load(); } }, "Next ›"));
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            mount(list, h("p.field-error", { role: "alert" }, err.message, " ", Object.values(err.data).map((d) => d.message).join(" ")));
        }
    }
    load();
}

function level(n) {
    return n >= 8 ? "ERROR" : n >= 4 ? "WARN" : n >= 0 ? "INFO" : "DEBUG";
}

/** One bar per hour of the stats over at least the last day (hours without requests are gaps), with a text summary for screen readers. */
function drawChart(figure, stats) {
    const total = stats.reduce((sum, s) => sum + s.total, 0);
    if (!stats.length) {
        mount(figure, h("figcaption", "No requests in the range."));
        return;
    }
    const hours = stats.map((s) => Date.parse(s.date.replace(" ", "T")));
    const last = Math.max(...hours);
    // at least a day, so that one busy hour is a bar among hours and not the whole chart
    const first = Math.min(...hours, last - 23 * 3600000);
    const slots = Math.round((last - first) / 3600000) + 1;
    const max = Math.max(...stats.map((s) => s.total));
    const width = 800;
    const height = 160;
    const barWidth = Math.max(2, width / slots - 2);
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height + 20}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `Requests per hour: ${total} in ${stats.length} hours, at most ${max} in one hour`);
    svg.classList.add("logs-chart");
    stats.forEach((s, i) => {
        const x = ((hours[i] - first) / 3600000) * (width / slots);
        const barHeight = Math.max(1, (s.total / max) * height);
        const rect = document.createElementNS(SVG, "rect");
        rect.setAttribute("x", x.toFixed(1));
        rect.setAttribute("y", (height - barHeight).toFixed(1));
        rect.setAttribute("width", barWidth.toFixed(1));
        rect.setAttribute("height", barHeight.toFixed(1));
        const title = document.createElementNS(SVG, "title");
        title.textContent = `${s.date}: ${s.total} requests`;
        rect.append(title);
        svg.append(rect);
    });
    const axis = (text, x, anchor) => {
        const t = document.createElementNS(SVG, "text");
        t.setAttribute("x", x);
        t.setAttribute("y", height + 16);
        t.setAttribute("text-anchor", anchor);
        t.textContent = text;
        svg.append(t);
    };
    const label = (ms) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
    axis(label(first), 0, "start");
    axis(label(last), width, "end");
    mount(figure, svg, h("figcaption", `${total} requests over ${slots} hour${slots === 1 ? "" : "s"}`));
}

function detail(log) {
    dialog(`Log ${log.id}`, (close) => h("div.panel-body",
        h("dl.log-detail",
            h("dt", "Level"), h("dd", level(log.level)),
            h("dt", "Created"), h("dd", log.created),
            h("dt", "Message"), h("dd", log.message),
            Object.entries(log.data || {}).flatMap(([k, v]) => [h("dt", k), h("dd", typeof v === "object" ? JSON.stringify(v) : String(v))])),
        h("div.actions", h("span.spacer"), h("button.ghost", { type: "button", onclick: () => close() }, "Close"))));
}
