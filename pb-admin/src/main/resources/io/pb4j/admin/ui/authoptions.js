// The "Options" tab of an auth collection's panel (PocketBase's collectionAuthOptionsTab): password auth, OAuth2
// providers with their settings and field mapping, OTP, MFA, login alerts, the mail templates and the token
// durations. It edits the collection's JSON in place; the collection panel saves it with the rest, and the server's
// errors (e.g. "otp.duration", "oauth2.providers.0.clientId") land beside the control of that name.
import { h, mount, field, nextId } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";
import { ruleInput } from "pb/rules.js";
import { providerExtras, checkProviders } from "pb/oauth2-extras.js";
import { openMailTest } from "pb/mailtest.js";

const TOKENS = [["authToken", "Auth"], ["verificationToken", "Email verification"],
    ["passwordResetToken", "Password reset"], ["emailChangeToken", "Email change"], ["fileToken", "Protected file"]];

const TEMPLATES = [["verificationTemplate", "Verification"], ["resetPasswordTemplate", "Password reset"],
    ["confirmEmailChangeTemplate", "Confirm email change"], ["otp.emailTemplate", "OTP"],
    ["authAlert.emailTemplate", "Login alert"]];

/** The template keys of an auth collection → the test email API's template names. */
const TEST_TEMPLATES = { verificationTemplate: "verification", resetPasswordTemplate: "password-reset",
    confirmEmailChangeTemplate: "email-change", "otp.emailTemplate": "otp", "authAlert.emailTemplate": "login-alert" };

let providersCache = null;

/** The OAuth2 providers the server knows ({name, displayName, logo}), as the providers API lists them. */
async function providers() {
    if (!providersCache) providersCache = await send("GET", "/api/collections/meta/oauth2-providers");
    return providersCache;
}

/**
 * A provider's mark as the server draws it (the providers API's `logo` SVG), shown as an image as PocketBase's
 * dashboard shows it; hidden from screen readers, since the provider's name is always written beside it. Until the
 * providers have been listed, an empty square of the same size keeps the layout still.
 */
