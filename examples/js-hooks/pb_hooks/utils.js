// A CommonJS module beside the hooks, loaded with require(`${__hooks}/utils.js`).
module.exports = {
    slugify: (text) => text.toLowerCase().trim().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""),
}
