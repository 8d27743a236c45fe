// The pre-v0.23 style runs unchanged: `c` handlers, `:param` routes, (next) => (c) => next(c) middlewares.
routerAdd("GET", "/legacy/hello/:name", (c) => {
    return c.json(200, { message: "Hello " + c.pathParam("name") })
}, (next) => (c) => {
    c.response().header().set("X-Legacy", "1")
    return next(c)
})

routerAdd("GET", "/legacy/admin", (c) => {
    return c.json(200, { admin: c.get("admin").id })
}, $apis.requireAdminAuth())
