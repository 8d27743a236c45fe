// Per-provider settings of an OAuth2 provider card, as PocketBase's dashboard has them: Apple's client-secret
// generator (POST /api/settings/apple/generate-client-secret), Microsoft's tenant and endpoints with the email claim,
// OIDC's display name, endpoints, user info source (URL, or the id_token with its JWKS URL and issuers) and PKCE,
// Lark's site, mailcow's endpoints, and GitLab's/Gitea's optional self-hosted endpoints. Other providers get their
// overridable defaults under "Advanced". checkProviders() finds the blanks the server would take but PocketBase's
// form refuses, so they show beside their fields before anything is sent.
import { h, field, showErrors, toast, dialog, nextId } from "pb/dom.js";
import { send, ApiError } from "pb/api.js";

const REQUIRED = { code: "validation_required", message: "Cannot be blank." };
const APPLE_MAX_DURATION = 15777000;
const MS_EMAIL_CLAIMS = [["", 'Graph API "mail" field (default)'], ["email", '"email" id_token claim'],
    ["email_and_xms_edov", '"email" + "xms_edov" id_token claims'], ["verified_primary_email", '"verified_primary_email" id_token claim'],
    ["any_verified", 'Either "verified_primary_email" OR "email" + "xms_edov" id_token claims']];
const LARK_SITES = [["feishu.cn", "Feishu (China)"], ["larksuite.com", "Lark (International)"]];
const PKCE = [["", "Auto (as the provider needs)"], ["true", "On"], ["false", "Off"]];

const isOidc = (name) => /^oidc\d*$/.test(name);

/** A text-like input bound to obj[key]; "extra.x" keys go into obj.extra. */
function text(p, key, label, name, { type = "text", hint = "", placeholder = "", required = false } = {}) {
    const [holder, k] = key.startsWith("extra.") ? [() => (p.extra = p.extra || {}), key.slice(6)] : [() => p, key];
    const input = h("input", { type, value: (key.startsWith("extra.") ? p.extra?.[k] : p[k]) ?? "", placeholder, autocomplete: "off", required });
    input.addEventListener("input", () => (holder()[k] = input.value));
    return field(label, input, { name, hint });
}

function endpoints(p, prefix, { title, required }) {
    return h("fieldset.endpoints", h("legend", title),
        text(p, "authURL", "Auth URL", `${prefix}.authURL`, { type: "url", required }),
        text(p, "tokenURL", "Token URL", `${prefix}.tokenURL`, { type: "url", required }),
        text(p, "userInfoURL", "User info URL", `${prefix}.userInfoURL`, { type: "url", required }));
}

/** The provider's own settings below its client id and secret; `setSecret` fills the secret input. */
export function providerExtras(p, prefix, { setSecret }) {
    if (p.name === "apple") return appleExtras(p, setSecret);
    if (p.name === "microsoft") return microsoftExtras(p, prefix);
    if (isOidc(p.name)) return oidcExtras(p, prefix);
    if (p.name === "lark") return larkExtras(p);
    if (p.name === "mailcow") return endpoints(p, prefix, { title: "Provider endpoints", required: true });
    if (p.name === "gitlab" || p.name === "gitea") return endpoints(p, prefix, { title: "Self-hosted endpoints (optional)", required: false });
    return advanced(p, prefix);
}

function pkceSelect(p, prefix) {
    const pkce = h("select", PKCE.map(([v, label]) => h("option", { value: v, selected: String(p.pkce ?? "") === v }, label)));
    pkce.addEventListener("change", () => (p.pkce = pkce.value === "" ? null : pkce.value === "true"));
    return field("PKCE", pkce, { name: `${prefix}.pkce` });
}

function advanced(p, prefix) {
    return h("details.provider-advanced", h("summary", "Advanced (display name, PKCE, endpoints)"),
        h("div.grid2",
            text(p, "displayName", "Display name", `${prefix}.displayName`),
            pkceSelect(p, prefix),
            text(p, "authURL", "Auth URL", `${prefix}.authURL`, { type: "url", hint: "Empty: the provider's own." }),
            text(p, "tokenURL", "Token URL", `${prefix}.tokenURL`, { type: "url" }),
            text(p, "userInfoURL", "User info URL", `${prefix}.userInfoURL`, { type: "url" })));
}

