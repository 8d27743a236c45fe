/// <reference path="../pb_data/types.d.ts" />

// Creates the "posts" collection the hooks below use; `pb4j migrate down 1` removes it again.
migrate((app) => {
    app.save(new Collection({
        type: "base",
        name: "posts",
        listRule: "",
        viewRule: "",
        createRule: "",
        fields: [
            { type: "text", name: "title", required: true },
            { type: "text", name: "slug" },
        ],
    }))
}, (app) => {
    app.delete(app.findCollectionByNameOrId("posts"))
})
