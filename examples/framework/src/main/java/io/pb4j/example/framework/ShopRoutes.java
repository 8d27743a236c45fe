package io.pb4j.example.framework;

import io.pb4j.core.ApiException;
import io.pb4j.core.Record;
import io.pb4j.core.router.Middlewares;
import io.pb4j.core.router.Router;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Map;

/** The shop's own routes: the app API and raw SQL instead of hand-written handlers over the database. */
final class ShopRoutes {
    private ShopRoutes() {
    }

    /** A row of the stats query, mapped by column label. */
    record Stats(long orders, double total) {
    }

    /** The body of the custom login. */
    record Login(String email, String password) {
    }

    static void bind(Router router) {
        // a route that reads the request's auth record, if any (PocketBase's e.Auth)
        router.get("/api/shop/whoami", e -> e.json(200, e.auth()
                .map(auth -> Json.createObjectBuilder().add("id", auth.id()).add("collection", auth.collection().name()))
                .orElseGet(() -> Json.createObjectBuilder().add("guest", true)).build()));

        // raw SQL with named parameters, mapped to a Java record; only for signed-in users (apis.RequireAuth)
        router.get("/api/shop/stats", e -> {
            Stats s = e.app().db().queryOne(
                    "SELECT COUNT(*) AS orders, COALESCE(SUM(amount), 0) AS total FROM orders WHERE customer = {:customer}",
                    Map.of("customer", e.auth().orElseThrow().id()), Stats.class).orElseThrow();
            e.json(200, Json.createObjectBuilder().add("orders", s.orders()).add("total", s.total()).build());
        }).bind(Middlewares.requireAuth("users"));

        // the app API: a filter with {:param} placeholders, bound, never spliced into the text
        router.get("/api/shop/orders", e -> {
            String status = e.queryParam("status").isEmpty() ? "paid" : e.queryParam("status");
            double min = e.queryParam("min").isEmpty() ? 0 : Double.parseDouble(e.queryParam("min"));
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (Record order : e.app().findRecordsByFilter("orders",
                    "customer = {:customer} && status = {:status} && amount >= {:min}", "-amount", 10, 0,
                    Map.of("customer", e.auth().orElseThrow().id(), "status", status, "min", min))) {
                items.add(Json.createObjectBuilder().add("id", order.id()).add("amount", order.getFloat("amount")));
            }
            e.json(200, Json.createObjectBuilder().add("items", items).build());
        }).bind(Middlewares.requireAuth("users"));

        // a custom login: find the user, check the password, issue a token the SDK accepts
        router.post("/api/shop/login", e -> {
            Login login = e.bindBody(Login.class);
            Record user = e.app().findAuthRecordByEmail("users", login.email() == null ? "" : login.email())
                    .filter(u -> u.validatePassword(login.password() == null ? "" : login.password()))
                    .orElseThrow(() -> ApiException.badRequest("Invalid login credentials."));
            e.json(200, Json.createObjectBuilder().add("token", user.newAuthToken())
                    .add("record", user.publicExport(false, true)).build());
        }).bind(Middlewares.requireGuestOnly());
    }
}