function microsoftExtras(p, prefix) {
    const tenantOf = (url) => /login\.microsoftonline\.com\/([^/]+)\//.exec(url || "")?.[1] || "";
    const tenant = h("input", { type: "text", value: tenantOf(p.authURL), placeholder: "common", autocomplete: "off" });
    const auth = text(p, "authURL", "Auth URL", `${prefix}.authURL`, { type: "url", required: true,
        hint: "Ex. https://login.microsoftonline.com/YOUR_DIRECTORY_TENANT_ID/oauth2/v2.0/authorize" });
    const token = text(p, "tokenURL", "Token URL", `${prefix}.tokenURL`, { type: "url", required: true,
        hint: "Ex. https://login.microsoftonline.com/YOUR_DIRECTORY_TENANT_ID/oauth2/v2.0/token" });
    tenant.addEventListener("input", () => {
        const id = tenant.value.trim();
        p.authURL = id ? `https://login.microsoftonline.com/${encodeURIComponent(id)}/oauth2/v2.0/authorize` : "";
        p.tokenURL = id ? `https://login.microsoftonline.com/${encodeURIComponent(id)}/oauth2/v2.0/token` : "";
        auth.querySelector("input").value = p.authURL;
        token.querySelector("input").value = p.tokenURL;
    });
    const claim = h("select", MS_EMAIL_CLAIMS.map(([v, label]) => h("option", { value: v, selected: (p.extra?.idTokenEmailClaim || "") === v }, label)));
    claim.addEventListener("change", () => {
        p.extra = p.extra || {};
        p.extra.idTokenEmailClaim = claim.value;
    });
    return h("fieldset.endpoints", h("legend", "Azure AD / Entra ID"),
        field("Directory (tenant) ID", tenant, { hint: "Fills both URLs below: common, organizations, consumers or your tenant's id." }),
        auth, token,
        field("Extract email from", claim, { name: `${prefix}.extra.idTokenEmailClaim`,
            hint: "The minimal scopes are User.Read, and openid for an id_token claim; your tenant may have to allow the email claim." }));
}

function larkExtras(p) {
    const site = h("select", LARK_SITES.map(([v, label]) => h("option", { value: v, selected: (p.authURL || "").includes(v) }, label)));
    const apply = () => {
        const d = site.value;
        p.authURL = `https://accounts.${d}/open-apis/authen/v1/authorize`;
        p.tokenURL = `https://open.${d}/open-apis/authen/v2/oauth/token`;
        p.userInfoURL = `https://open.${d}/open-apis/authen/v1/user_info`;
    };
    site.addEventListener("change", apply);
    apply();
    return h("div", field("Site", site), h("p.hint", "The Lark user's Union ID links them to the PocketBase user."));
}

function oidcExtras(p, prefix) {
    if (p.displayName === undefined || p.displayName === "") p.displayName = "OIDC";
    if (p.pkce === undefined || p.pkce === null) p.pkce = true;
    const userInfo = !!p.userInfoURL || !p.extra;
    const source = h("select", h("option", { value: "url", selected: userInfo }, "User info URL"), h("option", { value: "token", selected: !userInfo }, "ID Token"));
    const slot = h("div.oidc-userinfo");
    const render = () => {
        if (source.value === "url") {
            p.extra = null;
            slot.replaceChildren(text(p, "userInfoURL", "User info URL", `${prefix}.userInfoURL`, { type: "url", required: true }));
        } else {
            p.userInfoURL = "";
            p.extra = p.extra || {};
            const issuers = h("input", { type: "text", value: (p.extra.issuers || []).join(", "), autocomplete: "off" });
            issuers.addEventListener("input", () => (p.extra.issuers = issuers.value.split(",").map((s) => s.trim()).filter(Boolean)));
            slot.replaceChildren(h("p.hint", "Both are optional: the id_token comes straight from the TLS code-to-token exchange."),
                text(p, "extra.jwksURL", "JWKS verification URL", `${prefix}.extra.jwksURL`, { type: "url", hint: "The URL of the public token verification keys." }),
                field("Issuers", issuers, { name: `${prefix}.extra.issuers`, hint: "Comma-separated accepted values of the iss claim." }));
        }
    };
    source.addEventListener("change", render);
    render();
    const pkce = h("input", { type: "checkbox", id: nextId(), checked: !!p.pkce });
    pkce.setAttribute("data-field", `${prefix}.pkce`);
    pkce.addEventListener("change", () => (p.pkce = pkce.checked));
    return h("div.oidc",
        text(p, "displayName", "Display name", `${prefix}.displayName`, { required: true }),
        h("fieldset.endpoints", h("legend", "Endpoints"),
            text(p, "authURL", "Auth URL", `${prefix}.authURL`, { type: "url", required: true }),
            text(p, "tokenURL", "Token URL", `${prefix}.tokenURL`, { type: "url", required: true }),
            field("Fetch user info from", source), slot),
        h("div.form-row.check", pkce, h("label", { for: pkce.id }, "Support PKCE"),
            h("p.field-error", { "data-error-for": `${prefix}.pkce`, role: "alert" })));
}

