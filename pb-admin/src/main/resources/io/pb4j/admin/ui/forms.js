// The settings forms' pieces: inputs bound to a plain object, checkboxes, one PATCH /api/settings per form with the
// server's errors put beside the fields they name, and the S3 fields that files storage and backups share.
import { h, field, showErrors, toast, nextId } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";

/** An input whose edits go to obj[key] (numbers as numbers). */
export function input(obj, key, attrs = {}) {
    const el = h("input", { name: key, value: obj[key] ?? "", ...attrs });
    el.addEventListener("input", () => (obj[key] = attrs.type === "number" ? Number(el.value) : el.value));
    return el;
}

/** A labelled checkbox bound to obj[key]; `path` names it for the server's errors (e.g. "batch.enabled"). */
export function checkbox(obj, key, label, path, onchange = () => {}) {
    const box = h("input", { type: "checkbox", name: key, checked: !!obj[key], id: nextId() });
    box.addEventListener("change", () => {
        obj[key] = box.checked;
        onchange(box.checked);
    });
    box.setAttribute("data-field", path);
    return h("div.form-row.check", box, h("label", { for: box.id }, label), h("p.field-error", { "data-error-for": path, role: "alert" }));
}

/** Saves one part of the settings; true when the server took it. */
export async function save(form, body, what) {
    try {
        const saved = await send("PATCH", "/api/settings", { body });
        showErrors(form, {});
        toast(`Saved the ${what} settings.`);
        return saved;
    } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const rest = showErrors(form, err.data);
        toast([err.message, ...rest].join(" "), "error");
        return null;
    }
}

/** The message of an error with the per-field ones after it. */
export function errorText(err) {
    return [err.message, ...Object.values(err.data || {}).map((d) => d?.message).filter(Boolean)].join(" ");
}

/**
 * The S3 fields of `s3` (the settings' "s3" or "backups.s3", named by `path` for the errors) and the button that asks
 * the server to connect with the saved ones (POST /api/settings/test/s3 for `filesystem`).
 */
export function s3Fields(s3, path, filesystem) {
    const details = h("div.s3-fields",
        h("div.grid2",
            field("Endpoint", input(s3, "endpoint", { type: "url", placeholder: "https://s3.example.com" }), { name: `${path}.endpoint` }),
            field("Bucket", input(s3, "bucket"), { name: `${path}.bucket` }),
            field("Region", input(s3, "region"), { name: `${path}.region` }),
            field("Access key", input(s3, "accessKey", { autocomplete: "off" }), { name: `${path}.accessKey` }),
            field("Secret", input(s3, "secret", { type: "password", autocomplete: "new-password", placeholder: "unchanged" }), { name: `${path}.secret` })),
        checkbox(s3, "forcePathStyle", "Force path-style addressing", `${path}.forcePathStyle`));
    details.hidden = !s3.enabled;
    const enabled = checkbox(s3, "enabled", filesystem === "storage" ? "Use S3 storage" : "Store backups in S3", `${path}.enabled`, (on) => (details.hidden = !on));
    const test = h("button.secondary", {
        type: "button",
        onclick: async () => {
            try {
                await send("POST", "/api/settings/test/s3", { body: { filesystem } });
                toast("S3 connection successful.");
            } catch (err) {
                if (!(err instanceof ApiError)) throw err;
                toast(`S3 connection failed: ${errorText(err)}`, "error");
            }
        },
    }, filesystem === "storage" ? "Test storage connection" : "Test backups connection");
    return { enabled, details, test };
}

/** The S3 object to send: the secret only when typed (the server keeps the stored one otherwise). */
export function s3Body(s3) {
    const out = { enabled: !!s3.enabled, bucket: s3.bucket || "", region: s3.region || "", endpoint: s3.endpoint || "",
        accessKey: s3.accessKey || "", forcePathStyle: !!s3.forcePathStyle };
    if (s3.secret) out.secret = s3.secret;
    return out;
}
