package io.pb4j.http;

import io.pb4j.http.PbScenario.Skipped;
import java.util.List;
import java.util.Map;

/**
 * The scenarios of PocketBase v0.39.11's API tests ({@code apis/health_test.go}, {@code record_crud_test.go} (list, view,
 * create, update, delete), {@code collection_test.go}, {@code record_auth_with_password_test.go},
 * {@code record_auth_refresh_test.go}, {@code batch_test.go}): requests, statuses and body fragments as PocketBase's tests state them, with the
 * same hard-coded tokens (signed with the fixture's secrets, expiring in 2050). {@link #SKIPPED} lists the scenarios not
 * ported and why.
 */
final class PocketBaseScenarios {
    private PocketBaseScenarios() {
    }

    /** users/test@example.com (4q1xlclmfloku33). */
    static final String USER = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo";
    /** _superusers/test@example.com (sywbhecnh46rhm0). */
    static final String SUPERUSER = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoicGJjXzMxNDI2MzU4MjMiLCJleHAiOjI1MjQ2MDQ0NjEsInJlZnJlc2hhYmxlIjp0cnVlfQ.UXgO3j-0BumcugrFjbd7j0M4MQvbrLggLlcu_YNGjoY";
    /** clients/test@example.com (gk390qegs4y47wn). */
    static final String CLIENT = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6ImdrMzkwcWVnczR5NDd3biIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoidjg1MXE0cjc5MHJoa25sIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.0ONnm_BsvPRZyDNT31GN1CKUB6uQRxvVvQ-Wc9AZfG0";
    /** nologin/test@example.com (dc49k6jgejn40h3). */
    static final String NOLOGIN = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6ImRjNDlrNmpnZWpuNDBoMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoia3B2NzA5c2sybHFicWs4IiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.fdUPFLDx5b6RM_XFqnqsyiyNieyKA2HIIkRmUh9kIoY";

    static PbScenario s(String file, String func, int line, String name, String method, String url, String token,
                                String body, int status) {
        return new PbScenario(file, func, line, name, method, url, token, body, status, Map.of(), List.of(), List.of(), null,
                List.of(), null, Map.of());
    }

