package io.pb4j.auth.internal.oauth2.providers;

/** The third generic OpenID Connect provider, {@code oidc3}. */
public final class Oidc3 extends Oidc {
    public Oidc3() {
        super("oidc3");
    }
}
