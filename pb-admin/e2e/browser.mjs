// What the browser test files share: Debian's Chromium driven by playwright-core (nothing downloads a browser), one
// page per file whose steps run in order, and steps that save a screenshot of the page when they fail.
import { test, before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const SHOTS = process.env.SCREENSHOTS || "screenshots";
mkdirSync(SHOTS, { recursive: true });

/** The file's page (a live binding: set once the browser is up) and the script errors it has seen. */
export let page;
export const errors = [];

/** Starts Chromium before the file's steps, then runs `setup(page)`; closes it after them. */
export function useBrowser({ viewport = { width: 1280, height: 860 }, setup } = {}) {
    let browser;
    before(async () => {
        browser = await chromium.launch({
            executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
            headless: true,
            args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        // a context of its own, where a step may open more tabs beside the page (sharing its storage)
        const context = await browser.newContext({ viewport, acceptDownloads: true });
        page = await context.newPage();
        page.setDefaultTimeout(15000);
        page.on("pageerror", (err) => errors.push(String(err)));
        if (setup) await setup(page);
    });
    after(async () => {
        await browser?.close();
    });
}

/** A test that saves a screenshot of the page as it failed. */
export function step(name, fn, options = {}) {
    test(name, options, async () => {
        try {
            await fn();
        } catch (err) {
            await shot(`FAILED-${name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`).catch(() => {});
            throw err;
        }
    });
}

export async function shot(name) {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