function providerLogo(info, size = 28) {
    if (!info?.logo) return h("span.provider-logo", { "aria-hidden": "true", style: `width:${size}px;height:${size}px` });
    // a data: URL percent-encoded rather than base64: btoa() refuses the non-Latin-1 letters a mark may hold
    return h("img.provider-logo", { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(info.logo)}`,
        width: size, height: size, alt: "", "data-provider": info.name });
}

/** Renders the auth options of `data` (an auth collection's JSON) into `el`; `all` is every collection. */
export function authOptions(el, data, all) {
    ["passwordAuth", "oauth2", "otp", "mfa", "authAlert"].forEach((k) => (data[k] = data[k] || {}));
    mount(el,
        section("Identity/Password", "passwordAuth", () => passwordSection(data)),
        section("OAuth2", "oauth2", (body) => oauth2Section(body, data)),
        section("One-time password (OTP)", "otp", () => otpSection(data)),
        section("Multi-factor authentication (MFA)", "mfa", () => mfaSection(data, all)),
        section("Mail templates", "templates", () => templatesSection(data)),
        section("Token options (invalidate, duration)", "tokens", () => tokensSection(data)));
}

/** After a failed save: opens every section with an error in it, so the message is seen. */
export function openSectionsWithErrors(form) {
    form.querySelectorAll("details.auth-section, details.provider-advanced").forEach((d) => {
        if ([...d.querySelectorAll(".field-error")].some((e) => e.textContent)) d.open = true;
    });
}

function section(title, key, build) {
    const body = h("div.section-body");
    const built = build(body);
    if (built) mount(body, built);
    return h("details.auth-section", { "data-section": key }, h("summary", title), body);
}

/** A checkbox bound to obj[key]. */
function toggle(obj, key, label, name, onChange) {
    const box = h("input", { type: "checkbox", checked: !!obj[key], id: nextId() });
    box.setAttribute("data-field", name);
    box.addEventListener("change", () => {
        obj[key] = box.checked;
        onChange?.();
    });
    return h("div.form-row.check", box, h("label", { for: box.id }, label),
        h("p.field-error", { "data-error-for": name, role: "alert" }));
}

/** A number input bound to obj[key] (whole numbers). */
function number(obj, key, label, name, hint = "") {
    const input = h("input", { type: "number", step: "1", min: "0", value: obj[key] ?? "" });
    input.addEventListener("input", () => (obj[key] = input.value === "" ? 0 : Number(input.value)));
    return field(label, input, { name, hint });
}

function text(obj, key, label, name, { type = "text", hint = "", placeholder = "" } = {}) {
    const input = h("input", { type, value: obj[key] ?? "", placeholder, autocomplete: "off" });
    input.addEventListener("input", () => (obj[key] = input.value));
    return field(label, input, { name, hint });
}

function passwordSection(data) {
    const pa = data.passwordAuth;
    pa.identityFields = pa.identityFields || [];
    // any field of a type that can identify a record; the server insists on a UNIQUE index for each
    const candidates = (data.fields || []).filter((f) => ["email", "text", "url", "number"].includes(f.type) && f.name !== "id" && !f.hidden || pa.identityFields.includes(f.name));
    const boxes = candidates.map((f) => {
        const box = h("input", { type: "checkbox", checked: pa.identityFields.includes(f.name), id: nextId(), value: f.name });
        box.addEventListener("change", () => {
            pa.identityFields = box.checked ? [...pa.identityFields, f.name] : pa.identityFields.filter((n) => n !== f.name);
        });
        return h("span.check", box, h("label", { for: box.id }, f.name));
    });
    return [
        toggle(pa, "enabled", "Enable password auth", "passwordAuth.enabled"),
        h("fieldset.identity", { "data-field": "passwordAuth.identityFields" },
            h("legend", "Identity fields"),
            h("div.checks", boxes),
            h("p.hint", "The fields a user may sign in with (each needs a UNIQUE index)."),
            h("p.field-error", { "data-error-for": "passwordAuth.identityFields", role: "alert" })),
    ];
}

function oauth2Section(body, data) {
    const o = data.oauth2;
    o.providers = o.providers || [];
    o.mappedFields = o.mappedFields || {};
    const list = h("ol.providers", { "aria-label": "OAuth2 providers" });
    const picker = h("select", { "aria-label": "OAuth2 provider to add" });
    const preview = h("span.picker-logo");
    picker.addEventListener("change", () => mount(preview, picker.value ? providerLogo(known.get(picker.value)) : null));
    const add = h("button.secondary", { type: "button" }, "Add provider");
    const known = new Map();
    const renderPicker = () => {
        const used = new Set(o.providers.map((p) => p.name));
        mount(picker, [...known.values()].filter((p) => !used.has(p.name))
            .map((p) => h("option", { value: p.name }, `${p.displayName} (${p.name})`)));
        add.disabled = picker.options.length === 0;
        mount(preview, picker.value ? providerLogo(known.get(picker.value)) : null);
    };
    const renderList = () => {
        mount(list, o.providers.map((p, i) => h("li.provider-card", providerCard(o, p, i, known, () => { renderList(); renderPicker(); }))),
            o.providers.length ? null : h("li.hint", "No providers yet."));
    };
    add.addEventListener("click", () => {
        const info = known.get(picker.value);
        if (!info) return;
        o.providers.push({ name: info.name, clientId: "", clientSecret: "", displayName: info.displayName, pkce: null });
        renderList();
        renderPicker();
        list.querySelectorAll("li.provider-card").item(o.providers.length - 1)?.querySelector("input")?.focus();
    });
    providers().then((items) => {
        items.forEach((p) => known.set(p.name, p));
        renderList();
        renderPicker();
    }).catch(() => mount(list, h("li.field-error", "Could not load the OAuth2 providers.")));
    renderList();
    const fieldNames = (data.fields || []).filter((f) => !f.hidden || f.type === "file").map((f) => f.name);
    const mapping = [["name", "OAuth2 full name"], ["avatarURL", "OAuth2 avatar"], ["id", "OAuth2 id"], ["username", "OAuth2 username"]]
        .map(([key, label]) => {
            const select = h("select", h("option", { value: "" }, "— not mapped —"),
                fieldNames.map((n) => h("option", { value: n, selected: o.mappedFields[key] === n }, n)));
            select.addEventListener("change", () => (o.mappedFields[key] = select.value));
            return field(label, select, { name: `oauth2.mappedFields.${key}` });
        });
    return [
        toggle(o, "enabled", "Enable OAuth2 auth", "oauth2.enabled"),
        list,
        h("div.add-provider", preview, picker, add),
        h("p.field-error", { "data-error-for": "oauth2.providers", role: "alert" }),
        h("fieldset.mapping", h("legend", "Optional create fields mapping (new users)"), h("div.grid2", mapping)),
    ];
}

function providerCard(o, p, i, known, rerender) {
    const prefix = `oauth2.providers.${i}`;
    const info = known.get(p.name);
    const secret = text(p, "clientSecret", "Client secret", `${prefix}.clientSecret`,
        { type: "password", placeholder: p.clientId ? "(stored; leave empty to keep)" : "" });
    const setSecret = (value) => {
        p.clientSecret = value;
        secret.querySelector("input").value = value;
    };
    return [
        h("div.provider-head", providerLogo(info), h("strong", info?.displayName || p.displayName || p.name), h("span.badge.small", p.name),
            h("span.spacer"),
            h("button.ghost.danger-text", {
                type: "button",
                "aria-label": `Remove provider ${p.name}`,
                onclick: () => { o.providers.splice(i, 1); rerender(); },
            }, "Remove")),
        h("div.grid2",
            text(p, "clientId", "Client ID", `${prefix}.clientId`),
            secret),
        providerExtras(p, prefix, { setSecret }),
        h("p.field-error", { "data-error-for": prefix, role: "alert" }),
    ];
}

function otpSection(data) {
    const otp = data.otp;
    return [
        toggle(otp, "enabled", "Enable OTP", "otp.enabled"),
        h("div.grid2",
            number(otp, "duration", "Duration (in seconds)", "otp.duration"),
            number(otp, "length", "Generated password length", "otp.length")),
        h("p.hint", "Its email template is under Mail templates."),
    ];
}

function mfaSection(data, all) {
    const mfa = data.mfa;
    const rule = h("textarea.code.rule", { rows: 2, spellcheck: "false", placeholder: "Leave empty to require MFA for everyone" }, mfa.rule || "");
    rule.addEventListener("input", () => (mfa.rule = rule.value));
    const row = field("MFA rule", rule, { name: "mfa.rule", hint: "Leave the rule empty to require MFA for everyone." });
    ruleInput(rule, data, all);
    return [
        toggle(mfa, "enabled", "Enable MFA", "mfa.enabled"),
        h("p.hint", "Requires a second auth method (e.g. OTP or OAuth2) after the first one."),
        number(mfa, "duration", "Duration (in seconds)", "mfa.duration"),
        row,
    ];
}

/** obj at a dotted path ("otp.emailTemplate"), created when missing. */
function at(data, path) {
    return path.split(".").reduce((o, k) => (o[k] = o[k] || {}), data);
}

function templatesSection(data) {
    return [
        toggle(data.authAlert, "enabled", "Send email alert for new logins", "authAlert.enabled"),
        ...TEMPLATES.map(([path, label]) => {
            const tpl = at(data, path);
            const body = h("textarea.code", { rows: 7, spellcheck: "false" }, tpl.body || "");
            body.addEventListener("input", () => (tpl.body = body.value));
            const test = h("button.secondary.small", {
                type: "button",
                disabled: !data.id,
                title: data.id ? undefined : "Create the collection first",
                "aria-label": `Send test ${label} email`,
                onclick: () => openMailTest({ collection: data.id, template: TEST_TEMPLATES[path] }),
            }, "Send test email");
            return h("fieldset.template", { "data-template": path },
                h("legend", `${label} email template`),
                text(tpl, "subject", "Subject", `${path}.subject`),
                field("Body (HTML)", body, { name: `${path}.body`, hint: placeholders(path) }),
                h("div.actions", h("span.hint", "Sends the saved template."), h("span.spacer"), test));
        }),
    ];
}

function placeholders(path) {
    const common = "{APP_NAME}, {APP_URL}, {RECORD:*}";
    if (path === "otp.emailTemplate") return `Placeholders: ${common}, {OTP}, {OTP_ID}`;
    if (path === "authAlert.emailTemplate") return `Placeholders: ${common}, {ALERT_INFO}`;
    return `Placeholders: ${common}, {TOKEN}`;
}

function tokensSection(data) {
    return TOKENS.map(([key, label]) => {
        const token = (data[key] = data[key] || {});
        const invalidate = h("input", { type: "checkbox", id: nextId() });
        invalidate.addEventListener("change", () => {
            // a new secret makes every token signed with the old one invalid
            if (invalidate.checked) {
                token._oldSecret = token.secret;
                token.secret = randomSecret();
            } else {
                token.secret = token._oldSecret;
                delete token._oldSecret;
            }
        });
        return h("fieldset.token", h("legend", `${label} token`),
            number(token, "duration", "Duration (in seconds)", `${key}.duration`),
            h("div.form-row.check", invalidate, h("label", { for: invalidate.id }, "Invalidate all previously issued tokens"),
                h("p.field-error", { "data-error-for": `${key}.secret`, role: "alert" })));
    });
}

function randomSecret() {
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const bytes = crypto.getRandomValues(new Uint8Array(50));
    return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

/** Before a save: the blanks PocketBase's form refuses in the OAuth2 providers, thrown as the server would. */
export function checkAuthOptions(payload) {
    const data = payload.type === "auth" ? checkProviders(payload.oauth2) : null;
    if (data) throw new ApiError(400, { status: 400, message: "Some OAuth2 provider fields are required.", data });
}

/** Drops the editor's own bookkeeping from a collection payload before it is sent. */
export function cleanAuthOptions(payload) {
    for (const [key] of TOKENS) delete payload[key]?._oldSecret;
}
