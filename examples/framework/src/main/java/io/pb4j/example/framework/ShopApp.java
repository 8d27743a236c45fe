package io.pb4j.example.framework;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.field.AutodateField;
import io.pb4j.core.field.NumberField;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.field.TextField;
import java.util.List;

/**
 * A small shop on pb4j, assembled the way PocketBase's framework docs assemble a Go app: create the app from the
 * command line, bind hooks, add routes and middlewares when it serves, start it.
 *
 * <pre>
 * java --module-path target/classes:DEPENDENCIES -m io.pb4j.example.framework/io.pb4j.example.framework.ShopApp serve
 * </pre>
 */
public final class ShopApp {
    private ShopApp() {
    }

    public static void main(String[] args) {
        int status = create(args).start(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The app for the command line's {@code --dir}, {@code --dev} …, with its collections, hooks and routes bound. */
    public static PocketBase create(String... args) {
        PocketBase app = PocketBase.create(cfg -> cfg.args(args));

        // the schema this app needs, created from code once the store is open
        app.onBootstrap().bindFunc(e -> {
            e.next();
            ensureCollections(e.app());
        });

        // PocketBase's OnRecordAfterCreateSuccess("orders"): runs after the commit, outside the transaction
        app.onRecordAfterCreateSuccess("orders").bindFunc(e -> {
            Record order = e.record();
            Record note = new Record(e.app().collection("notifications"));
            note.set("message", "new order " + order.id() + " over " + order.getFloat("amount"));
            e.app().save(note);
            e.next();
        });

        app.onServe().bindFunc(se -> {
            ShopMiddlewares.bind(se.router());
            ShopRoutes.bind(se.router());
            se.next();
        });
        return app;
    }

    private static void ensureCollections(PocketBase app) {
        if (app.findCollection("orders").isPresent()) {
            return;
        }
        String users = app.collection("users").id();
        // signed-in users create and see their own orders
        app.save(Collection.builder().name("orders").type(Collection.BASE)
                .listRule("customer = @request.auth.id").viewRule("customer = @request.auth.id")
                .createRule("@request.auth.id != '' && customer = @request.auth.id")
                .fields(List.of(TextField.primaryKeyField(),
                        RelationField.builder("customer", users).required(true).build(),
                        NumberField.builder("amount").min(0).build(),
                        TextField.builder("status").build(),
                        AutodateField.builder("created").onCreate(true).build()))
                .build());
        app.save(Collection.builder().name("notifications").type(Collection.BASE)
                .fields(List.of(TextField.primaryKeyField(), TextField.builder("message").build(),
                        AutodateField.builder("created").onCreate(true).build()))
                .build());
    }
}
