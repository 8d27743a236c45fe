// A browser signed in as the test's superuser (PB_URL, PB_EMAIL, PB_PASSWORD) through the dashboard's stored token,
// and the same superuser's API calls for the steps' setup and checks.
import { useBrowser } from "./browser.mjs";

export const BASE = process.env.PB_URL;
let token;

/** One API call as the superuser; a failure throws with the status and the body. */
export async function api(method, path, body) {
    const res = await fetch(BASE + path, {
        method,
        headers: { Authorization: token, ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
}

/** useBrowser() whose page starts with the superuser's token in the dashboard's storage. */
export function useSignedInBrowser(options = {}) {
    useBrowser({
        ...options,
        setup: async (page) => {
            const auth = await (await fetch(`${BASE}/api/collections/_superusers/auth-with-password`, {
                method: "POST", headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ identity: process.env.PB_EMAIL, password: process.env.PB_PASSWORD }),
            })).json();
            token = auth.token;
            await page.goto(`${BASE}/_/#/login`);
            await page.evaluate((a) => localStorage.setItem("pb4j_admin_auth", JSON.stringify(a)), { token: auth.token, record: auth.record });
        },
    });
}
