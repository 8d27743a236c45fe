package io.pb4j.auth.spi;

import java.io.IOException;
import java.util.Map;

/** A configured OAuth2 provider, used for one sign-in attempt. */
public interface OAuth2Provider {

    /** The configuration this provider was created with. */
    OAuth2Config config();

    /**
     * The URL of the provider's consent page: the configured auth URL with {@code client_id}, {@code response_type=code},
     * {@code scope}, {@code state} and the given extra query parameters (e.g. {@code code_challenge}).
     * PocketBase's clients append the redirect URL themselves, so the result ends with {@code redirect_uri=}.
     */
    String buildAuthUrl(String state, Map<String, String> params);

    /**
     * Exchanges an authorization code for a token at the token URL ({@code grant_type=authorization_code}, the
     * config's redirect URL, and {@code code_verifier} when it is not empty).
     *
     * @throws IOException when the provider cannot be reached or refuses the code
     */
    OAuth2Token exchangeCode(String code, String codeVerifier) throws IOException;

    /**
     * Fetches the signed-in account and maps it to PocketBase's {@link AuthUser}.
     *
     * @throws IOException when the provider cannot be reached, refuses the token or the account is unusable
     */
    AuthUser fetchAuthUser(OAuth2Token token) throws IOException;
}
