/// <reference path="../pb_data/types.d.ts" />

// GET /api/hello/{name}?greeting=Hi -> {"message":"Hi name"}
routerAdd("GET", "/api/hello/{name}", (e) => {
    const name = e.request.pathValue("name")
    const greeting = e.request.url.query().get("greeting") || "Hello"
    return e.json(200, { message: `${greeting} ${name}` })
})

// Only signed-in users and superusers: who am I?
routerAdd("GET", "/api/me", (e) => {
    return e.json(200, { id: e.auth.id, collection: e.auth.collection().name })
}, $apis.requireAuth())

// Every new post gets a slug from its title; a title "spam" is refused with a 400 the SDK sees.
onRecordCreate((e) => {
    const utils = require(`${__hooks}/utils.js`)
    const title = e.record.getString("title")
    if (title.toLowerCase() === "spam") {
        throw new BadRequestError("Spam is not welcome.", { title: { code: "spam", message: "Choose another title." } })
    }
    e.record.set("slug", utils.slugify(title))
    e.next()
}, "posts")

// Counts the posts every minute into the app log (Dashboard > Logs).
cronAdd("countPosts", "* * * * *", () => {
    $app.logger().info("posts", "count", $app.countRecords("posts"))
})

// GET /posts?q=js -> an HTML page: a $dbx query into DynamicModels, rendered with Go template files
routerAdd("GET", "/posts", (e) => {
    const q = e.request.url.query().get("q")
    const posts = arrayOf(new DynamicModel({ title: "", slug: "" }))
    $app.db().select("title", "slug").from("posts")
        .where($dbx.or($dbx.like("title", q), $dbx.like("slug", q)))
        .orderBy("title ASC").limit(50).all(posts)
    const html = $template.loadFiles(`${__hooks}/views/layout.html`, `${__hooks}/views/posts.html`).render({ q, posts })
    return e.html(200, html)
})
