package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Lark (Feishu): the union id; Lark gives no email. */
public final class Lark extends BuiltInProvider {
    public Lark() {
        super("lark", "Lark", 19, true, List.of(), "https://accounts.feishu.cn/open-apis/authen/v1/authorize",
                "https://open.feishu.cn/open-apis/authen/v2/oauth/token",
                "https://open.feishu.cn/open-apis/authen/v1/user_info");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "data", "union_id"), str(raw, "data", "name"), "", "",
                str(raw, "data", "avatar_url"));
    }
}