function appleExtras(p, setSecret) {
    return h("div.apple", h("button.secondary", {
        type: "button",
        onclick: async () => {
            const secret = await openAppleSecretGenerator(p.clientId || "");
            if (secret) setSecret(secret);
        },
    }, "Generate secret"), h("p.hint", "Apple's client secret is a JWT signed with your key; it expires after at most ~6 months."));
}

/** PocketBase's Apple client-secret generator; resolves with the secret, or undefined when closed. */
export function openAppleSecretGenerator(clientId) {
    return dialog("Generate Apple client secret", (close) => {
        const form = h("form.panel-body.apple-secret", { novalidate: true });
        const values = { clientId, teamId: "", keyId: "", duration: APPLE_MAX_DURATION, privateKey: "" };
        const input = (key, attrs = {}) => {
            const el = h(attrs.rows ? "textarea" : "input", { name: key, value: values[key], autocomplete: "off", ...attrs });
            el.addEventListener("input", () => (values[key] = attrs.type === "number" ? parseInt(el.value, 10) || 0 : el.value));
            return el;
        };
        const submit = h("button.primary", { type: "submit" }, "Generate secret");
        form.append(
            h("div.grid2",
                field("Client ID", input("clientId", { required: true }), { name: "clientId" }),
                field("Team ID", input("teamId", { required: true }), { name: "teamId" }),
                field("Key ID", input("keyId", { required: true }), { name: "keyId" }),
                field("Duration (in seconds)", input("duration", { type: "number", min: 0, max: APPLE_MAX_DURATION, step: 1, required: true }),
                    { name: "duration", hint: `Max ${APPLE_MAX_DURATION} seconds (~6 months).` })),
            field("Private key", input("privateKey", { rows: 8, spellcheck: "false", class: "code", required: true,
                placeholder: "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----" }),
            { name: "privateKey", hint: "The key is not stored on the server; it only signs the JWT." }),
            h("div.actions", h("button.ghost", { type: "button", onclick: () => close() }, "Close"), h("span.spacer"), submit));
        form.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            ev.stopPropagation(); // not the collection form's submit around the dialog
            submit.disabled = true;
            try {
                const res = await send("POST", "/api/settings/apple/generate-client-secret",
                    { body: { ...values, privateKey: values.privateKey.trim() } });
                toast("Successfully generated client secret.");
                close(res.secret);
            } catch (err) {
                if (!(err instanceof ApiError)) throw err;
                const rest = showErrors(form, err.data);
                toast([err.message, ...rest].join(" "), "error");
            } finally {
                submit.disabled = false;
            }
        });
        return form;
    });
}

/**
 * The blanks of the enabled providers that PocketBase's form marks required (the server accepts them but the
 * provider would not work): as the server's error envelope `data`, or null when there are none.
 */
export function checkProviders(oauth2) {
    const errors = {};
    (oauth2?.providers || []).forEach((p, i) => {
        const need = [];
        if (p.name === "microsoft") need.push("authURL", "tokenURL");
        if (p.name === "mailcow") need.push("authURL", "tokenURL", "userInfoURL");
        if (isOidc(p.name)) {
            need.push("displayName", "authURL", "tokenURL");
            if (p.userInfoURL || !p.extra) need.push("userInfoURL");
        }
        const missing = need.filter((k) => !String(p[k] || "").trim());
        if (missing.length) errors[i] = Object.fromEntries(missing.map((k) => [k, REQUIRED]));
    });
    return Object.keys(errors).length ? { oauth2: { providers: errors } } : null;
}
