// Settings → Files storage and Backups: S3 for uploaded files; the backups list (create, download, upload, restore,
// delete) and the auto-backup cron with how many to keep, optionally in S3. A restore swaps the app's data while the
// server holds requests back; the page waits for the server to answer again and then reloads itself.
import { h, mount, field, toast, confirmDialog } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";
import { input, checkbox, save, errorText, s3Fields, s3Body } from "pb/forms.js";

export function storageForm(settings) {
    const s3 = { ...settings.s3 };
    const { enabled, details, test } = s3Fields(s3, "s3", "storage");
    const form = h("form.card.settings-card#settings-storage", { novalidate: true, "aria-labelledby": "storage-title" },
        h("h2#storage-title", "Files storage"),
        h("p.hint", "Uploaded files are kept in the data directory unless S3 is on. The connection test uses the saved settings."),
        enabled, details,
        h("div.actions", test, h("span.spacer"), h("button.primary", { type: "submit" }, "Save storage settings")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { s3: s3Body(s3) }, "storage");
    });
    return form;
}

export async function backupsSection(settings) {
    const list = h("tbody");
    const upload = h("input.sr-only", { type: "file", name: "backupUpload", accept: ".zip,application/zip", "aria-label": "Upload a backup zip" });
    upload.addEventListener("change", async () => {
        const file = upload.files[0];
        if (!file) return;
        const body = new FormData();
        body.append("file", file);
        try {
            await send("POST", "/api/backups/upload", { body });
            toast(`Uploaded ${file.name}.`);
            await load();
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            toast(`Upload failed: ${errorText(err)}`, "error");
        }
        upload.value = "";
    });
    const section = h("section.card.settings-card#settings-backups", { "aria-labelledby": "backups-title" },
        h("h2#backups-title", "Backups"),
        h("div.actions", upload, h("span.spacer"),
            h("button.ghost", { type: "button", onclick: () => upload.click() }, "Upload backup"),
            h("button.primary", { type: "button", onclick: create }, "+ New backup")),
        h("table.grid", h("caption.sr-only", "Backups"),
            h("thead", h("tr", h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Size"), h("th", { scope: "col" }, "Modified"), h("th", { scope: "col" }, h("span.sr-only", "Actions")))),
            list),
        autoBackupForm(settings));

    async function load() {
        const backups = await send("GET", "/api/backups");
        backups.sort((a, b) => (a.modified < b.modified ? 1 : -1));
        mount(list, backups.length ? backups.map((b) => h("tr",
            h("td", b.key), h("td", `${(b.size / 1024).toFixed(1)} KB`), h("td", b.modified),
            h("td.row-actions",
                h("button.ghost.small", { type: "button", "aria-label": `Download ${b.key}`, onclick: () => download(b.key) }, "Download"),
                h("button.ghost.small", { type: "button", "aria-label": `Restore ${b.key}`, onclick: () => restore(b.key) }, "Restore"),
                h("button.ghost.small.danger-text", { type: "button", "aria-label": `Delete ${b.key}`, onclick: () => remove(b.key) }, "Delete"))))
            : h("tr", h("td.empty", { colspan: 4 }, "No backups yet.")));
    }

    async function create() {
        try {
            await send("POST", "/api/backups", { body: {} });
            toast("Backup created.");
            await load();
        } catch (err) {
            toast(err.message, "error");
        }
    }

    async function download(key) {
        // backups are downloaded with a short-lived file token, as the SDK does
        const { token } = await send("POST", "/api/files/token");
        const a = h("a", { href: `/api/backups/${encodeURIComponent(key)}?token=${encodeURIComponent(token)}`, download: key });
        document.body.append(a);
        a.click();
        a.remove();
    }

    async function restore(key) {
        if (!(await confirmDialog(`Restore the backup ${key}? Every collection, record and file is replaced by the backup's, and the app restarts. Data written since the backup is lost.`, "Restore"))) return;
        try {
            await send("POST", `/api/backups/${encodeURIComponent(key)}/restore`);
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            toast(`Restore failed: ${errorText(err)}`, "error");
            return;
        }
        await waitForRestart(key);
    }

    async function remove(key) {
        if (!(await confirmDialog(`Delete the backup ${key}?`, "Delete"))) return;
        await send("DELETE", `/api/backups/${encodeURIComponent(key)}`);
        toast("Backup deleted.");
        await load();
    }

    await load();
    return section;
}

/** Covers the page while the restore runs; reloads it once the server answers again. */
async function waitForRestart(key) {
    const note = h("div.restoring", { role: "alert", "aria-busy": "true" }, h("p", `Restoring ${key}… the page reloads when the app is back.`));
    document.body.append(note);
    // the server answers the restore request first and swaps the data after it: give it a moment to start
    await new Promise((r) => setTimeout(r, 1500));
    for (const end = Date.now() + 120000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
        try {
            const res = await fetch("/api/health", { cache: "no-store" });
            if (res.ok) break;
        } catch {
            /* the server is still restarting */
        }
    }
    sessionStorage.setItem("pb4j_admin_restored", key);
    location.reload();
}

function autoBackupForm(settings) {
    const backups = { ...settings.backups, s3: { ...settings.backups.s3 } };
    const auto = { on: !!backups.cron };
    const cron = input(backups, "cron", { placeholder: "0 0 * * *" });
    const keep = input(backups, "cronMaxKeep", { type: "number", min: 1 });
    const cronFields = h("div.grid2",
        field("Cron expression", cron, { name: "backups.cron", hint: "e.g. 0 0 * * * for every day at 00:00 UTC" }),
        field("Max backups to keep", keep, { name: "backups.cronMaxKeep" }));
    cronFields.hidden = !auto.on;
    const { enabled, details, test } = s3Fields(backups.s3, "backups.s3", "backups");
    const form = h("form.auto-backups", { novalidate: true, "aria-label": "Backup options" },
        h("h3", "Backup options"),
        checkbox(auto, "on", "Enable auto backups", "backups.autoEnabled", (on) => (cronFields.hidden = !on)),
        cronFields, enabled, details,
        h("div.actions", test, h("span.spacer"), h("button.primary", { type: "submit" }, "Save backup options")));
    form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        save(form, { backups: { cron: auto.on ? backups.cron || "" : "", cronMaxKeep: Number(backups.cronMaxKeep) || 0, s3: s3Body(backups.s3) } }, "backup");
    });
    return form;
}
