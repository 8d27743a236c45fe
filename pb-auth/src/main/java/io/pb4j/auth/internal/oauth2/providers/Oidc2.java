package io.pb4j.auth.internal.oauth2.providers;

/** The second generic OpenID Connect provider, {@code oidc2}. */
public final class Oidc2 extends Oidc {
    public Oidc2() {
        super("oidc2");
    }
}
