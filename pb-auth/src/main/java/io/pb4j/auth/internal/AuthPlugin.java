package io.pb4j.auth.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.spi.Plugin;

/** Binds the auth token middleware and the auth routes when the app serves. */
public final class AuthPlugin implements Plugin {
    @Override
    public String name() {
        return "auth";
    }

    @Override
    public void register(PocketBase app) {
        app.authTokenResolver((a, token, type) -> TokenType.fromClaim(type).flatMap(t -> AuthTokens.verify(a, token, t)));
        app.recordMails(new AuthRecordMails());
        AuthLimits.of(app); // listens to the other nodes' limits from the start
        AppleNames appleNames = new AppleNames();
        app.onServe().bind("pbAuthApi", -100, se -> {
            se.router().bind(new Middleware("pbLoadAuthToken", Middleware.PRIORITY_LOAD_AUTH_TOKEN, LoadAuthToken::handle));
            AuthApi.bind(se.router());
            OAuth2ProvidersApi.bind(se.router());
            AuthMethodsApi.bind(se.router());
            OAuth2Api.bind(se.router(), appleNames);
            OAuth2RedirectApi.bind(se.router(), appleNames);
            ImpersonateApi.bind(se.router());
            OtpApi.bind(se.router());
            VerificationApi.bind(se.router());
            PasswordResetApi.bind(se.router());
            EmailChangeApi.bind(se.router());
            SettingsMailTestApi.bind(se.router());
            AppleClientSecretApi.bind(se.router());
            FileTokenApi.bind(se.router());
            se.next();
        });
    }
}
