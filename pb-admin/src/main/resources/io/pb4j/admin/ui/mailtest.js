// "Send test email" (PocketBase's mail test modal): one of the five auth mail templates of an auth collection, sent to
// an address through POST /api/settings/test/email. Opened from the mail settings (any auth collection) and from a
// collection's mail templates (that collection, the template preselected). The server's errors go beside the fields.
import { h, field, showErrors, toast, dialog, nextId } from "pb/dom.js";
import { send, auth, collections, ApiError } from "pb/api.js";

export const MAIL_TEMPLATES = [["verification", "Verification"], ["password-reset", "Password reset"],
    ["email-change", "Confirm email change"], ["otp", "OTP"], ["login-alert", "Login alert"]];

const LAST = "pb4j_admin_last_test_email";

/** Opens the dialog; `collection` (id or name) fixes the auth collection, else the superuser picks one. */
export function openMailTest({ collection = "", template = "verification" } = {}) {
    return dialog("Send test email", (close) => mailTestForm(collection, template, close));
}

function mailTestForm(fixedCollection, template, close) {
    const state = { template, collection: fixedCollection, email: localStorage.getItem(LAST) || auth.record?.email || "" };
    const radios = MAIL_TEMPLATES.map(([value, label]) => {
        const radio = h("input", { type: "radio", name: "template", value, id: nextId(), checked: value === state.template });
        radio.addEventListener("change", () => (state.template = value));
        return h("span.check", radio, h("label", { for: radio.id }, label));
    });
    let picker = null;
    if (!fixedCollection) {
        const select = h("select", { name: "collection", required: true }, h("option", { value: "" }, "Loading auth collections…"));
        select.addEventListener("change", () => (state.collection = select.value));
        collections().then((all) => {
            const authCollections = all.filter((c) => c.type === "auth");
            select.replaceChildren(...authCollections.map((c) => h("option", { value: c.id }, c.name)));
            state.collection = authCollections.find((c) => c.name === "_superusers")?.id || authCollections[0]?.id || "";
            select.value = state.collection;
        });
        picker = field("Auth collection", select, { name: "collection" });
    }
    const email = h("input", { type: "email", name: "email", value: state.email, required: true, autocomplete: "email" });
    email.addEventListener("input", () => (state.email = email.value));
    const sendButton = h("button.primary", { type: "submit" }, "Send");
    const form = h("form.panel-body.mail-test", { novalidate: true },
        h("fieldset.templates", { "data-field": "template" }, h("legend", "Template"), h("div.checks", radios),
            h("p.field-error", { "data-error-for": "template", role: "alert" })),
        picker,
        field("To email address", email, { name: "email" }),
        h("div.actions", h("button.ghost", { type: "button", onclick: () => close() }, "Close"), h("span.spacer"), sendButton));
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        sendButton.disabled = true;
        try {
            await send("POST", "/api/settings/test/email", { body: { email: state.email, template: state.template, collection: state.collection } });
            if (state.email !== auth.record?.email) localStorage.setItem(LAST, state.email);
            toast("Successfully sent test email.");
            close(true);
        } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            const rest = showErrors(form, err.data);
            toast([err.message, ...rest].join(" "), "error");
            form.querySelector("[aria-invalid]")?.focus();
        } finally {
            sendButton.disabled = false;
        }
    });
    return form;
}
