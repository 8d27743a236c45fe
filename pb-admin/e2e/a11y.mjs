// An axe-like check of one part of the page: every visible input, select, textarea and button has an accessible name
// (aria-labelledby, aria-label, a <label>, a title, or a button's text), the Tab key reaches each of them (one radio
// per group, as browsers tab), and the keyboard focus is drawn (an outline or a shadow on the focused control).
import assert from "node:assert/strict";
import { page } from "./browser.mjs";

/** Marks the scope's controls, returns [{ index, tag, type, name, group }] and those without a name. */
async function controls(scope) {
    return scope.evaluate((root) => {
        const visible = (el) => el.checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? !!el.offsetParent;
        const text = (el) => (el?.textContent || "").replace(/\s+/g, " ").trim();
        const nameOf = (el) => {
            const by = el.getAttribute("aria-labelledby");
            if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(" ").trim();
            if (el.getAttribute("aria-label")?.trim()) return el.getAttribute("aria-label").trim();
            const labels = [...(el.labels || [])].map(text).filter(Boolean);
            if (labels.length) return labels.join(" ");
            if (el.tagName === "BUTTON") return text(el) || el.title || "";
            return el.title || "";
        };
        const list = [...root.querySelectorAll("input, select, textarea, button")]
            .filter((el) => el.type !== "hidden" && !el.disabled && visible(el) && !el.closest("[inert]"));
        return list.map((el, index) => {
            el.dataset.a11y = String(index);
            return { index, tag: el.tagName.toLowerCase(), type: el.type || "", name: nameOf(el), group: el.type === "radio" ? el.name : "" };
        });
    });
}

/**
 * Checks `scope` (a locator); `start` is focused first and Tab is pressed until every control was reached (at most
 * `maxTabs` presses). Returns how many controls were checked.
 */
export async function checkKeyboardAndLabels(scope, start, { maxTabs = 400, label = "" } = {}) {
    const list = await controls(scope);
    const unnamed = list.filter((c) => !c.name);
    assert.deepEqual(unnamed, [], `${label}: controls without an accessible name`);
    const wanted = new Set(list.map((c) => (c.group ? `radio:${c.group}` : String(c.index))));
    const reached = new Set();
    const unstyled = [];
    await start.focus();
    for (let i = 0; i < maxTabs && reached.size < wanted.size; i++) {
        const focused = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el?.dataset?.a11y) return null;
            const style = getComputedStyle(el);
            const drawn = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
            return { index: el.dataset.a11y, radio: el.type === "radio" ? el.name : "", drawn, what: `${el.tagName} ${el.getAttribute("aria-label") || el.textContent || el.name || ""}`.slice(0, 60) };
        });
        if (focused) {
            reached.add(focused.radio ? `radio:${focused.radio}` : focused.index);
            // the first control was focused by script, which browsers do not ring (:focus-visible); the rest by Tab
            if (!focused.drawn && i > 0) unstyled.push(focused.what);
        }
        await page.keyboard.press("Tab");
    }
    const missed = list.filter((c) => !reached.has(c.group ? `radio:${c.group}` : String(c.index))).map((c) => `${c.tag} "${c.name}"`);
    assert.deepEqual(missed, [], `${label}: controls the Tab key never reached`);
    assert.deepEqual(unstyled, [], `${label}: focused controls without a visible focus ring`);
    return list.length;
}
