// The OAuth2 providers' marks in the dashboard, drawn here (no vendor's logo file is copied): a rounded tile in the
// provider's colour with its initials, a few as simple shapes. An unknown provider (a plugin's) gets a key.
const SVG = "http://www.w3.org/2000/svg";

/** name → [tile colour, initials, text colour]. */
const TILES = {
    apple: ["#111111", ""], bitbucket: ["#2684ff", "B"], box: ["#0061d5", "box"], discord: ["#5865f2", "D"],
    facebook: ["#1877f2", "f"], gitea: ["#609926", "G"], gitee: ["#c71d23", "G"], github: ["#24292f", "GH"],
    gitlab: ["#fc6d26", "GL"], google: ["#ffffff", "G", "#4285f4"], instagram2: ["#d6249f", "IG"], kakao: ["#fee500", "K", "#191919"],
    lark: ["#00d6b9", "L"], linear: ["#5e6ad2", "Li"], livechat: ["#ff5100", "LC"], mailcow: ["#0f6ab4", "mc"],
    microsoft: ["#ffffff", ""], monday: ["#ff3d57", "m"], notion: ["#ffffff", "N", "#111111"], patreon: ["#ff424d", "P"],
    planningcenter: ["#2266f7", "PC"], spotify: ["#1db954", "S"], strava: ["#fc4c02", "S"], trakt: ["#ed1c24", "T"],
    twitch: ["#9146ff", "Tw"], twitter: ["#111111", "X"], vk: ["#0077ff", "VK"], wakatime: ["#111111", "W"], yandex: ["#fc3f1d", "Я"],
};

function el(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
}

/** A 28px mark for provider `name`, hidden from screen readers (its name is always written beside it). */
export function providerLogo(name, size = 28) {
    const svg = el("svg", { viewBox: "0 0 32 32", width: size, height: size, "aria-hidden": "true", class: "provider-logo", "data-provider": name });
    const [fill, initials, color = "#ffffff"] = TILES[name] || (name.startsWith("oidc") ? ["#4b5563", ""] : ["#e5e7eb", ""]);
    svg.append(el("rect", { x: 1, y: 1, width: 30, height: 30, rx: 7, fill, stroke: "#d1d5db", "stroke-width": fill === "#ffffff" ? 1 : 0 }));
    if (name === "microsoft") {
        // four squares
        [["#f25022", 7, 7], ["#7fba00", 17, 7], ["#00a4ef", 7, 17], ["#ffb900", 17, 17]]
            .forEach(([c, x, y]) => svg.append(el("rect", { x, y, width: 8, height: 8, fill: c })));
    } else if (name === "apple") {
        // a plain fruit: a circle with a bite and a leaf
        svg.append(el("path", { fill: "#ffffff", d: "M16 11c-4.5-2-8 1-8 6s3 9 5.5 9c1.2 0 1.6-.6 2.5-.6s1.3.6 2.5.6c2.5 0 4.6-3.6 5.3-6.2-2-.8-3-2.4-3-4.3 0-1.6.8-3 2-3.8-1.2-1.5-3-2-4.3-1.6-.9.3-1.6.9-2.5.9z" }),
            el("path", { fill: "#ffffff", d: "M16.3 9.6c0-2.2 1.6-4 3.6-4.1 0 2.2-1.6 4-3.6 4.1z" }));
    } else if (!initials) {
        // a key: OIDC and any provider without its own mark
        const ink = name.startsWith("oidc") ? "#ffffff" : "#374151";
        svg.append(el("circle", { cx: 12, cy: 16, r: 5, fill: "none", stroke: ink, "stroke-width": 2.5 }),
            el("path", { d: "M17 16h9m-3 0v4m-3-4v3", stroke: ink, "stroke-width": 2.5, fill: "none", "stroke-linecap": "round" }));
    } else {
        const fontSize = initials.length > 2 ? 11 : initials.length > 1 ? 13 : 18;
        svg.append(el("text", { x: 16, y: 16, "text-anchor": "middle", "dominant-baseline": "central", fill: color,
            "font-family": "system-ui, sans-serif", "font-weight": 700, "font-size": fontSize }, initials));
    }
    return svg;
}
