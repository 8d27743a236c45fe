// pb4j's JavaScript globals, PocketBase's JSVM API over the host object __pb (see Registrar.java).
(function (pb) {
    const g = globalThis;
    const def = (name, value) => Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });

    def("__hooks", pb.hooksDir);
    def("$app", pb.app);
    def("$apis", pb.apis);
    def("$security", pb.security);
    def("$http", pb.http);
    def("$os", pb.os);
    def("$filesystem", pb.filesystem);
    def("$template", pb.template);
    def("$mails", pb.mails);
    def("$dbx", pb.dbx);
    def("$filepath", pb.filepath);

    def("routerAdd", (method, path, handler, ...middlewares) => pb.routerAdd(method, path, handler, middlewares));
    def("routerUse", (...middlewares) => pb.routerUse(middlewares));
    def("routerPre", (...middlewares) => pb.routerUse(middlewares));
    def("cronAdd", (id, expr, handler) => pb.cronAdd(id, expr, handler));
    def("cronRemove", (id) => pb.cronRemove(id));
    def("migrate", (up, down) => pb.migrate(up, down === undefined ? null : down));
    def("sleep", (ms) => pb.sleep(ms));

    // every hook the app offers, OnRecordCreate -> onRecordCreate(handler, ...tags)
    for (const name of pb.hookNames()) {
        def("o" + name.slice(1), (handler, ...tags) => pb.hook(name, handler, tags, 0));
    }
    // pre-v0.23 names: "before" hooks continue after the handler, "after" hooks run it after the action
    const old = {
        onRecordBeforeCreateRequest: ["OnRecordCreateRequest", 1], onRecordAfterCreateRequest: ["OnRecordCreateRequest", 2],
        onRecordBeforeUpdateRequest: ["OnRecordUpdateRequest", 1], onRecordAfterUpdateRequest: ["OnRecordUpdateRequest", 2],
        onRecordBeforeDeleteRequest: ["OnRecordDeleteRequest", 1], onRecordAfterDeleteRequest: ["OnRecordDeleteRequest", 2],
        onModelBeforeCreate: ["OnRecordCreate", 1], onModelAfterCreate: ["OnRecordAfterCreateSuccess", 1],
        onModelBeforeUpdate: ["OnRecordUpdate", 1], onModelAfterUpdate: ["OnRecordAfterUpdateSuccess", 1],
        onModelBeforeDelete: ["OnRecordDelete", 1], onModelAfterDelete: ["OnRecordAfterDeleteSuccess", 1],
        onRecordAuthRequest: ["OnRecordAuthWithPasswordRequest", 2],
    };
    for (const [name, [hook, style]] of Object.entries(old)) {
        if (!(name in g)) {
            def(name, (handler, ...tags) => pb.hook(hook, handler, tags, style));
        }
    }

    def("toString", (value, maxBytes) => {
        if (value === null || value === undefined) {
            return "";
        }
        if (typeof value === "string") {
            return value;
        }
        if (pb.isBytes(value)) {
            return pb.bytesToString(value);
        }
        if (typeof value === "object") {
            return JSON.stringify(value);
        }
        return String(value);
    });
    def("readerToString", (reader, maxBytes) => g.toString(reader, maxBytes));

    def("DynamicModel", function DynamicModel(shape) {
        Object.assign(this, shape || {});
    });
    def("arrayOf", (model) => {
        const list = [];
        Object.defineProperty(list, "__pbModel", { value: model, enumerable: false });
        return list;
    });
    // PocketBase's nullable model fields: null until a query fills them, typed when it does
    class PbNull {
        constructor(kind) { Object.defineProperty(this, "__pbNull", { value: kind, enumerable: false }); }
        toJSON() { return null; }
    }
    def("nullString", () => new PbNull("string"));
    def("nullInt", () => new PbNull("int"));
    def("nullFloat", () => new PbNull("float"));
    def("nullBool", () => new PbNull("bool"));
    def("nullArray", () => new PbNull("array"));
    def("nullObject", () => new PbNull("object"));
    def("MailerMessage", function MailerMessage(data) {
        Object.assign(this, { from: { address: "", name: "" }, to: [], bcc: [], cc: [], subject: "", html: "", text: "", headers: {} }, data || {});
    });
    def("Record", function Record(collection, data) {
        if (collection === undefined || collection === null) {
            return {}; // a model for arrayOf(new Record): pb4j's records always belong to a collection
        }
        return pb.newRecord(collection, data === undefined ? null : data);
    });
    def("Collection", function Collection(data) {
        return pb.newCollection(data || {});
    });
    def("FieldsList", function FieldsList(data) {
        return pb.newFieldsList(data || []);
    });
    def("Field", function Field(data) {
        return pb.newField(null, data || {});
    });
    const fieldTypes = {
        NumberField: "number", BoolField: "bool", TextField: "text", URLField: "url", EmailField: "email",
        EditorField: "editor", PasswordField: "password", DateField: "date", AutodateField: "autodate",
        JSONField: "json", RelationField: "relation", SelectField: "select", FileField: "file", GeoPointField: "geoPoint",
    };
    for (const [name, type] of Object.entries(fieldTypes)) {
        def(name, function (data) { return pb.newField(type, data || {}); });
    }
    def("DateTime", function DateTime(date, location) {
        return pb.newDateTime(date ? String(date) : "", location ? String(location) : "");
    });
    // Go's encoding/json round trip into a collection, a field or a plain object
    def("unmarshal", (data, dst) => {
        const plain = JSON.parse(JSON.stringify(data === undefined ? null : data));
        if (dst !== null && typeof dst === "object" && plain !== null && typeof plain === "object" && !pb.unmarshal(plain, dst)) {
            Object.assign(dst, plain);
        }
    });

    // Go's http.Cookie; sameSite: 1 default, 2 Lax, 3 Strict, 4 None (http.SameSite)
    const sameSiteNames = { 2: "Lax", 3: "Strict", 4: "None" };
    class Cookie {
        constructor(options) {
            Object.assign(this, { name: "", value: "", quoted: false, path: "", domain: "", expires: null, rawExpires: "",
                maxAge: 0, secure: false, httpOnly: false, sameSite: 0, partitioned: false, raw: "", unparsed: null }, options || {});
        }
        string() {
            if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(this.name || "")) {
                return "";
            }
            let value = String(this.value || "").split("").filter((c) => c >= " " && c <= "~" && c !== '"' && c !== ";" && c !== "\\").join("");
            if (this.quoted || value.includes(" ") || value.includes(",")) {
                value = '"' + value + '"';
            }
            let out = this.name + "=" + value;
            if (this.path) out += "; Path=" + String(this.path).split("").filter((c) => c >= " " && c <= "~" && c !== ";").join("");
            if (this.domain) out += "; Domain=" + (this.domain[0] === "." ? this.domain.slice(1) : this.domain);
            const expires = this.expires ? new Date(typeof this.expires === "string" ? this.expires : this.expires.valueOf()) : null;
            if (expires && !isNaN(expires) && expires.getUTCFullYear() >= 1601) out += "; Expires=" + expires.toUTCString();
            if (this.maxAge > 0) out += "; Max-Age=" + Math.floor(this.maxAge);
            else if (this.maxAge < 0) out += "; Max-Age=0";
            if (this.httpOnly) out += "; HttpOnly";
            if (this.secure) out += "; Secure";
            if (sameSiteNames[this.sameSite]) out += "; SameSite=" + sameSiteNames[this.sameSite];
            if (this.partitioned) out += "; Partitioned";
            return out;
        }
        valid() {
            return this.string() !== "";
        }
    }
    Object.defineProperty(Cookie.prototype, "__pbCookie", { value: true });
    def("Cookie", Cookie);

    // PocketBase's FormData for $http.send: string values and $filesystem files, sent as multipart/form-data
    class FormData {
        constructor() {
            Object.defineProperty(this, "__pbFormData", { value: new Map() });
        }
        append(key, value) {
            const m = this.__pbFormData;
            m.set(key, (m.get(key) || []).concat([value]));
        }
        set(key, value) { this.__pbFormData.set(key, [value]); }
        delete(key) { this.__pbFormData.delete(key); }
        get(key) {
            const v = this.__pbFormData.get(key);
            return v && v.length ? v[0] : null;
        }
        getAll(key) { return this.__pbFormData.has(key) ? this.__pbFormData.get(key) : null; }
        has(key) {
            const v = this.__pbFormData.get(key);
            return !!v && v.length > 0;
        }
        keys() { return Array.from(this.__pbFormData.keys()); }
        values() { return Array.from(this.__pbFormData.values()).flat(); }
        entries() {
            const out = [];
            for (const [k, vs] of this.__pbFormData) for (const v of vs) out.push([k, v]);
            return out;
        }
    }
    def("FormData", FormData);

    // PocketBase's inflector.Sentenize: "test" -> "Test."
    const sentenize = (text) => {
        const t = String(text || "").trim();
        if (t === "") {
            return "";
        }
        const up = t[0].toUpperCase() + t.slice(1);
        return /[.?!]$/.test(up) ? up : up + ".";
    };
    class ApiError extends Error {
        constructor(status, message, data) {
            super(sentenize(message));
            this.status = status | 0;
            this.message = sentenize(message);
            this.data = data === undefined ? null : data;
            this.__pbApiError = true;
        }
    }
    class BadRequestError extends ApiError {
        constructor(message, data) { super(400, message || "Something went wrong while processing your request.", data); }
    }
    class NotFoundError extends ApiError {
        constructor(message, data) { super(404, message || "The requested resource wasn't found.", data); }
    }
    class ForbiddenError extends ApiError {
        constructor(message, data) { super(403, message || "You are not allowed to perform this request.", data); }
    }
    class UnauthorizedError extends ApiError {
        constructor(message, data) { super(401, message || "Missing or invalid authentication.", data); }
    }
    class TooManyRequestsError extends ApiError {
        constructor(message, data) { super(429, message || "Too Many Requests.", data); }
    }
    class InternalServerError extends ApiError {
        constructor(message, data) { super(500, message || "Something went wrong while processing your request.", data); }
    }
    def("ApiError", ApiError);
    def("BadRequestError", BadRequestError);
    def("NotFoundError", NotFoundError);
    def("ForbiddenError", ForbiddenError);
    def("UnauthorizedError", UnauthorizedError);
    def("TooManyRequestsError", TooManyRequestsError);
    def("InternalServerError", InternalServerError);
})(__pb);