    static final List<PbScenario> PORTED = concat(List.of(
            s("record_crud_test.go", "TestRecordCrudList", 25, "missing collection", "GET", "/api/collections/missing/records", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 33, "unauthenticated trying to access nil rule collection (aka. need superuser auth)", "GET", "/api/collections/demo1/records", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 41, "authenticated record trying to access nil rule collection (aka. need superuser auth)", "GET", "/api/collections/demo1/records", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 52, "public collection but with superuser only filter param (aka. @collection, @request, etc.)", "GET", "/api/collections/demo2/records?filter=%40collection.demo2.title='test1'", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 60, "public collection but with superuser only sort param (aka. @collection, @request, etc.)", "GET", "/api/collections/demo2/records?sort=@request.auth.title", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 68, "public collection but with ENCODED superuser only filter/sort (aka. @collection)", "GET", "/api/collections/demo2/records?filter=%40collection.demo2.title%3D%27test1%27", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 76, "public collection", "GET", "/api/collections/demo2/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"0yxhwia2amd8gec\"", "\"id\":\"achvryl401bhse3\"", "\"id\":\"llvuca81nly1qls\""),
            s("record_crud_test.go", "TestRecordCrudList", 97, "public collection (using the collection id)", "GET", "/api/collections/sz5l5z67tg7gku0/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"0yxhwia2amd8gec\"", "\"id\":\"achvryl401bhse3\"", "\"id\":\"llvuca81nly1qls\""),
            s("record_crud_test.go", "TestRecordCrudList", 118, "authorized as superuser trying to access nil rule collection (aka. need superuser auth)", "GET", "/api/collections/demo1/records", SUPERUSER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"al1h9ijdeojtsjy\"", "\"id\":\"84nmscqy84lsi1t\"", "\"id\":\"imy661ixudk5izi\""),
            s("record_crud_test.go", "TestRecordCrudList", 142, "valid query params", "GET", "/api/collections/demo1/records?filter=text~'test'&sort=-bool", SUPERUSER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":2", "\"items\":[{", "\"id\":\"al1h9ijdeojtsjy\"", "\"id\":\"84nmscqy84lsi1t\""),
            s("record_crud_test.go", "TestRecordCrudList", 164, "invalid filter", "GET", "/api/collections/demo1/records?filter=invalid~'test'", SUPERUSER, null, 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 215, "authenticated record model that DOESN'T match the collection list rule", "GET", "/api/collections/demo3/records", USER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":0", "\"items\":[]"),
            s("record_crud_test.go", "TestRecordCrudList", 235, "authenticated record that matches the collection list rule", "GET", "/api/collections/demo3/records", CLIENT, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":4", "\"items\":[{", "\"id\":\"1tmknxy2868d869\"", "\"id\":\"lcl9d87w22ml6jy\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"mk5fmymtx4wsprk\""),
            s("record_crud_test.go", "TestRecordCrudList", 261, "authenticated regular record that matches the collection list rule with hidden field", "GET", "/api/collections/demo3/records", CLIENT, null, 200).setup(Setup.HIDE_DEMO3_TITLE_LIST_RULE)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":4", "\"items\":[{", "\"id\":\"1tmknxy2868d869\"", "\"id\":\"lcl9d87w22ml6jy\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"mk5fmymtx4wsprk\""),
            s("record_crud_test.go", "TestRecordCrudList", 175, "expand relations", "GET", "/api/collections/demo1/records?expand=rel_one,rel_many.rel,missing&perPage=2&sort=created", SUPERUSER, null, 200)
                    .expect("\"page\":1", "\"perPage\":2", "\"totalPages\":2", "\"totalItems\":3", "\"items\":[{", "\"collectionName\":\"demo1\"", "\"id\":\"84nmscqy84lsi1t\"", "\"id\":\"al1h9ijdeojtsjy\"", "\"expand\":{", "\"rel_one\":\"\"", "\"rel_one\":{\"", "\"rel_many\":[{", "\"rel\":{", "\"rel\":\"\"", "\"json\":[1,2,3]", "\"select_many\":[\"optionB\",\"optionC\"]", "\"select_many\":[\"optionB\"]", "\"id\":\"0yxhwia2amd8gec\"", "\"id\":\"llvuca81nly1qls\"", "\"email\":\"test@example.com\"", "\"email\":\"test2@example.com\"", "\"email\":\"test3@example.com\""),
            s("record_crud_test.go", "TestRecordCrudList", 302, "authenticated regular record filtering with a hidden field", "GET", "/api/collections/demo3/records?filter=title~'test'", CLIENT, null, 400).setup(Setup.HIDE_DEMO3_TITLE)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudList", 327, "superuser filtering with a hidden field", "GET", "/api/collections/demo3/records?filter=title~'test'", SUPERUSER, null, 200).setup(Setup.HIDE_DEMO3_TITLE)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":4", "\"items\":[{", "\"id\":\"1tmknxy2868d869\"", "\"id\":\"lcl9d87w22ml6jy\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"mk5fmymtx4wsprk\""),
            s("record_crud_test.go", "TestRecordCrudList", 365, ":rule modifer", "GET", "/api/collections/demo5/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":1", "\"items\":[{", "\"id\":\"qjeql998mtp1azp\""),
            s("record_crud_test.go", "TestRecordCrudList", 384, "multi-match - at least one of (guest - non-satisfied relation filter API rule)", "GET", "/api/collections/demo4/records?filter=rel_many_no_cascade_required.files%3Alength%3F%3D2", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":0", "\"totalItems\":0", "\"items\":[]"),
            s("record_crud_test.go", "TestRecordCrudList", 402, "multi-match - at least one of (clients)", "GET", "/api/collections/demo4/records?filter=rel_many_no_cascade_required.files%3Alength%3F%3D2", CLIENT, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":1", "\"items\":[{", "\"id\":\"qzaqccwrmva4o1n\""),
            s("record_crud_test.go", "TestRecordCrudList", 425, "multi-match - all (clients)", "GET", "/api/collections/demo4/records?filter=rel_many_no_cascade_required.files%3Alength%3D2", CLIENT, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":0", "\"totalItems\":0", "\"items\":[]"),
            s("record_crud_test.go", "TestRecordCrudList", 475, "check email visibility as guest", "GET", "/api/collections/nologin/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"phhq3wr65cap535\"", "\"id\":\"dc49k6jgejn40h3\"", "\"id\":\"oos036e9xvqeexy\"", "\"email\":\"test2@example.com\"", "\"emailVisibility\":true", "\"emailVisibility\":false")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"email\":\"test@example.com\"", "\"email\":\"test3@example.com\""),
            s("record_crud_test.go", "TestRecordCrudList", 505, "check email visibility as any authenticated record", "GET", "/api/collections/nologin/records", CLIENT, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"phhq3wr65cap535\"", "\"id\":\"dc49k6jgejn40h3\"", "\"id\":\"oos036e9xvqeexy\"", "\"email\":\"test2@example.com\"", "\"emailVisibility\":true", "\"emailVisibility\":false")
                    .notExpect("\"tokenKey\":\"", "\"password\":\"\"", "\"email\":\"test@example.com\"", "\"email\":\"test3@example.com\""),
            s("record_crud_test.go", "TestRecordCrudList", 539, "check email visibility as manage auth record", "GET", "/api/collections/nologin/records", USER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"phhq3wr65cap535\"", "\"id\":\"dc49k6jgejn40h3\"", "\"id\":\"oos036e9xvqeexy\"", "\"email\":\"test@example.com\"", "\"email\":\"test2@example.com\"", "\"email\":\"test3@example.com\"", "\"emailVisibility\":true", "\"emailVisibility\":false")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_crud_test.go", "TestRecordCrudList", 573, "check email visibility as superuser", "GET", "/api/collections/nologin/records", SUPERUSER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"phhq3wr65cap535\"", "\"id\":\"dc49k6jgejn40h3\"", "\"id\":\"oos036e9xvqeexy\"", "\"email\":\"test@example.com\"", "\"email\":\"test2@example.com\"", "\"email\":\"test3@example.com\"", "\"emailVisibility\":true", "\"emailVisibility\":false")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_crud_test.go", "TestRecordCrudList", 606, "check self email visibility resolver", "GET", "/api/collections/nologin/records", NOLOGIN, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":3", "\"items\":[{", "\"id\":\"phhq3wr65cap535\"", "\"id\":\"dc49k6jgejn40h3\"", "\"id\":\"oos036e9xvqeexy\"", "\"email\":\"test2@example.com\"", "\"email\":\"test@example.com\"", "\"emailVisibility\":true", "\"emailVisibility\":false")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"email\":\"test3@example.com\""),
            s("record_crud_test.go", "TestRecordCrudList", 643, "public view records", "GET", "/api/collections/view2/records?filter=state=false", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":2", "\"items\":[{", "\"id\":\"al1h9ijdeojtsjy\"", "\"id\":\"imy661ixudk5izi\"")
                    .notExpect("\"created\"", "\"updated\""),
            s("record_crud_test.go", "TestRecordCrudList", 667, "guest that doesn't match the view collection list rule", "GET", "/api/collections/view1/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":0", "\"totalItems\":0", "\"items\":[]"),
            s("record_crud_test.go", "TestRecordCrudList", 684, "authenticated record that matches the view collection list rule", "GET", "/api/collections/view1/records", USER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":1", "\"items\":[{", "\"id\":\"84nmscqy84lsi1t\"", "\"bool\":true"),
            s("record_crud_test.go", "TestRecordCrudList", 708, "view collection with numeric ids", "GET", "/api/collections/numeric_id_view/records", null, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalPages\":1", "\"totalItems\":2", "\"items\":[{", "\"id\":\"1\"", "\"id\":\"2\""),
            s("record_crud_test.go", "TestRecordCrudView", 773, "missing collection", "GET", "/api/collections/missing/records/0yxhwia2amd8gec", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudView", 781, "missing record", "GET", "/api/collections/demo2/records/missing", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudView", 789, "unauthenticated trying to access nil rule collection (aka. need superuser auth)", "GET", "/api/collections/demo1/records/imy661ixudk5izi", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudView", 797, "authenticated record trying to access nil rule collection (aka. need superuser auth)", "GET", "/api/collections/demo1/records/imy661ixudk5izi", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudView", 809, "authenticated record that doesn't match the collection view rule", "GET", "/api/collections/users/records/bgs820n361vj1qd", USER, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudView", 821, "public collection view", "GET", "/api/collections/demo2/records/0yxhwia2amd8gec", null, null, 200)
                    .expect("\"id\":\"0yxhwia2amd8gec\"", "\"collectionName\":\"demo2\""),
            s("record_crud_test.go", "TestRecordCrudView", 836, "public collection view (using the collection id)", "GET", "/api/collections/sz5l5z67tg7gku0/records/0yxhwia2amd8gec", null, null, 200)
                    .expect("\"id\":\"0yxhwia2amd8gec\"", "\"collectionName\":\"demo2\""),
            s("record_crud_test.go", "TestRecordCrudView", 851, "authorized as superuser trying to access nil rule collection view (aka. need superuser auth)", "GET", "/api/collections/demo1/records/imy661ixudk5izi", SUPERUSER, null, 200)
                    .expect("\"id\":\"imy661ixudk5izi\"", "\"collectionName\":\"demo1\""),
            s("record_crud_test.go", "TestRecordCrudView", 869, "authenticated record that does match the collection view rule", "GET", "/api/collections/users/records/4q1xlclmfloku33", USER, null, 200)
                    .expect("\"id\":\"4q1xlclmfloku33\"", "\"collectionName\":\"users\"", "\"emailVisibility\":false", "\"email\":\"test@example.com\""),
            s("record_crud_test.go", "TestRecordCrudView", 891, "expand relations", "GET", "/api/collections/demo1/records/al1h9ijdeojtsjy?expand=rel_one,rel_many.rel,missing&perPage=2&sort=created", SUPERUSER, null, 200)
                    .expect("\"id\":\"al1h9ijdeojtsjy\"", "\"collectionName\":\"demo1\"", "\"rel_many\":[{", "\"rel_one\":{", "\"collectionName\":\"users\"", "\"id\":\"bgs820n361vj1qd\"", "\"expand\":{\"rel\":{", "\"id\":\"0yxhwia2amd8gec\"", "\"collectionName\":\"demo2\""),
            s("record_crud_test.go", "TestRecordCrudView", 945, "check email visibility as guest", "GET", "/api/collections/nologin/records/oos036e9xvqeexy", null, null, 200)
                    .expect("\"id\":\"oos036e9xvqeexy\"", "\"emailVisibility\":false", "\"verified\":true")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"email\":\"test3@example.com\""),
            s("record_crud_test.go", "TestRecordCrudView", 966, "check email visibility as any authenticated record", "GET", "/api/collections/nologin/records/oos036e9xvqeexy", CLIENT, null, 200)
                    .expect("\"id\":\"oos036e9xvqeexy\"", "\"emailVisibility\":false", "\"verified\":true")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"email\":\"test3@example.com\""),
            s("record_crud_test.go", "TestRecordCrudView", 991, "check email visibility as manage auth record", "GET", "/api/collections/nologin/records/oos036e9xvqeexy", USER, null, 200)
                    .expect("\"id\":\"oos036e9xvqeexy\"", "\"emailVisibility\":false", "\"email\":\"test3@example.com\"", "\"verified\":true"),
            s("record_crud_test.go", "TestRecordCrudView", 1012, "check email visibility as superuser", "GET", "/api/collections/nologin/records/oos036e9xvqeexy", SUPERUSER, null, 200)
                    .expect("\"id\":\"oos036e9xvqeexy\"", "\"emailVisibility\":false", "\"email\":\"test3@example.com\"", "\"verified\":true")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_crud_test.go", "TestRecordCrudView", 1036, "check self email visibility resolver", "GET", "/api/collections/nologin/records/dc49k6jgejn40h3", NOLOGIN, null, 200)
                    .expect("\"id\":\"dc49k6jgejn40h3\"", "\"email\":\"test@example.com\"", "\"emailVisibility\":false", "\"verified\":false")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_crud_test.go", "TestRecordCrudView", 1064, "public view record", "GET", "/api/collections/view2/records/84nmscqy84lsi1t", null, null, 200)
                    .expect("\"id\":\"84nmscqy84lsi1t\"", "\"state\":true", "\"file_many\":[\"", "\"rel_many\":[\"")
                    .notExpect("\"created\"", "\"updated\""),
            s("record_crud_test.go", "TestRecordCrudView", 1085, "guest that doesn't match the view collection view rule", "GET", "/api/collections/view1/records/84nmscqy84lsi1t", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudView", 1093, "authenticated record that matches the view collection view rule", "GET", "/api/collections/view1/records/84nmscqy84lsi1t", USER, null, 200)
                    .expect("\"id\":\"84nmscqy84lsi1t\"", "\"bool\":true", "\"text\":\""),
            s("record_crud_test.go", "TestRecordCrudView", 1113, "view record with numeric id", "GET", "/api/collections/numeric_id_view/records/1", null, null, 200)
                    .expect("\"id\":\"1\""),
            s("record_crud_test.go", "TestRecordCrudDelete", 1181, "missing collection", "DELETE", "/api/collections/missing/records/0yxhwia2amd8gec", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1189, "missing record", "DELETE", "/api/collections/demo2/records/missing", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1197, "unauthenticated trying to delete nil rule collection (aka. need superuser auth)", "DELETE", "/api/collections/demo1/records/imy661ixudk5izi", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1205, "authenticated record trying to delete nil rule collection (aka. need superuser auth)", "DELETE", "/api/collections/demo1/records/imy661ixudk5izi", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1217, "authenticated record that doesn't match the collection delete rule", "DELETE", "/api/collections/users/records/bgs820n361vj1qd", USER, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1229, "trying to delete a view collection record", "DELETE", "/api/collections/view1/records/imy661ixudk5izi", null, null, 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1237, "public collection record delete", "DELETE", "/api/collections/nologin/records/dc49k6jgejn40h3", null, null, 204),
            s("record_crud_test.go", "TestRecordCrudDelete", 1253, "public collection record delete (using the collection id as identifier)", "DELETE", "/api/collections/kpv709sk2lqbqk8/records/dc49k6jgejn40h3", null, null, 204),
            s("record_crud_test.go", "TestRecordCrudDelete", 1269, "authorized as superuser trying to delete nil rule collection view (aka. need superuser auth)", "DELETE", "/api/collections/clients/records/o1y0dd0spd786md", SUPERUSER, null, 204),
            s("record_crud_test.go", "TestRecordCrudDelete", 1314, "authenticated record that match the collection delete rule", "DELETE", "/api/collections/users/records/4q1xlclmfloku33", USER, null, 204)
                    .after(After.USER_EXTERNAL_AUTHS_DELETED),
            s("record_crud_test.go", "TestRecordCrudDelete", 1356, "@request :isset (rule failure check)", "DELETE", "/api/collections/demo5/records/la4y2w4o98acwuj", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudDelete", 1364, "@request :isset (rule pass check)", "DELETE", "/api/collections/demo5/records/la4y2w4o98acwuj?test=1", null, null, 204),
            s("record_crud_test.go", "TestRecordCrudDelete", 1383, "trying to delete a record while being part of a non-cascade required relation", "DELETE", "/api/collections/demo3/records/7nwo8tuiatetxdm", SUPERUSER, null, 400)
                    .expect("\"data\":{}")
                    .events("*", 0, "OnRecordDeleteRequest", 1, "OnModelDelete", 2, "OnModelDeleteExecute", 2, "OnModelAfterDeleteError", 2,
                            "OnRecordDelete", 2, "OnRecordDeleteExecute", 2, "OnRecordAfterDeleteError", 2, "OnModelUpdate", 2,
                            "OnModelUpdateExecute", 2, "OnModelAfterUpdateError", 2, "OnRecordUpdate", 2, "OnRecordUpdateExecute", 2,
                            "OnRecordAfterUpdateError", 2),
            s("record_crud_test.go", "TestRecordCrudDelete", 1409, "delete a record with non-cascade references", "DELETE", "/api/collections/demo3/records/1tmknxy2868d869", SUPERUSER, null, 204)
                    .events("*", 0, "OnRecordDeleteRequest", 1, "OnModelDelete", 1, "OnModelDeleteExecute", 1, "OnModelAfterDeleteSuccess", 1,
                            "OnRecordDelete", 1, "OnRecordDeleteExecute", 1, "OnRecordAfterDeleteSuccess", 1, "OnModelUpdate", 2,
                            "OnModelUpdateExecute", 2, "OnModelAfterUpdateSuccess", 2, "OnRecordUpdate", 2, "OnRecordUpdateExecute", 2,
                            "OnRecordAfterUpdateSuccess", 2),
            s("record_crud_test.go", "TestRecordCrudDelete", 1434, "delete a record with cascade references", "DELETE", "/api/collections/users/records/oap640cot4yru2s", SUPERUSER, null, 204)
                    .events("*", 0, "OnRecordDeleteRequest", 1, "OnModelDelete", 2, "OnModelDeleteExecute", 2, "OnModelAfterDeleteSuccess", 2,
                            "OnRecordDelete", 2, "OnRecordDeleteExecute", 2, "OnRecordAfterDeleteSuccess", 2, "OnModelUpdate", 2,
                            "OnModelUpdateExecute", 2, "OnModelAfterUpdateSuccess", 2, "OnRecordUpdate", 2, "OnRecordUpdateExecute", 2,
                            "OnRecordAfterUpdateSuccess", 2)
                    .after(new PbScenario.Check("demo1/84nmscqy84lsi1t is cascade deleted", server ->
                            server.app.findRecordById("demo1", "84nmscqy84lsi1t").isPresent() ? List.of("84nmscqy84lsi1t is still there") : List.of())),
            s("record_crud_test.go", "TestRecordCrudCreate", 1535, "missing collection", "POST", "/api/collections/missing/records", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1543, "guest trying to access nil-rule collection", "POST", "/api/collections/demo1/records", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1551, "auth record trying to access nil-rule collection", "POST", "/api/collections/demo1/records", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1563, "trying to create a new view collection record", "POST", "/api/collections/view1/records", null, "{\"text\":\"new\"}", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1572, "submit invalid body", "POST", "/api/collections/demo2/records", null, "{\"", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1581, "submit nil body", "POST", "/api/collections/demo2/records", null, null, 400)
                    .expect("\"data\":{", "\"title\":{\"code\":\"validation_required\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1602, "submit empty json body", "POST", "/api/collections/nologin/records", null, "{}", 400)
                    .expect("\"data\":{", "\"password\":{\"code\":\"validation_required\"", "\"passwordConfirm\":{\"code\":\"validation_required\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1618, "guest submit in public collection", "POST", "/api/collections/demo2/records", null, "{\"title\":\"new\"}", 200)
                    .expect("\"id\":", "\"title\":\"new\"", "\"active\":false"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1643, "guest trying to submit in restricted collection", "POST", "/api/collections/demo3/records", null, "{\"title\":\"test123\"}", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1652, "auth record submit in restricted collection (rule failure check)", "POST", "/api/collections/demo3/records", USER, "{\"title\":\"test123\"}", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 1665, "auth record submit in restricted collection (rule pass check) + expand relations", "POST", "/api/collections/demo4/records?expand=missing,rel_one_no_cascade,rel_many_no_cascade_required", USER, "{\"title\":\"test123\",\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\",\"rel_one_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"],\"rel_many_cascade\":\"lcl9d87w22ml6jy\"}", 200)
                    .expect("\"id\":", "\"title\":\"test123\"", "\"expand\":{}", "\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\"", "\"rel_one_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_many_no_cascade\":[\"mk5fmymtx4wsprk\"]", "\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"]", "\"rel_many_cascade\":[\"lcl9d87w22ml6jy\"]")
                    .notExpect("\"missing\"", "\"id\":\"mk5fmymtx4wsprk\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"lcl9d87w22ml6jy\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1715, "superuser submit in restricted collection (rule skip check) + expand relations", "POST", "/api/collections/demo4/records?expand=missing,rel_one_no_cascade,rel_many_no_cascade_required", SUPERUSER, "{\"title\":\"test123\",\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\",\"rel_one_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"],\"rel_many_cascade\":\"lcl9d87w22ml6jy\"}", 200)
                    .expect("\"id\":", "\"title\":\"test123\"", "\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\"", "\"rel_one_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_many_no_cascade\":[\"mk5fmymtx4wsprk\"]", "\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"]", "\"rel_many_cascade\":[\"lcl9d87w22ml6jy\"]", "\"expand\":{", "\"id\":\"mk5fmymtx4wsprk\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"lcl9d87w22ml6jy\"")
                    .notExpect("\"missing\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1852, "unique field error check", "POST", "/api/collections/demo2/records", null, "{\n\t\t\t\t\"title\":\"test2\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"title\":{", "\"code\":\"validation_not_unique\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1908, "invalid custom insertion id (less than 15 chars)", "POST", "/api/collections/demo3/records", SUPERUSER, "{\n\t\t\t\t\"id\": \"12345678901234\",\n\t\t\t\t\"title\": \"test\"\n\t\t\t}", 400)
                    .expect("\"id\":{\"code\":\"validation_min_text_constraint\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1934, "invalid custom insertion id (more than 15 chars)", "POST", "/api/collections/demo3/records", SUPERUSER, "{\n\t\t\t\t\"id\": \"1234567890123456\",\n\t\t\t\t\"title\": \"test\"\n\t\t\t}", 400)
                    .expect("\"id\":{\"code\":\"validation_max_text_constraint\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1960, "valid custom insertion id (exactly 15 chars)", "POST", "/api/collections/demo3/records", SUPERUSER, "{\n\t\t\t\t\"id\": \"123456789012345\",\n\t\t\t\t\"title\": \"test\"\n\t\t\t}", 200)
                    .expect("\"id\":\"123456789012345\"", "\"title\":\"test\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 1990, "valid custom insertion id existing in another non-auth collection", "POST", "/api/collections/demo3/records", SUPERUSER, "{\n\t\t\t\t\"id\": \"0yxhwia2amd8gec\",\n\t\t\t\t\"title\": \"test\"\n\t\t\t}", 200)
                    .expect("\"id\":\"0yxhwia2amd8gec\"", "\"title\":\"test\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 2020, "valid custom insertion auth id duplicating in another auth collection", "POST", "/api/collections/users/records", SUPERUSER, "{\n\t\t\t\t\"id\":\"o1y0dd0spd786md\",\n\t\t\t\t\"title\":\"test\",\n\t\t\t\t\"password\":\"1234567890\",\n\t\t\t\t\"passwordConfirm\":\"1234567890\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"id\":{\"code\":\"validation_invalid_auth_id\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 2054, "@request.body.field with compute modifers (rule failure check)", "POST", "/api/collections/demo5/records", null, "{\n\t\t\t\t\"total+\":4,\n\t\t\t\t\"total-\":2\n\t\t\t}", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2066, "@request.body.field with compute modifers (rule pass check)", "POST", "/api/collections/demo5/records", null, "{\n\t\t\t\t\"total+\":4,\n\t\t\t\t\"total-\":1\n\t\t\t}", 200)
                    .expect("\"id\":\"", "\"collectionName\":\"demo5\"", "\"total\":3"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2097, "auth record with invalid form data", "POST", "/api/collections/users/records", SUPERUSER, "{\n\t\t\t\t\"password\":\"1234567\",\n\t\t\t\t\"passwordConfirm\":\"1234560\",\n\t\t\t\t\"email\":\"invalid\",\n\t\t\t\t\"username\":\"Users75657\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"passwordConfirm\":{\"code\":\"validation_values_mismatch\"")
                    .notExpect("\"rel\":", "\"email\":"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2125, "auth record with valid form data but invalid record fields", "POST", "/api/collections/users/records", SUPERUSER, "{\n\t\t\t\t\"password\":\"1234567\",\n\t\t\t\t\"passwordConfirm\":\"1234567\",\n\t\t\t\t\"rel\":\"invalid\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"rel\":{\"code\":", "\"password\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2154, "auth record with valid data and explicitly verified state by guest", "POST", "/api/collections/users/records", null, "{\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"verified\":true\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"verified\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2174, "auth record with valid data and explicitly verified state by random user", "POST", "/api/collections/users/records", USER, "{\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":true\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"verified\":{\"code\":")
                    .notExpect("\"emailVisibility\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudCreate", 2202, "auth record with valid data by superuser", "POST", "/api/collections/users/records", SUPERUSER, "{\n\t\t\t\t\"id\":\"o1o1y0pd78686mq\",\n\t\t\t\t\"username\":\"test.valid\",\n\t\t\t\t\"email\":\"new@example.com\",\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"rel\":\"achvryl401bhse3\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":true\n\t\t\t}", 200)
                    .expect("\"id\":\"o1o1y0pd78686mq\"", "\"username\":\"test.valid\"", "\"email\":\"new@example.com\"", "\"rel\":\"achvryl401bhse3\"", "\"emailVisibility\":true", "\"verified\":true")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"passwordConfirm\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 2247, "auth record with valid data by auth record with manage access", "POST", "/api/collections/nologin/records", USER, "{\n\t\t\t\t\"email\":\"new@example.com\",\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"name\":\"test_name\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":true\n\t\t\t}", 200)
                    .expect("\"id\":\"", "\"username\":\"", "\"email\":\"new@example.com\"", "\"name\":\"test_name\"", "\"emailVisibility\":true", "\"verified\":true")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"passwordConfirm\""),
            s("record_crud_test.go", "TestRecordCrudCreate", 2294, "create with hidden field as regular user", "POST", "/api/collections/demo3/records", CLIENT, "{\n\t\t\t\t\"id\": \"abcde1234567890\",\n\t\t\t\t\"title\": \"test_create\"\n\t\t\t}", 200).setup(Setup.HIDE_DEMO3_TITLE)
                    .expect("\"id\":\"abcde1234567890\"")
                    .notExpect("\"title\"")
                    .after(After.DEMO3_NEW_TITLE_EMPTY),
            s("record_crud_test.go", "TestRecordCrudCreate", 2351, "create with hidden field as superuser", "POST", "/api/collections/demo3/records", SUPERUSER, "{\n\t\t\t\t\"id\": \"abcde1234567890\",\n\t\t\t\t\"title\": \"test_create\"\n\t\t\t}", 200).setup(Setup.HIDE_DEMO3_TITLE)
                    .expect("\"id\":\"abcde1234567890\"", "\"title\":\"test_create\"")
                    .after(After.DEMO3_NEW_TITLE_SAVED),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2544, "missing collection", "PATCH", "/api/collections/missing/records/0yxhwia2amd8gec", null, null, 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2552, "guest trying to access nil-rule collection record", "PATCH", "/api/collections/demo1/records/imy661ixudk5izi", null, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2560, "auth record trying to access nil-rule collection", "PATCH", "/api/collections/demo1/records/imy661ixudk5izi", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2572, "trying to update a view collection record", "PATCH", "/api/collections/view1/records/imy661ixudk5izi", null, "{\"text\":\"new\"}", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2581, "submit invalid body", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, "{\"", 400)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2590, "submit nil body (aka. no fields change)", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, null, 200)
                    .expect("\"collectionName\":\"demo2\"", "\"id\":\"0yxhwia2amd8gec\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2614, "submit empty body (aka. no fields change)", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, "{}", 200)
                    .expect("\"collectionName\":\"demo2\"", "\"id\":\"0yxhwia2amd8gec\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2638, "trigger field validation", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, "{\"title\":\"a\"}", 400)
                    .expect("data\":{", "\"title\":{\"code\":\"validation_min_text_constraint\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2659, "guest submit in public collection", "PATCH", "/api/collections/demo2/records/0yxhwia2amd8gec", null, "{\"title\":\"new\"}", 200)
                    .expect("\"id\":\"0yxhwia2amd8gec\"", "\"title\":\"new\"", "\"active\":true"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2684, "guest trying to submit in restricted collection", "PATCH", "/api/collections/demo3/records/mk5fmymtx4wsprk", null, "{\"title\":\"new\"}", 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2693, "auth record submit in restricted collection (rule failure check)", "PATCH", "/api/collections/demo3/records/mk5fmymtx4wsprk", USER, "{\"title\":\"new\"}", 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2706, "auth record submit in restricted collection (rule pass check) + expand relations", "PATCH", "/api/collections/demo4/records/i9naidtvr6qsgb4?expand=missing,rel_one_no_cascade,rel_many_no_cascade_required", USER, "{\"title\":\"test123\",\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\",\"rel_one_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"],\"rel_many_cascade\":\"lcl9d87w22ml6jy\"}", 200)
                    .expect("\"id\":\"i9naidtvr6qsgb4\"", "\"title\":\"test123\"", "\"expand\":{}", "\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\"", "\"rel_one_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_many_no_cascade\":[\"mk5fmymtx4wsprk\"]", "\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"]", "\"rel_many_cascade\":[\"lcl9d87w22ml6jy\"]")
                    .notExpect("\"missing\"", "\"id\":\"mk5fmymtx4wsprk\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"lcl9d87w22ml6jy\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2756, "superuser submit in restricted collection (rule skip check) + expand relations", "PATCH", "/api/collections/demo4/records/i9naidtvr6qsgb4?expand=missing,rel_one_no_cascade,rel_many_no_cascade_required", SUPERUSER, "{\"title\":\"test123\",\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\",\"rel_one_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade\":\"mk5fmymtx4wsprk\",\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"],\"rel_many_cascade\":\"lcl9d87w22ml6jy\"}", 200)
                    .expect("\"id\":\"i9naidtvr6qsgb4\"", "\"title\":\"test123\"", "\"rel_one_no_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_one_no_cascade_required\":\"7nwo8tuiatetxdm\"", "\"rel_one_cascade\":\"mk5fmymtx4wsprk\"", "\"rel_many_no_cascade\":[\"mk5fmymtx4wsprk\"]", "\"rel_many_no_cascade_required\":[\"7nwo8tuiatetxdm\",\"lcl9d87w22ml6jy\"]", "\"rel_many_cascade\":[\"lcl9d87w22ml6jy\"]", "\"expand\":{", "\"id\":\"mk5fmymtx4wsprk\"", "\"id\":\"7nwo8tuiatetxdm\"", "\"id\":\"lcl9d87w22ml6jy\"")
                    .notExpect("\"missing\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2922, "try to change the id of an existing record", "PATCH", "/api/collections/demo3/records/mk5fmymtx4wsprk", SUPERUSER, "{\n\t\t\t\t\"id\": \"mk5fmymtx4wspra\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"id\":{\"code\":\"validation_pk_change\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2948, "unique field error check", "PATCH", "/api/collections/demo2/records/llvuca81nly1qls", null, "{\n\t\t\t\t\"title\":\"test2\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"title\":{", "\"code\":\"validation_not_unique\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2977, "@request.body.field with compute modifers (rule failure check)", "PATCH", "/api/collections/demo5/records/la4y2w4o98acwuj", null, "{\n\t\t\t\t\"total+\":3,\n\t\t\t\t\"total-\":1\n\t\t\t}", 404)
                    .expect("\"data\":{}"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 2991, "@request.body.field with compute modifers (rule pass check)", "PATCH", "/api/collections/demo5/records/la4y2w4o98acwuj", null, "{\n\t\t\t\t\"total+\":2,\n\t\t\t\t\"total-\":1\n\t\t\t}", 200)
                    .expect("\"id\":\"la4y2w4o98acwuj\"", "\"collectionName\":\"demo5\"", "\"total\":3"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3022, "auth record with invalid form data", "PATCH", "/api/collections/users/records/bgs820n361vj1qd", SUPERUSER, "{\n\t\t\t\t\"password\":\"\",\n\t\t\t\t\"passwordConfirm\":\"1234560\",\n\t\t\t\t\"email\":\"invalid\",\n\t\t\t\t\"verified\":false\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"passwordConfirm\":{", "\"password\":{")
                    .notExpect("\"email\":", "verified"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3051, "auth record with valid form data but invalid record fields", "PATCH", "/api/collections/users/records/bgs820n361vj1qd", SUPERUSER, "{\n\t\t\t\t\"password\":\"1234567\",\n\t\t\t\t\"passwordConfirm\":\"1234567\",\n\t\t\t\t\"rel\":\"invalid\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"rel\":{\"code\":", "\"password\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3080, "try to change account managing fields by guest", "PATCH", "/api/collections/nologin/records/phhq3wr65cap535", null, "{\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":true\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"verified\":{\"code\":", "\"oldPassword\":{\"code\":")
                    .notExpect("\"emailVisibility\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3104, "try to change account managing fields by auth record (owner)", "PATCH", "/api/collections/users/records/4q1xlclmfloku33", USER, "{\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":true\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"verified\":{\"code\":", "\"oldPassword\":{\"code\":")
                    .notExpect("\"emailVisibility\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3132, "try to unset/downgrade email and verified fields (owner)", "PATCH", "/api/collections/users/records/oap640cot4yru2s", "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6Im9hcDY0MGNvdDR5cnUycyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.GfJo6EHIobgas_AXt-M-tj5IoQendPnrkMSe9ExuSEY", "{\n\t\t\t\t\"email\":\"\",\n\t\t\t\t\"verified\":false\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"email\":{\"code\":", "\"verified\":{\"code\":"),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3155, "try to change account managing fields by auth record with managing rights", "PATCH", "/api/collections/nologin/records/phhq3wr65cap535", USER, "{\n\t\t\t\t\"email\":\"new@example.com\",\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"name\":\"test_name\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":true\n\t\t\t}", 200)
                    .expect("\"email\":\"new@example.com\"", "\"name\":\"test_name\"", "\"emailVisibility\":true", "\"verified\":true")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"passwordConfirm\"")
                    .after(After.NOLOGIN_PHHQ_PASSWORD_CHANGED),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3203, "update auth record with valid data by superuser", "PATCH", "/api/collections/users/records/oap640cot4yru2s", SUPERUSER, "{\n\t\t\t\t\"username\":\"test.valid\",\n\t\t\t\t\"email\":\"new@example.com\",\n\t\t\t\t\"password\":\"12345678\",\n\t\t\t\t\"passwordConfirm\":\"12345678\",\n\t\t\t\t\"rel\":\"achvryl401bhse3\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"verified\":false\n\t\t\t}", 200)
                    .expect("\"username\":\"test.valid\"", "\"email\":\"new@example.com\"", "\"rel\":\"achvryl401bhse3\"", "\"emailVisibility\":true", "\"verified\":false")
                    .notExpect("\"tokenKey\"", "\"password\"")
                    .after(After.USER_OAP_PASSWORD_CHANGED),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3251, "update auth record with valid data by guest (empty update filter + auth origins check)", "PATCH", "/api/collections/nologin/records/dc49k6jgejn40h3", null, "{\n\t\t\t\t\"username\":\"test_new\",\n\t\t\t\t\"emailVisibility\":true,\n\t\t\t\t\"name\":\"test\"\n\t\t\t}", 200)
                    .setup(Setup.NOLOGIN_AUTH_ORIGINS).after(After.NOLOGIN_AUTH_ORIGINS_KEPT)
                    .expect("\"username\":\"test_new\"", "\"email\":\"test@example.com\"", "\"emailVisibility\":true", "\"verified\":false", "\"name\":\"test\"")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"passwordConfirm\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3316, "success password change with oldPassword (+authOrigins reset check)", "PATCH", "/api/collections/nologin/records/dc49k6jgejn40h3", null, "{\n\t\t\t\t\"password\":\"123456789\",\n\t\t\t\t\"passwordConfirm\":\"123456789\",\n\t\t\t\t\"oldPassword\":\"1234567890\"\n\t\t\t}", 200)
                    .setup(Setup.NOLOGIN_AUTH_ORIGINS).after(After.NOLOGIN_NEW_PASSWORD_AUTH_ORIGINS_RESET)
                    .expect("\"id\":\"dc49k6jgejn40h3\"")
                    .notExpect("\"tokenKey\"", "\"password\"", "\"passwordConfirm\""),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3390, "update with hidden field as regular user", "PATCH", "/api/collections/demo3/records/1tmknxy2868d869", CLIENT, "{\n\t\t\t\t\"title\": \"test_update\"\n\t\t\t}", 200).setup(Setup.HIDE_DEMO3_TITLE)
                    .expect("\"id\":\"1tmknxy2868d869\"")
                    .notExpect("\"title\"")
                    .after(After.DEMO3_TITLE_UNCHANGED),
            s("record_crud_test.go", "TestRecordCrudUpdate", 3446, "update with hidden field as superuser", "PATCH", "/api/collections/demo3/records/1tmknxy2868d869", SUPERUSER, "{\n\t\t\t\t\"title\": \"test_update\"\n\t\t\t}", 200).setup(Setup.HIDE_DEMO3_TITLE)
                    .expect("\"id\":\"1tmknxy2868d869\"", "\"title\":\"test_update\"")
                    .after(After.DEMO3_TITLE_UPDATED),
            s("health_test.go", "TestHealthAPI", 14, "GET health status (guest)", "GET", "/api/health", null, null, 200)
                    .expect("\"code\":200", "\"data\":{}")
                    .notExpect("canBackup", "realIP", "possibleProxyHeader"),
            s("health_test.go", "TestHealthAPI", 30, "GET health status (regular user)", "GET", "/api/health", USER, null, 200)
                    .expect("\"code\":200", "\"data\":{}")
                    .notExpect("canBackup", "realIP", "possibleProxyHeader"),
            s("health_test.go", "TestHealthAPI", 49, "GET health status (superuser)", "GET", "/api/health", SUPERUSER, null, 200)
                    .expect("\"code\":200", "\"data\":{", "\"canBackup\":true", "\"realIP\"", "\"possibleProxyHeader\""),
            s("collection_test.go", "TestCollectionsList", 20, "unauthorized", "GET", "/api/collections", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionsList", 28, "authorized as regular user", "GET", "/api/collections", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionsList", 39, "authorized as superuser", "GET", "/api/collections", SUPERUSER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":16", "\"items\":[{", "\"name\":\"", "\"", "\"name\":\"", "\"", "\"name\":\"", "\"", "\"name\":\"", "\"", "\"name\":\"", "\"", "\"name\":\"users\"", "\"name\":\"nologin\"", "\"name\":\"clients\"", "\"name\":\"demo1\"", "\"name\":\"demo2\"", "\"name\":\"demo3\"", "\"name\":\"demo4\"", "\"name\":\"demo5\"", "\"name\":\"numeric_id_view\"", "\"name\":\"view1\"", "\"name\":\"view2\"", "\"type\":\"auth\"", "\"type\":\"base\"", "\"type\":\"view\""),
            s("collection_test.go", "TestCollectionsList", 77, "authorized as superuser + paging and sorting", "GET", "/api/collections?page=2&perPage=2&sort=-created", SUPERUSER, null, 200)
                    .expect("\"page\":2", "\"perPage\":2", "\"totalItems\":16", "\"items\":[{", "\"name\":\"", "\""),
            s("collection_test.go", "TestCollectionsList", 97, "authorized as superuser + invalid filter", "GET", "/api/collections?filter=invalidfield~'demo2'", SUPERUSER, null, 400)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionsList", 108, "authorized as superuser + valid filter", "GET", "/api/collections?filter=name~'demo'", SUPERUSER, null, 200)
                    .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":5", "\"items\":[{", "\"name\":\"demo1\"", "\"name\":\"demo2\"", "\"name\":\"demo3\"", "\"name\":\"demo4\"", "\"name\":\"demo5\""),
            s("collection_test.go", "TestCollectionView", 169, "unauthorized", "GET", "/api/collections/demo1", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionView", 177, "authorized as regular user", "GET", "/api/collections/demo1", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionView", 188, "authorized as superuser + nonexisting collection identifier", "GET", "/api/collections/missing", SUPERUSER, null, 404)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionView", 199, "authorized as superuser + using the collection name", "GET", "/api/collections/demo1", SUPERUSER, null, 200)
                    .expect("\"id\":\"wsmn24bux7wo113\"", "\"name\":\"demo1\""),
            s("collection_test.go", "TestCollectionView", 216, "authorized as superuser + using the collection id", "GET", "/api/collections/wsmn24bux7wo113", SUPERUSER, null, 200)
                    .expect("\"id\":\"wsmn24bux7wo113\"", "\"name\":\"demo1\""),
            s("collection_test.go", "TestCollectionDelete", 279, "unauthorized", "DELETE", "/api/collections/demo1", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionDelete", 287, "authorized as regular user", "DELETE", "/api/collections/demo1", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionDelete", 298, "authorized as superuser + nonexisting collection identifier", "DELETE", "/api/collections/missing", SUPERUSER, null, 404)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionDelete", 309, "authorized as superuser + using the collection name", "DELETE", "/api/collections/demo5", SUPERUSER, null, 204)
                    .unchecked("AfterTestFunc"),
            s("collection_test.go", "TestCollectionDelete", 332, "authorized as superuser + using the collection id", "DELETE", "/api/collections/9n89pl5vkct6330", SUPERUSER, null, 204)
                    .unchecked("AfterTestFunc"),
            s("collection_test.go", "TestCollectionDelete", 355, "authorized as superuser + trying to delete a system collection", "DELETE", "/api/collections/_mfas", SUPERUSER, null, 400)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionDelete", 375, "authorized as superuser + trying to delete a referenced collection", "DELETE", "/api/collections/demo2", SUPERUSER, null, 400)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionDelete", 395, "authorized as superuser + deleting a view", "DELETE", "/api/collections/view2", SUPERUSER, null, 204),
            s("collection_test.go", "TestCollectionCreate", 451, "unauthorized", "POST", "/api/collections", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionCreate", 459, "authorized as regular user", "POST", "/api/collections", USER, "{\"name\":\"new\",\"type\":\"base\",\"fields\":[{\"type\":\"text\",\"name\":\"test\"}]}", 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionCreate", 471, "authorized as superuser + empty data", "POST", "/api/collections", SUPERUSER, "", 400)
                    .expect("\"data\":{", "\"name\":{\"code\":\"validation_required\"")
                    .notExpect("\"fields\":{"),
            s("collection_test.go", "TestCollectionCreate", 498, "authorized as superuser + invalid data (eg. existing name)", "POST", "/api/collections", SUPERUSER, "{\"name\":\"demo1\",\"type\":\"base\",\"fields\":[{\"type\":\"text\",\"name\":\"\"}]}", 400)
                    .expect("\"data\":{", "\"fields\":{", "\"name\":{\"code\":\"validation_collection_name_exists\"", "\"name\":{\"code\":\"validation_required\""),
            s("collection_test.go", "TestCollectionCreate", 524, "authorized as superuser + valid data", "POST", "/api/collections", SUPERUSER, "{\"name\":\"new\",\"type\":\"base\",\"fields\":[{\"type\":\"text\",\"id\":\"12345789\",\"name\":\"test\"}]}", 200)
                    .expect("\"id\":", "\"name\":\"new\"", "\"type\":\"base\"", "\"system\":false", "\"fields\":[{\"autogeneratePattern\":\"[a-z0-9]{15}\",\"help\":\"\",\"hidden\":false,\"id\":\"text3208210256\",\"max\":15,\"min\":15,\"name\":\"id\",\"pattern\":\"^[a-z0-9]+$\",\"presentable\":false,\"primaryKey\":true,\"required\":true,\"system\":true,\"type\":\"text\"},{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":false,\"id\":\"12345789\",\"max\":0,\"min\":0,\"name\":\"test\",\"pattern\":\"\",\"presentable\":false,\"primaryKey\":false,\"required\":false,\"system\":false,\"type\":\"text\"}]"),
            s("collection_test.go", "TestCollectionCreate", 554, "creating auth collection (default settings merge test)", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"auth\",\n\t\t\t\t\"emailChangeToken\":{\"duration\":123},\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"id\":\"12345789\",\"name\":\"test\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"tokenKey\",\"system\":true,\"required\":false,\"min\":10}\n\t\t\t\t]\n\t\t\t}", 200)
                    .expect("\"id\":", "\"name\":\"new\"", "\"type\":\"auth\"", "\"system\":false", "\"passwordAuth\":{\"enabled\":true,\"identityFields\":[\"email\"]}", "\"authRule\":\"\"", "\"manageRule\":null", "\"name\":\"test\"", "\"name\":\"id\"", "\"name\":\"tokenKey\"", "\"name\":\"password\"", "\"name\":\"email\"", "\"name\":\"emailVisibility\"", "\"name\":\"verified\"", "\"duration\":123", "{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":true,\"id\":\"text2504183744\",\"max\":0,\"min\":10,\"name\":\"tokenKey\",\"pattern\":\"\",\"presentable\":false,\"primaryKey\":false,\"required\":true,\"system\":true,\"type\":\"text\"}")
                    .notExpect("\"secret\":\""),
            s("collection_test.go", "TestCollectionCreate", 606, "creating base collection with reserved auth fields", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"base\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"email\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"username\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"verified\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"emailVisibility\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"lastResetSentAt\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"lastVerificationSentAt\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"tokenKey\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"passwordHash\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"password\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"passwordConfirm\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"oldPassword\"}\n\t\t\t\t]\n\t\t\t}", 200)
                    .expect("\"name\":\"new\"", "\"type\":\"base\"", "\"fields\":[{"),
            s("collection_test.go", "TestCollectionCreate", 649, "trying to create base collection with reserved system fields", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"base\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"id\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"expand\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"collectionId\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"collectionName\"}\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{\"fields\":{", "\"1\":{\"name\":{\"code\":\"validation_not_in_invalid", "\"2\":{\"name\":{\"code\":\"validation_not_in_invalid", "\"3\":{\"name\":{\"code\":\"validation_not_in_invalid"),
            s("collection_test.go", "TestCollectionCreate", 684, "trying to create auth collection with reserved auth fields", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"auth\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"oldPassword\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"passwordConfirm\"}\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{\"fields\":{", "\"1\":{\"name\":{\"code\":\"validation_reserved_field_name", "\"2\":{\"name\":{\"code\":\"validation_reserved_field_name"),
            s("collection_test.go", "TestCollectionCreate", 746, "trying to create view collection with invalid options", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"view\",\n\t\t\t\t\"fields\":[{\"type\":\"text\",\"id\":\"12345789\",\"name\":\"ignored!@#$\"}],\n\t\t\t\t\"viewQuery\":\"select '123' as abc\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"viewQuery\":{\"code\":\"validation_invalid_view_query"),
            s("collection_test.go", "TestCollectionCreate", 775, "creating view collection", "POST", "/api/collections", SUPERUSER, "{\"name\":\"new\",\"type\":\"view\",\"fields\":[{\"type\":\"text\",\"id\":\"12345789\",\"name\":\"ignored!@#$\"}],\"viewQuery\": \"select 1 as id from _superusers limit 1\"}", 200)
                    .expect("\"name\":\"new\"", "\"type\":\"view\"", "\"fields\":[{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":false,\"id\":\"text3208210256\",\"max\":0,\"min\":0,\"name\":\"id\",\"pattern\":\"^[a-z0-9]+$\",\"presentable\":false,\"primaryKey\":true,\"required\":true,\"system\":true,\"type\":\"text\"}]"),
            s("collection_test.go", "TestCollectionCreate", 810, "creating base collection with invalid indexes", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"base\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"test\"}\n\t\t\t\t],\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create index idx_test1 on new (test)\",\n\t\t\t\t\t\"create index idx_test2 on new (missing)\"\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"indexes\":{\"1\":{\"code\":\""),
            s("collection_test.go", "TestCollectionCreate", 846, "creating base collection with index name from another collection", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"base\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"test\"}\n\t\t\t\t],\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create index exist_test on new (test)\"\n\t\t\t\t]\n\t\t\t}", 400).setup(Setup.DEMO1_INDEX_EXIST_TEST)
                    .expect("\"data\":{", "\"indexes\":{", "\"0\":{\"code\":\"validation_existing_index_name\""),
            s("collection_test.go", "TestCollectionCreate", 890, "creating base collection with 2 indexes using the same name", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"base\",\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create index duplicate_idx on new (created)\",\n\t\t\t\t\t\"create index duplicate_idx on new (updated)\"\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"indexes\":{", "\"1\":{\"code\":\"validation_duplicated_index_name\""),
            s("collection_test.go", "TestCollectionCreate", 922, "creating base collection with valid indexes (+ random table name)", "POST", "/api/collections", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"type\":\"base\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"test\"}\n\t\t\t\t],\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create index idx_test1 on new (test)\",\n\t\t\t\t\t\"create index idx_test2 on anything (id, test)\"\n\t\t\t\t]\n\t\t\t}", 200)
                    .expect("\"name\":\"new\"", "\"type\":\"base\"", "\"indexes\":[", "idx_test1", "idx_test2")
                    .unchecked("AfterTestFunc"),
            s("collection_test.go", "TestCollectionUpdate", 988, "unauthorized", "PATCH", "/api/collections/demo1", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionUpdate", 996, "authorized as regular user", "PATCH", "/api/collections/demo1", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionUpdate", 1007, "authorized as superuser + missing collection", "PATCH", "/api/collections/missing", SUPERUSER, "{}", 404)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionUpdate", 1019, "authorized as superuser + empty body", "PATCH", "/api/collections/demo1", SUPERUSER, "{}", 200)
                    .expect("\"id\":\"wsmn24bux7wo113\"", "\"name\":\"demo1\""),
            s("collection_test.go", "TestCollectionUpdate", 1072, "authorized as superuser + invalid data (eg. existing name)", "PATCH", "/api/collections/demo1", SUPERUSER, "{\n\t\t\t\t\"name\":\"demo2\",\n\t\t\t\t\"type\":\"auth\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"name\":{\"code\":\"validation_collection_name_exists\"", "\"type\":{\"code\":\"validation_collection_type_change\""),
            s("collection_test.go", "TestCollectionUpdate", 1100, "authorized as superuser + valid data", "PATCH", "/api/collections/demo1", SUPERUSER, "{\"name\":\"new\"}", 200)
                    .expect("\"id\":", "\"name\":\"new\"")
                    .unchecked("AfterTestFunc"),
            s("collection_test.go", "TestCollectionUpdate", 1132, "trying to update collection with reserved fields", "PATCH", "/api/collections/demo1", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"id\",\"id\":\"_pbf_text_id_\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"created\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"updated\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"expand\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"collectionId\"},\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"collectionName\"}\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{\"fields\":{", "\"3\":{\"name\":{\"code\":\"validation_not_in_invalid", "\"4\":{\"name\":{\"code\":\"validation_not_in_invalid", "\"5\":{\"name\":{\"code\":\"validation_not_in_invalid")
                    .notExpect("\"0\":", "\"1\":", "\"2\":"),
            s("collection_test.go", "TestCollectionUpdate", 1173, "trying to update collection with changed/removed system fields", "PATCH", "/api/collections/demo1", SUPERUSER, "{\n\t\t\t\t\"name\":\"new\",\n\t\t\t\t\"fields\":[\n\t\t\t\t\t{\"type\":\"text\",\"name\":\"created\"}\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{\"fields\":{", "\"code\":\"validation_system_field_change\""),
            s("collection_test.go", "TestCollectionUpdate", 1202, "trying to update auth collection with invalid options", "PATCH", "/api/collections/users", SUPERUSER, "{\n\t\t\t\t\"passwordAuth\":{\"identityFields\": [\"missing\"]}\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"passwordAuth\":{\"identityFields\":{\"code\":\"validation_missing_field\""),
            s("collection_test.go", "TestCollectionUpdate", 1231, "trying to update view collection with invalid options", "PATCH", "/api/collections/view1", SUPERUSER, "{\n\t\t\t\t\"fields\":[{\"type\":\"text\",\"id\":\"12345789\",\"name\":\"ignored!@#$\"}],\n\t\t\t\t\"viewQuery\":\"invalid\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"viewQuery\":{\"code\":\"validation_invalid_view_query\""),
            s("collection_test.go", "TestCollectionUpdate", 1258, "updating view collection", "PATCH", "/api/collections/view2", SUPERUSER, "{\"name\":\"view2_update\",\"fields\":[{\"type\":\"text\",\"id\":\"12345789\",\"name\":\"ignored!@#$\"}],\"viewQuery\": \"select 2 as id, created, updated, email from _superusers limit 1\"}", 200)
                    .expect("\"name\":\"view2_update\"", "\"type\":\"view\"", "\"fields\":[{", "\"name\":\"email\"", "\"name\":\"id\"", "\"name\":\"created\"", "\"name\":\"updated\""),
            s("collection_test.go", "TestCollectionUpdate", 1296, "updating base collection with invalid indexes", "PATCH", "/api/collections/demo2", SUPERUSER, "{\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create unique idx_test1 on demo1 (text)\",\n\t\t\t\t\t\"create index idx_test2 on demo2 (id, title)\"\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"indexes\":{\"0\":{\"code\":\""),
            s("collection_test.go", "TestCollectionUpdate", 1326, "updating base collection with index name from another collection", "PATCH", "/api/collections/demo2", SUPERUSER, "{\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create index exist_test on new (test)\"\n\t\t\t\t]\n\t\t\t}", 400).setup(Setup.DEMO1_INDEX_EXIST_TEST)
                    .expect("\"data\":{", "\"indexes\":{", "\"0\":{\"code\":\"validation_existing_index_name\""),
            s("collection_test.go", "TestCollectionUpdate", 1365, "updating base collection with 2 indexes using the same name", "PATCH", "/api/collections/demo2", SUPERUSER, "{\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create index duplicate_idx on new (created)\",\n\t\t\t\t\t\"create index duplicate_idx on new (updated)\"\n\t\t\t\t]\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"indexes\":{", "\"1\":{\"code\":\"validation_duplicated_index_name\""),
            s("collection_test.go", "TestCollectionUpdate", 1396, "updating base collection with valid indexes (+ random table name)", "PATCH", "/api/collections/demo2", SUPERUSER, "{\n\t\t\t\t\"indexes\": [\n\t\t\t\t\t\"create unique index idx_test1 on demo2 (title)\",\n\t\t\t\t\t\"create index idx_test2 on anything (active)\"\n\t\t\t\t]\n\t\t\t}", 200)
                    .expect("\"name\":\"demo2\"", "\"indexes\":[", "idx_test1", "idx_test2")
                    .unchecked("AfterTestFunc"),
            s("collection_test.go", "TestCollectionScaffolds", 1456, "unauthorized", "GET", "/api/collections/meta/scaffolds", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionScaffolds", 1464, "authorized as regular user", "GET", "/api/collections/meta/scaffolds", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionScaffolds", 1475, "authorized as superuser", "GET", "/api/collections/meta/scaffolds", SUPERUSER, null, 200)
                    .expect("\"id\":\"\"", "\"name\":\"\"", "\"auth\":{", "\"base\":{", "\"view\":{", "\"type\":\"auth\"", "\"type\":\"base\"", "\"type\":\"view\"", "\"fields\":[{", "\"fields\":[{", "\"id\":\"text3208210256\""),
            s("collection_test.go", "TestCollectionTruncate", 1508, "unauthorized", "DELETE", "/api/collections/demo5/truncate", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionTruncate", 1516, "authorized as regular user", "DELETE", "/api/collections/demo5/truncate", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionTruncate", 1527, "authorized as superuser", "DELETE", "/api/collections/demo5/truncate", SUPERUSER, null, 204),
            s("collection_test.go", "TestCollectionTruncate", 1545, "authorized as superuser but collection with required cascade delete references", "DELETE", "/api/collections/demo3/truncate", SUPERUSER, null, 400)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionTruncate", 1570, "authorized as superuser trying to truncate view collection", "DELETE", "/api/collections/view2/truncate", SUPERUSER, null, 400)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionOAuth2Providers", 1592, "unauthorized", "GET", "/api/collections/meta/oauth2-providers", null, null, 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionOAuth2Providers", 1600, "authorized as regular user", "GET", "/api/collections/meta/oauth2-providers", USER, null, 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionOAuth2Providers", 1611, "authorized as superuser", "GET", "/api/collections/meta/oauth2-providers", SUPERUSER, null, 200)
                    .expect("{\"name\":\"oidc3\",\"displayName\":\"OIDC\",\"logo\":\"\\u003csvg")
                    .notExpect("\"order\":", "\"pkce\":", "\"scopes\":", "\"authURL\":", "\"tokenURL\":", "\"userInfoURL\":"),
            s("collection_test.go", "TestCollectionTestView", 1642, "unauthorized", "POST", "/api/collections/meta/dry-run-view", null, "{\"query\":\"select 1 as id\"}", 401)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionTestView", 1651, "authorized as regular user", "POST", "/api/collections/meta/dry-run-view", USER, "{\"query\":\"select 1 as id\"}", 403)
                    .expect("\"data\":{}"),
            s("collection_test.go", "TestCollectionTestView", 1663, "authorized as superuser", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"select 1 as id\"}", 200)
                    .expect("\"fields\":[{", "\"name\":\"id\"", "\"type\":\"text\"", "\"sample\":[{", "\"id\":\"1\""),
            s("collection_test.go", "TestCollectionTestView", 1680, "empty query", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"\"}", 400)
                    .expect("\"data\":{\"query\":"),
            s("collection_test.go", "TestCollectionTestView", 1693, "query length beyond validator limit", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"" + "a".repeat(5001) + "\"}", 400)
                    .expect("\"data\":{\"query\":"),
            s("collection_test.go", "TestCollectionTestView", 1706, "query with length equal to the validator limit", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"select 1 as id" + " ".repeat(4986) + "\"}", 200)
                    .expect("\"fields\":[{", "\"name\":\"id\"", "\"type\":\"text\"", "\"sample\":[", "\"id\":\"1\""),
            s("collection_test.go", "TestCollectionTestView", 1723, "missing ids sample", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"(select 1 as id union select '' as id)\"}", 400)
                    .expect("\"data\":{}", "Raw error:"),
            s("collection_test.go", "TestCollectionTestView", 1737, "duplicated ids sample", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"(select 1 as id union all select 1 as id)\"}", 400)
                    .expect("\"data\":{}", "Raw error:"),
            s("collection_test.go", "TestCollectionTestView", 1751, "write query", "POST", "/api/collections/meta/dry-run-view", SUPERUSER, "{\"query\":\"CREATE TABLE t1(x INT)\"}", 400)
                    .expect("\"data\":{}", "Raw error:"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 43, "disabled password auth", "POST", "/api/collections/nologin/auth-with-password", null, "{\"identity\":\"test@example.com\",\"password\":\"1234567890\"}", 403)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 52, "non-auth collection", "POST", "/api/collections/demo1/auth-with-password", null, "{\"identity\":\"test@example.com\",\"password\":\"1234567890\"}", 404)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 61, "invalid body format", "POST", "/api/collections/clients/auth-with-password", null, "{\"identity", 400)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 70, "empty body params", "POST", "/api/collections/clients/auth-with-password", null, "{\"identity\":\"\",\"password\":\"\"}", 400)
                    .expect("\"data\":{", "\"identity\":{", "\"password\":{"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 110, "valid identity field and invalid password", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"test@example.com\",\n\t\t\t\t\"password\":\"invalid\"\n\t\t\t}", 400)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 127, "valid identity field (email) and valid password", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"test@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .expect("\"email\":\"test@example.com\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\"")
                    .unchecked("BeforeTestFunc hook assertion"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 178, "valid identity field (username) and valid password", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"clients57772\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .expect("\"email\":\"test@example.com\"", "\"username\":\"clients57772\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 215, "valid non-email identity field with a value that is a properly formatted email", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"username_as_email@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .setup(Setup.CLIENT_USERNAME_AS_EMAIL)
                    .expect("\"email\":\"test@example.com\"", "\"username\":\"username_as_email@example.com\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 560, "with explicit identityField (case-sensitive)", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identityField\": \"username\",\n\t\t\t\t\"identity\":\"Clients57772\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400)
                    .setup(Setup.CLIENTS_USERNAME_INDEX_NO_COLLATE)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 577, "with explicit identityField (case-insensitive)", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identityField\": \"username\",\n\t\t\t\t\"identity\":\"Clients57772\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .setup(Setup.CLIENTS_USERNAME_INDEX_NOCASE)
                    .expect("\"email\":\"test@example.com\"", "\"username\":\"clients57772\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 616, "without explicit identityField and non-email field (case-insensitive)", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"Clients57772\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .setup(Setup.CLIENTS_USERNAME_INDEX_NOCASE)
                    .expect("\"email\":\"test@example.com\"", "\"username\":\"clients57772\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 654, "without explicit identityField and email field (case-insensitive)", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"tESt@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .setup(Setup.CLIENTS_EMAIL_INDEX_NOCASE)
                    .expect("\"email\":\"test@example.com\"", "\"username\":\"clients57772\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 266, "unknown explicit identityField", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identityField\": \"created\",\n\t\t\t\t\"identity\":\"test@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400)
                    .expect("\"data\":{", "\"identityField\":{\"code\":\"validation_in_invalid\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 282, "valid identity field and valid password with mismatched explicit identityField", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identityField\": \"username\",\n\t\t\t\t\"identity\":\"test@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 400)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 298, "valid identity field and valid password with matched explicit identityField", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identityField\": \"username\",\n\t\t\t\t\"identity\":\"clients57772\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .expect("\"email\":\"test@example.com\"", "\"username\":\"clients57772\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 336, "valid identity (unverified) and valid password in onlyVerified collection", "POST", "/api/collections/clients/auth-with-password", null, "{\n\t\t\t\t\"identity\":\"test2@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 403)
                    .expect("\"data\":{}"),
            s("record_auth_with_password_test.go", "TestRecordAuthWithPassword", 351, "already authenticated record", "POST", "/api/collections/clients/auth-with-password", USER, "{\n\t\t\t\t\"identity\":\"test@example.com\",\n\t\t\t\t\"password\":\"1234567890\"\n\t\t\t}", 200)
                    .expect("\"id\":\"gk390qegs4y47wn\"", "\"email\":\"test@example.com\"", "\"token\":")
                    .notExpect("\"tokenKey\"", "\"password\""),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 15, "unauthorized", "POST", "/api/collections/users/auth-refresh", null, null, 401)
                    .expect("\"data\":{}"),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 23, "superuser trying to refresh the auth of another auth collection", "POST", "/api/collections/users/auth-refresh", SUPERUSER, null, 403)
                    .expect("\"data\":{}"),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 34, "auth record + not an auth collection", "POST", "/api/collections/demo1/auth-refresh", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 45, "auth record + different auth collection", "POST", "/api/collections/clients/auth-refresh?expand=rel,missing", USER, null, 403)
                    .expect("\"data\":{}"),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 56, "auth record + same auth collection as the token", "POST", "/api/collections/users/auth-refresh?expand=rel,missing", USER, null, 200)
                    .expect("\"token\":", "\"record\":", "\"id\":\"4q1xlclmfloku33\"", "\"emailVisibility\":false", "\"email\":\"test@example.com\"", "\"expand\":", "\"rel\":", "\"id\":\"llvuca81nly1qls\"")
                    .notExpect("\"missing\":", USER),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 86, "auth record + same auth collection as the token but static/unrefreshable", "POST", "/api/collections/users/auth-refresh", "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6ZmFsc2V9.4IsO6YMsR19crhwl_YWzvRH8pfq2Ri4Gv2dzGyneLak", null, 200)
                    .expect("\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6ZmFsc2V9.4IsO6YMsR19crhwl_YWzvRH8pfq2Ri4Gv2dzGyneLak\"", "\"record\":", "\"id\":\"4q1xlclmfloku33\"", "\"emailVisibility\":false", "\"email\":\"test@example.com\""),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 109, "unverified auth record in onlyVerified collection", "POST", "/api/collections/clients/auth-refresh", "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6Im8xeTBkZDBzcGQ3ODZtZCIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoidjg1MXE0cjc5MHJoa25sIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.Zi0yXE-CNmnbTdVaQEzYZVuECqRdn3LgEM6pmB3XWBE", null, 403)
                    .expect("\"data\":{}"),
            s("record_auth_refresh_test.go", "TestRecordAuthRefresh", 123, "verified auth record in onlyVerified collection", "POST", "/api/collections/clients/auth-refresh", CLIENT, null, 200)
                    .expect("\"token\":", "\"record\":", "\"id\":\"gk390qegs4y47wn\"", "\"verified\":true", "\"email\":\"test@example.com\""),
            // apis/batch_test.go
            s("batch_test.go", "TestBatchRequest", 39, "disabled batch requets", "POST", "/api/batch", null, null, 403)
                    .setup(Setup.BATCH_DISABLED).expect("\"data\":{}"),
            s("batch_test.go", "TestBatchRequest", 50, "max request limits reached", "POST", "/api/batch", null, "{\"requests\":[{\"method\":\"GET\",\"url\":\"/test1\"},{\"method\":\"GET\",\"url\":\"/test2\"},{\"method\":\"GET\",\"url\":\"/test3\"}]}", 400)
                    .setup(Setup.BATCH_MAX_REQUESTS_2).expect("\"data\":{", "\"requests\":{\"code\":\"validation_length_too_long\""),
            s("batch_test.go", "TestBatchRequest", 72, "trigger requests validations", "POST", "/api/batch", null, "{\"requests\":[{},{\"method\":\"GET\",\"url\":\"/valid\"},{\"method\":\"invalid\",\"url\":\"/valid\"},{\"method\":\"POST\",\"url\":\"" + "a".repeat(2001) + "\"}]}", 400)
                    .expect("\"data\":{", "\"requests\":{", "\"0\":{\"method\":{\"code\":\"validation_required\"", "\"2\":{\"method\":{\"code\":\"validation_in_invalid\"", "\"3\":{\"url\":{\"code\":\"validation_length_too_long\"")
                    .notExpect("\"1\":")
                    .unchecked("BeforeTestFunc sets maxRequests = 100; the fixture's 50 admits the 4 requests too"),
            s("batch_test.go", "TestBatchRequest", 101, "unknown batch request action", "POST", "/api/batch", null, "{\"requests\":[{\"method\":\"GET\",\"url\":\"/api/health\"}]}", 400)
                    .expect("\"data\":{", "\"requests\":{", "0\":{\"code\":\"batch_request_failed\"", "\"response\":{"),
            s("batch_test.go", "TestBatchRequest", 122, "base 2 successful and 1 failed (public collection)", "POST", "/api/batch", null, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch1\"}},{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch2\"}},{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"\"}}]}", 400)
                    .expect("\"data\":{", "\"response\":{", "\"2\":{\"code\":\"batch_request_failed\"", "\"response\":{\"data\":{\"title\":{\"code\":\"validation_required\"")
                    .notExpect("\"0\":", "\"1\":")
                    .unchecked("AfterTestFunc (BatchApiTest checks the rollback)"),
            s("batch_test.go", "TestBatchRequest", 169, "base 4 successful (public collection)", "POST", "/api/batch", null, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch1\"}},{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch2\"}},{\"method\":\"PUT\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch3\"}},{\"method\":\"PUT\",\"url\":\"/api/collections/demo2/records?fields=*,id:excerpt(4,true)\",\"body\":{\"id\":\"achvryl401bhse3\",\"title\":\"batch4\"}}]}", 200)
                    .expect("\"title\":\"batch1\"", "\"title\":\"batch2\"", "\"title\":\"batch3\"", "\"title\":\"batch4\"", "\"id\":\"achv...\"", "\"active\":false", "\"active\":true", "\"status\":200", "\"body\":{")
                    .unchecked("AfterTestFunc"),
            s("batch_test.go", "TestBatchRequest", 227, "mixed create/update/delete (non-superuser rule failure)", "POST", "/api/batch", null, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch_create\"}},{\"method\":\"DELETE\",\"url\":\"/api/collections/demo2/records/achvryl401bhse3\"},{\"method\":\"PATCH\",\"url\":\"/api/collections/demo3/records/1tmknxy2868d869\",\"body\":{\"title\":\"batch_update\"}}]}", 400)
                    .expect("\"data\":{", "\"requests\":{", "\"2\":{\"code\":\"batch_request_failed\"", "\"response\":{")
                    .notExpect("\"0\":", "\"1\":")
                    .unchecked("AfterTestFunc (BatchApiTest checks the rollback)"),
            s("batch_test.go", "TestBatchRequest", 288, "mixed create/update/delete (superuser rule failure)", "POST", "/api/batch", CLIENT, "{\"requests\":[{\"method\":\"DELETE\",\"url\":\"/api/collections/demo2/records/achvryl401bhse3\",\"headers\":{\"Authorization\":\"ignored\"}},{\"method\":\"PATCH\",\"url\":\"/api/collections/demo3/records/1tmknxy2868d869\",\"body\":{\"title\":\"batch_update\"},\"headers\":{\"Authorization\":\"ignored\"}},{\"method\":\"POST\",\"url\":\"/api/collections/_superusers/records\",\"body\":{\"email\":\"test_batch@example.com\",\"password\":\"1234567890\"}}]}", 400)
                    .expect("\"data\":{", "\"requests\":{", "\"2\":{\"code\":\"batch_request_failed\"", "403")
                    .notExpect("\"0\":", "\"1\":")
                    .unchecked("AfterTestFunc (BatchApiTest checks the rollback)"),
            s("batch_test.go", "TestBatchRequest", 352, "mixed create/update/delete (rules success)", "POST", "/api/batch", CLIENT, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch_create\"},\"headers\":{\"Authorization\":\"ignored\"}},{\"method\":\"DELETE\",\"url\":\"/api/collections/demo2/records/achvryl401bhse3\",\"headers\":{\"Authorization\":\"ignored\"}},{\"method\":\"PATCH\",\"url\":\"/api/collections/demo3/records/1tmknxy2868d869\",\"body\":{\"title\":\"batch_update\"},\"headers\":{\"Authorization\":\"ignored\"}}]}", 200)
                    .expect("\"title\":\"batch_create\"", "\"title\":\"batch_update\"", "\"status\":200", "\"status\":204", "\"body\":{", "\"body\":null")
                    .unchecked("AfterTestFunc (BatchApiTest checks the stored data)"),
            s("batch_test.go", "TestBatchRequest", 423, "mixed create/update/delete (superuser auth)", "POST", "/api/batch", SUPERUSER, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch_create\"}},{\"method\":\"DELETE\",\"url\":\"/api/collections/demo2/records/achvryl401bhse3\"},{\"method\":\"PATCH\",\"url\":\"/api/collections/demo3/records/1tmknxy2868d869\",\"body\":{\"title\":\"batch_update\"}}]}", 200)
                    .expect("\"title\":\"batch_create\"", "\"title\":\"batch_update\"", "\"status\":200", "\"status\":204", "\"body\":{", "\"body\":null")
                    .unchecked("AfterTestFunc (BatchApiTest checks the stored data)"),
            s("batch_test.go", "TestBatchRequest", 494, "cascade delete/update", "POST", "/api/batch", SUPERUSER, "{\"requests\":[{\"method\":\"DELETE\",\"url\":\"/api/collections/demo3/records/1tmknxy2868d869\"},{\"method\":\"DELETE\",\"url\":\"/api/collections/demo3/records/mk5fmymtx4wsprk\"}]}", 200)
                    .expect("\"status\":204", "\"body\":null")
                    .notExpect("\"status\":200", "\"body\":{")
                    .unchecked("AfterTestFunc (the cascade-deleted demo2 records)"),
            s("batch_test.go", "TestBatchRequest", 683, "create/update with expand query params", "POST", "/api/batch", SUPERUSER, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo5/records?expand=rel_one\",\"body\":{\"total\":9,\"rel_one\":\"qzaqccwrmva4o1n\"}},{\"method\":\"PATCH\",\"url\":\"/api/collections/demo5/records/qjeql998mtp1azp?expand=rel_many\",\"body\":{\"total\":10}}]}", 200)
                    .expect("\"body\":{", "\"id\":\"qjeql998mtp1azp\"", "\"id\":\"qzaqccwrmva4o1n\"", "\"id\":\"i9naidtvr6qsgb4\"", "\"expand\":{\"rel_one\"", "\"expand\":{\"rel_many\""),
            s("batch_test.go", "TestBatchRequest", 730, "check body limit middleware", "POST", "/api/batch", SUPERUSER, "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo5/records?expand=rel_one\",\"body\":{\"total\":9,\"rel_one\":\"qzaqccwrmva4o1n\"}},{\"method\":\"PATCH\",\"url\":\"/api/collections/demo5/records/qjeql998mtp1azp?expand=rel_many\",\"body\":{\"total\":10}}]}", 413)
                    .setup(Setup.BATCH_MAX_BODY_SIZE_10).expect("\"data\":{}")),
            PocketBaseCollectionImportScenarios.PORTED, PocketBaseRateLimitScenarios.PORTED,
            PocketBaseAuthFlowsScenarios.PORTED, PocketBaseMailScenarios.PORTED, PocketBaseOtpOriginScenarios.PORTED,
            PocketBaseLogsScenarios.PORTED, PocketBaseBackupScenarios.PORTED, PocketBaseCronScenarios.PORTED,
            PocketBaseSqlScenarios.PORTED, PocketBaseSettingsScenarios.PORTED,
            PocketBaseRealtimeScenarios.PORTED, PocketBaseFileScenarios.PORTED,
            PocketBaseHookScenarios.PORTED);

    static final List<Skipped> SKIPPED = concat(List.of(),
            PocketBaseCollectionImportScenarios.SKIPPED, PocketBaseAuthFlowsScenarios.SKIPPED,
            PocketBaseMailScenarios.SKIPPED,
            PocketBaseLogsScenarios.SKIPPED, PocketBaseBackupScenarios.SKIPPED, PocketBaseCronScenarios.SKIPPED,
            PocketBaseSettingsScenarios.SKIPPED, PocketBaseRealtimeScenarios.SKIPPED, PocketBaseFileScenarios.SKIPPED,
            PocketBaseExtensionsScenarios.SKIPPED);

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
