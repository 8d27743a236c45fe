// First run (the installer link's screen) and superuser sign-in: password, OTP, and MFA (two of them in a row).
import { h, mount, field, showErrors, toast } from "pb/dom.js";
import { auth, send, superusers, ApiError } from "pb/api.js";
import { tokenPayload } from "pb/first-page.js";

/** The installer: creates the first superuser with the short-lived token from the link printed by `serve`. */
export function installerPage(root, token) {
    const payload = tokenPayload(token);
    if (payload.type !== "auth" || (payload.exp || 0) * 1000 < Date.now()) {
        toast("The installer token is invalid or has expired.", "error");
        location.hash = "#/login";
        return;
    }
    const email = h("input", { type: "email", name: "email", required: true, autocomplete: "username", autofocus: true });
    const password = h("input", { type: "password", name: "password", required: true, minlength: 8, autocomplete: "new-password" });
    const confirm = h("input", { type: "password", name: "passwordConfirm", required: true, autocomplete: "new-password" });
    const form = h("form.card.narrow", { "aria-labelledby": "installer-title" },
        h("h1#installer-title", "Create your first superuser"),
        h("p.hint", "This link works once and for 30 minutes. The superuser can then sign in to this dashboard."),
        field("Email", email, { name: "email" }),
        field("Password", password, { name: "password" }),
        field("Password confirm", confirm, { name: "passwordConfirm" }),
        h("button.primary.block", { type: "submit" }, "Create superuser and sign in"));
    form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        try {
            await send("POST", `${superusers}/records`, {
                token,
                body: { email: email.value, password: password.value, passwordConfirm: confirm.value },
            });
            const res = await send("POST", `${superusers}/auth-with-password`, { body: { identity: email.value, password: password.value } });
            auth.save(res.token, res.record);
            location.hash = "#/collections";
        } catch (err) {
            formError(form, err);
        }
    });
    mount(root, h("main.center", form));
}

function formError(form, err) {
    const rest = err instanceof ApiError ? showErrors(form, err.data) : [];
    const message = err instanceof ApiError ? err.message : String(err);
    toast([message, ...rest].join(" "), "error");
}

/** Sign-in: the methods `_superusers` has enabled (auth-methods), MFA's second step when the server asks for it. */
export async function loginPage(root) {
    let methods = { password: { enabled: true }, otp: { enabled: false }, mfa: { enabled: false } };
    try {
        methods = await send("GET", `${superusers}/auth-methods`, { token: "" });
    } catch {
        /* the password form still works */
    }
    const state = { mfaId: "", done: new Set() };
    const box = h("div.card.narrow");
    mount(root, h("main.center", box));

    const render = () => {
        const parts = [h("h1", state.mfaId ? "Multi-factor authentication" : "Superuser sign in")];
        if (state.mfaId) parts.push(h("p.hint", "Verify your identity with one more method."));
        if (methods.password?.enabled && !state.done.has("password")) parts.push(passwordForm());
        if (methods.otp?.enabled && !state.done.has("otp")) parts.push(otpForm());
        mount(box, parts);
        box.querySelector("input")?.focus();
    };

    const finish = (res) => {
        auth.save(res.token, res.record);
        location.hash = "#/collections";
    };

    const onError = (form, method, err) => {
        if (err instanceof ApiError && err.status === 401 && err.body?.mfaId) {
            state.mfaId = err.body.mfaId;
            state.done.add(method);
            render();
            return;
        }
        formError(form, err);
    };

    const passwordForm = () => {
        const identity = h("input", { type: "email", name: "identity", required: true, autocomplete: "username" });
        const password = h("input", { type: "password", name: "password", required: true, autocomplete: "current-password" });
        const form = h("form.stack", { "aria-label": "Sign in with password" },
            field("Email", identity, { name: "identity" }),
            field("Password", password, { name: "password" }),
            h("button.primary.block", { type: "submit" }, "Sign in"));
        form.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            try {
                finish(await send("POST", `${superusers}/auth-with-password`, {
                    token: "",
                    query: { mfaId: state.mfaId },
                    body: { identity: identity.value, password: password.value },
                }));
            } catch (err) {
                onError(form, "password", err);
            }
        });
        return form;
    };

    const otpForm = () => {
        const email = h("input", { type: "email", name: "email", required: true, autocomplete: "username" });
        const code = h("input", { type: "text", name: "password", inputmode: "numeric", autocomplete: "one-time-code" });
        const codeRow = field("One-time password (sent to your email)", code, { name: "password" });
        codeRow.hidden = true;
        let otpId = "";
        const button = h("button.secondary.block", { type: "submit" }, "Send me a one-time password");
        const form = h("form.stack.otp", { "aria-label": "Sign in with a one-time password" },
            h("p.divider", "or"), field("Email", email, { name: "email" }), codeRow, button);
        form.addEventListener("submit", async (ev) => {
            ev.preventDefault();
            try {
                if (!otpId) {
                    otpId = (await send("POST", `${superusers}/request-otp`, { token: "", body: { email: email.value } })).otpId;
                    codeRow.hidden = false;
                    code.required = true;
                    code.focus();
                    button.textContent = "Sign in";
                    return;
                }
                finish(await send("POST", `${superusers}/auth-with-otp`, {
                    token: "",
                    query: { mfaId: state.mfaId },
                    body: { otpId, password: code.value },
                }));
            } catch (err) {
                onError(form, "otp", err);
            }
        });
        return form;
    };

    render();
}
