package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.ProviderCase.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * Every built-in provider of PocketBase v0.39.11 (tools/auth/*.go) with payloads shaped like the provider's real
 * answers. Payload JSON uses single quotes for readability.
 */
final class ProviderTable {
    static final String CLIENT_ID = "client-id";

    private ProviderTable() {
    }

    private static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String appleIdToken(Map<String, ?> overrides) {
        var claims = new java.util.HashMap<String, Object>(Map.of("iss", "https://appleid.apple.com", "aud", CLIENT_ID,
                "sub", "001234.5678abcd.0910", "email", "jane@privaterelay.appleid.com", "email_verified", "true",
                "is_private_email", "true", "iat", TestKeys.now(), "exp", TestKeys.now() + 600));
        claims.putAll(overrides);
        return TestKeys.rs256(TestKeys.RSA, "rsa-1", claims);
    }

    static final List<ProviderCase> ALL = List.of(
            of("apple", "Apple", 1, true, "name", "email")
                    .factory(fake -> new Apple(fake.url("/jwks")))
                    .route("/jwks", TestKeys.jwks())
                    .token("id_token", appleIdToken(Map.of()))
                    .expect("001234.5678abcd.0910", "", "", "jane@privaterelay.appleid.com", "")
                    .unverified(Map.of(), Map.of("id_token", appleIdToken(Map.of("email_verified", "false"))))
                    .rejected(Map.of(), Map.of("id_token", appleIdToken(Map.of("aud", "another-client"))), "token has invalid audience"),
            of("google", "Google", 2, true, "https://www.googleapis.com/auth/userinfo.profile",
                    "https://www.googleapis.com/auth/userinfo.email")
                    .user(j("{'sub':'110169484474386276334','name':'Jane Doe','given_name':'Jane','family_name':'Doe',"
                            + "'picture':'https://lh3.googleusercontent.com/a/x','email':'jane@gmail.com','email_verified':true}"))
                    .expect("110169484474386276334", "Jane Doe", "", "jane@gmail.com", "https://lh3.googleusercontent.com/a/x")
                    .unverifiedUser(j("{'sub':'110169484474386276334','name':'Jane Doe','email':'jane@gmail.com','email_verified':false}")),
            of("microsoft", "Microsoft", 3, true, "User.Read")
                    .user(j("{'@odata.context':'https://graph.microsoft.com/v1.0/$metadata#users/$entity',"
                            + "'id':'87d349ed-44d7-43e1-9a83-5f2406dee5bd','displayName':'Adele Vance',"
                            + "'mail':'AdeleV@contoso.com','userPrincipalName':'AdeleV@contoso.com'}"))
                    .expect("87d349ed-44d7-43e1-9a83-5f2406dee5bd", "Adele Vance", "", "AdeleV@contoso.com", ""),
            of("yandex", "Yandex", 4, true, "login:email", "login:avatar", "login:info")
                    .user(j("{'id':'1000034426','login':'ivan','client_id':'4760187d81bc4b7799476b42b5103713',"
                            + "'display_name':'Ivan','real_name':'Ivan Ivanov','default_email':'test@yandex.ru',"
                            + "'emails':['test@yandex.ru'],'default_avatar_id':'131652443','is_avatar_empty':false}"))
                    .expect("1000034426", "Ivan Ivanov", "ivan", "test@yandex.ru",
                            "https://avatars.yandex.net/get-yapic/131652443/islands-200"),
            of("facebook", "Facebook", 5, true, "email")
                    .user(j("{'id':'10158000000000001','name':'Jane Doe','email':'jane@example.com',"
                            + "'picture':{'data':{'height':200,'is_silhouette':false,'url':'https://platform-lookaside.fbsbx.com/p','width':200}}}"))
                    .expect("10158000000000001", "Jane Doe", "", "jane@example.com", "https://platform-lookaside.fbsbx.com/p"),
            of("instagram2", "Instagram", 6, true, "instagram_business_basic")
                    .user(j("{'id':'8123','user_id':'17841400000000001','username':'jane.doe','account_type':'BUSINESS',"
                            + "'name':'Jane','profile_picture_url':'https://scontent.cdninstagram.com/p.jpg','followers_count':10}"))
                    .token("permissions", "instagram_business_basic")
                    .expect("17841400000000001", "Jane", "jane.doe", "", "https://scontent.cdninstagram.com/p.jpg"),
            of("github", "GitHub", 7, true, "read:user", "user:email")
                    .user(j("{'login':'octocat','id':583231,'name':'The Octocat','email':null,"
                            + "'avatar_url':'https://avatars.githubusercontent.com/u/583231?v=4'}"))
                    .route("/user/emails", j("[{'email':'other@example.com','verified':true,'primary':false,'visibility':null},"
                            + "{'email':'octocat@github.com','verified':true,'primary':true,'visibility':'public'}]"))
                    .expect("583231", "The Octocat", "octocat", "octocat@github.com",
                            "https://avatars.githubusercontent.com/u/583231?v=4")
                    .unverified(Map.of("/user/emails", j("[{'email':'octocat@github.com','verified':false,'primary':true}]")), Map.of()),
            of("gitlab", "GitLab", 8, true, "read_user")
                    .user(j("{'id':1,'username':'john_smith','name':'John Smith','state':'active',"
                            + "'avatar_url':'https://gitlab.com/uploads/a.png','email':'john@example.com','confirmed_at':'2012-05-23T09:05:22Z'}"))
                    .expect("1", "John Smith", "john_smith", "john@example.com", "https://gitlab.com/uploads/a.png")
                    .unverifiedUser(j("{'id':1,'username':'john_smith','email':'john@example.com','confirmed_at':null}")),
            of("bitbucket", "Bitbucket", 9, false, "account")
                    .user(j("{'uuid':'{c788b2da-b7a2-404c-9e26-d3f077557007}','username':'tutorials','display_name':'tutorials account',"
                            + "'account_status':'active','links':{'avatar':{'href':'https://bitbucket.org/account/tutorials/avatar/'}}}"))
                    .route("/user/emails", j("{'pagelen':10,'values':[{'email':'alt@example.com','is_primary':false,'is_confirmed':true},"
                            + "{'email':'tutorials@example.com','is_primary':true,'is_confirmed':true,'type':'email'}]}"))
                    .expect("{c788b2da-b7a2-404c-9e26-d3f077557007}", "tutorials account", "tutorials", "tutorials@example.com",
                            "https://bitbucket.org/account/tutorials/avatar/")
                    .unverified(Map.of("/user/emails", j("{'values':[{'email':'tutorials@example.com','is_primary':true,'is_confirmed':false}]}")), Map.of())
                    .rejectedUser(j("{'uuid':'{c788b2da}','username':'tutorials','account_status':'inactive'}"), "the Bitbucket user is not active"),
            of("gitee", "Gitee", 10, true, "user_info", "emails")
                    .factory(fake -> new Gitee(fake.url("/emails")))
                    .user(j("{'id':123456,'login':'gitee-user','name':'Gitee User','avatar_url':'https://gitee.com/assets/a.png',"
                            + "'email':'gitee@example.com'}"))
                    .expect("123456", "Gitee User", "gitee-user", "gitee@example.com", "https://gitee.com/assets/a.png")
                    .unverified(Map.of("/user", j("{'id':123456,'login':'gitee-user','email':null}"),
                            "/emails", j("[{'email':'gitee@example.com','state':'unconfirmed','scope':['primary','committed']}]")), Map.of()),
            of("gitea", "Gitea/Forgejo", 11, true, "read:user", "user:email")
                    .user(j("{'id':7,'login':'gitea','full_name':'Gitea User','email':'gitea@example.com',"
                            + "'avatar_url':'https://gitea.com/avatars/7','active':true}"))
                    .route("/user/emails", j("[{'email':'gitea@example.com','verified':true,'primary':true}]"))
                    .expect("7", "Gitea User", "gitea", "gitea@example.com", "https://gitea.com/avatars/7")
                    .unverified(Map.of("/user/emails", j("[{'email':'gitea@example.com','verified':false,'primary':true}]")), Map.of())
                    .rejectedUser(j("{'id':7,'login':'gitea','active':false}"), "user account is not active"),
            of("discord", "Discord", 12, true, "identify", "email")
                    .user(j("{'id':'80351110224678912','username':'nelly','discriminator':'1337','global_name':null,"
                            + "'avatar':'8342729096ea3675442027381ff50dfe','verified':true,'email':'nelly@discord.com'}"))
                    .expect("80351110224678912", "nelly#1337", "nelly", "nelly@discord.com",
                            "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png")
                    .unverifiedUser(j("{'id':'80351110224678912','username':'nelly','verified':false,'email':'nelly@discord.com'}")),
            of("twitter", "X/Twitter", 13, true, "users.read", "users.email", "tweet.read")
                    .user(j("{'data':{'id':'2244994945','name':'X Dev','username':'XDevelopers',"
                            + "'profile_image_url':'https://pbs.twimg.com/p.jpg','confirmed_email':'dev@x.com'}}"))
                    .expect("2244994945", "X Dev", "XDevelopers", "dev@x.com", "https://pbs.twimg.com/p.jpg"),
            of("kakao", "Kakao", 14, true, "account_email", "profile_nickname", "profile_image")
                    .user(j("{'id':123456789,'properties':{'nickname':'kakao-nick','profile_image':'http://k.kakaocdn.net/p.jpg'},"
                            + "'kakao_account':{'email':'k@kakao.com','is_email_valid':true,'is_email_verified':true}}"))
                    .expect("123456789", "", "kakao-nick", "k@kakao.com", "http://k.kakaocdn.net/p.jpg")
                    .unverifiedUser(j("{'id':123456789,'kakao_account':{'email':'k@kakao.com','is_email_valid':true,'is_email_verified':false}}")),
            of("vk", "ВКонтакте", 15, false, "email")
                    .user(j("{'response':[{'id':210700286,'first_name':'Lindsey','last_name':'Stirling',"
                            + "'screen_name':'lindseystirling','photo_max':'https://sun.userapi.com/p.jpg'}]}"))
                    .token("email", "lindsey@vk.com")
                    .expect("210700286", "Lindsey Stirling", "lindseystirling", "lindsey@vk.com", "https://sun.userapi.com/p.jpg")
                    .rejectedUser(j("{'response':[]}"), "missing response entry"),
            of("linear", "Linear", 16, false, "read")
                    .user(j("{'data':{'viewer':{'id':'2e6eea91-1111','displayName':'jane','name':'Jane Doe',"
                            + "'email':'jane@linear.app','avatarUrl':'https://public.linear.app/a.png','active':true}}}"))
                    .expect("2e6eea91-1111", "Jane Doe", "jane", "jane@linear.app", "https://public.linear.app/a.png")
                    .rejectedUser(j("{'data':{'viewer':{'id':'2e6eea91-1111','active':false}}}"), "the Linear user account is not active")
                    .userRequest(r -> {
                        assertThat(r.method()).isEqualTo("POST");
                        assertThat(r.header("Content-Type")).isEqualTo("application/json");
                        assertThat(r.body()).isEqualTo(Linear.QUERY);
                    }),
            of("notion", "Notion", 17, true)
                    .user(j("{'object':'user','id':'bot-1','type':'bot','bot':{'owner':{'type':'user','user':{'object':'user',"
                            + "'id':'e79a0b74-3aba-4149-9f74-0bb5791a6ee6','name':'Notion User','avatar_url':'https://s3.notion.so/a.png',"
                            + "'type':'person','person':{'email':'n@notion.so'}}},'workspace_name':'WS'}}"))
                    .expect("e79a0b74-3aba-4149-9f74-0bb5791a6ee6", "Notion User", "", "n@notion.so", "https://s3.notion.so/a.png")
                    .userRequest(r -> assertThat(r.header("Notion-Version")).isEqualTo("2022-06-28")),
            of("monday", "monday.com", 18, true, "me:read")
                    .user(j("{'data':{'me':{'id':'12345','enabled':true,'name':'Mon Day','email':'m@monday.com',"
                            + "'is_verified':true,'photo_small':'https://files.monday.com/s.png'}}}"))
                    .expect("12345", "Mon Day", "", "m@monday.com", "https://files.monday.com/s.png")
                    .unverifiedUser(j("{'data':{'me':{'id':'12345','enabled':true,'email':'m@monday.com','is_verified':false}}}"))
                    .rejectedUser(j("{'data':{'me':{'id':'12345','enabled':false,'email':'m@monday.com','is_verified':true}}}"), "the monday.com user account is not enabled")
                    .userRequest(r -> {
                        assertThat(r.method()).isEqualTo("POST");
                        assertThat(r.body()).isEqualTo(Monday.QUERY);
                    }),
            of("lark", "Lark", 19, true)
                    .user(j("{'code':0,'data':{'name':'Lark User','en_name':'Lark','avatar_url':'https://s1-imfile.feishucdn.com/a',"
                            + "'open_id':'ou_1','union_id':'on_abc','email':'l@lark.com'}}"))
                    .expect("on_abc", "Lark User", "", "", "https://s1-imfile.feishucdn.com/a"),
            of("box", "Box", 20, true, "root_readonly")
                    .user(j("{'type':'user','id':'11446498','name':'Aaron Levie','login':'ceo@example.com','status':'active',"
                            + "'avatar_url':'https://www.box.com/api/avatar/large/181216415'}"))
                    .expect("11446498", "Aaron Levie", "", "ceo@example.com", "https://www.box.com/api/avatar/large/181216415")
                    .rejectedUser(j("{'type':'user','id':'11446498','login':'ceo@example.com','status':'inactive'}"), "Box user account is not active (status: \"inactive\")"),
            of("spotify", "Spotify", 21, true, "user-read-private")
                    .user(j("{'id':'wizzler','display_name':'JM Wizzler','email':'email@example.com',"
                            + "'images':[{'url':'https://i.scdn.co/image/ab','height':300,'width':300}]}"))
                    .expect("wizzler", "JM Wizzler", "", "", "https://i.scdn.co/image/ab"),
            of("trakt", "Trakt", 22, true)
                    .user(j("{'user':{'username':'justin','private':false,'name':'Justin Nemeth','vip':true,"
                            + "'ids':{'slug':'justin','uuid':'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c'},"
                            + "'images':{'avatar':{'full':'https://walter.trakt.tv/a.jpg'}}},'account':{'timezone':'UTC'}}"))
                    .expect("b6589fc6ab0dc82cf12099d1c2d40ab994e8410c", "Justin Nemeth", "justin", "", "https://walter.trakt.tv/a.jpg")
                    .userRequest(r -> {
                        assertThat(r.header("trakt-api-key")).isEqualTo(CLIENT_ID);
                        assertThat(r.header("trakt-api-version")).isEqualTo("2");
                    }),
            of("twitch", "Twitch", 23, true, "user:read:email")
                    .user(j("{'data':[{'id':'141981764','login':'twitchdev','display_name':'TwitchDev',"
                            + "'email':'not-real@email.com','profile_image_url':'https://static-cdn.jtvnw.net/p.png'}]}"))
                    .expect("141981764", "TwitchDev", "twitchdev", "not-real@email.com", "https://static-cdn.jtvnw.net/p.png")
                    .rejectedUser(j("{'data':[]}"), "failed to fetch AuthUser data")
                    .userRequest(r -> assertThat(r.header("Client-Id")).isEqualTo(CLIENT_ID)),
            of("patreon", "Patreon", 24, true, "identity", "identity[email]")
                    .user(j("{'data':{'id':'12345','type':'user','attributes':{'email':'p@patreon.com','full_name':'Pat Reon',"
                            + "'vanity':'patreon','image_url':'https://c8.patreon.com/a.png','is_email_verified':true}}}"))
                    .expect("12345", "Pat Reon", "patreon", "p@patreon.com", "https://c8.patreon.com/a.png")
                    .unverifiedUser(j("{'data':{'id':'12345','attributes':{'email':'p@patreon.com','is_email_verified':false}}}")),
            of("strava", "Strava", 25, true, "profile:read_all")
                    .user(j("{'id':134815,'username':'marianne_t','firstname':'Marianne','lastname':'Teutenberg',"
                            + "'profile':'https://dgalywyr863hv.cloudfront.net/large.jpg'}"))
                    .expect("134815", "Marianne Teutenberg", "marianne_t", "", "https://dgalywyr863hv.cloudfront.net/large.jpg"),
            of("wakatime", "WakaTime", 26, true, "email")
                    .user(j("{'data':{'id':'2f7a5b1c','display_name':'Waka','username':'waka','email':'w@waka.com',"
                            + "'photo':'https://wakatime.com/photo/2f7a5b1c','photo_public':true,'is_email_confirmed':true}}"))
                    .expect("2f7a5b1c", "Waka", "waka", "w@waka.com", "https://wakatime.com/photo/2f7a5b1c")
                    .unverifiedUser(j("{'data':{'id':'2f7a5b1c','email':'w@waka.com','photo':'p','photo_public':false,'is_email_confirmed':false}}")),
            of("livechat", "LiveChat", 27, true)
                    .user(j("{'account_id':'d24e6b2b-7e1c-4c1e','name':'Live Chat','email':'lc@example.com','email_verified':true,"
                            + "'avatar_url':'https://cdn.livechat-files.com/a.png'}"))
                    .expect("d24e6b2b-7e1c-4c1e", "Live Chat", "", "lc@example.com", "https://cdn.livechat-files.com/a.png")
                    .unverifiedUser(j("{'account_id':'d24e6b2b-7e1c-4c1e','email':'lc@example.com','email_verified':false}")),
            of("mailcow", "mailcow", 28, true, "profile")
                    .user(j("{'id':'42','username':'user@mail.example.com','email':'user@mail.example.com',"
                            + "'full_name':'Mail Cow','active':1}"))
                    .expect("42", "Mail Cow", "user", "user@mail.example.com", "")
                    .rejectedUser(j("{'id':'42','username':'user@mail.example.com','active':0}"), "the mailcow user is not active"),
            of("planningcenter", "Planning Center", 29, true, "people")
                    .user(j("{'data':{'type':'Person','id':'25253','attributes':{'name':'Pat Center',"
                            + "'avatar':'https://avatars.planningcenteronline.com/p.png','status':'active'}}}"))
                    .expect("25253", "Pat Center", "", "", "https://avatars.planningcenteronline.com/p.png")
                    .rejectedUser(j("{'data':{'type':'Person','id':'25253','attributes':{'status':'inactive'}}}"), "the user is not active"),
            oidc("oidc"),
            oidc("oidc2"),
            oidc("oidc3"));

    private static ProviderCase oidc(String name) {
        return of(name, "OIDC", 99, true, "openid", "email", "profile")
                .user(j("{'sub':'248289761001','name':'Jane Doe','preferred_username':'j.doe','email':'janedoe@example.com',"
                        + "'email_verified':'true','picture':'http://example.com/janedoe/me.jpg'}"))
                .expect("248289761001", "Jane Doe", "j.doe", "janedoe@example.com", "http://example.com/janedoe/me.jpg")
                .unverifiedUser(j("{'sub':'248289761001','email':'janedoe@example.com','email_verified':false}"));
    }
}
