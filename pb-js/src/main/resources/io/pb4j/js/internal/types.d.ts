// Declarations of pb4j's JavaScript hooks API (pb_hooks/*.pb.js, pb_migrations/*.js), written by pb4j for editors.
// Reference it from a hook file with:  /// <reference path="../pb_data/types.d.ts" />

declare var __hooks: string;

interface PbRecord {
  id: string;
  collection(): PbCollection;
  get(field: string): any;
  set(field: string, value: any): PbRecord;
  getString(field: string): string;
  getBool(field: string): boolean;
  getInt(field: string): number;
  getFloat(field: string): number;
  getDateTime(field: string): string;
  getStringSlice(field: string): string[];
  email(): string;
  setEmail(email: string): void;
  setVerified(verified: boolean): void;
  setPassword(password: string): PbRecord;
  validatePassword(password: string): boolean;
  isNew(): boolean;
  original(): { [key: string]: any };
  publicExport(): { [key: string]: any };
  load(data: { [key: string]: any }): void;
  newAuthToken(): string;
}

interface PbCollection {
  id: string;
  name: string;
  type: string;
  system: boolean;
}

interface PbRequest {
  method: string;
  host: string;
  remoteAddr: string;
  url: { path: string; rawQuery: string; query(): { get(name: string): string; has(name: string): boolean } };
  header: { get(name: string): string; values(name: string): string[] };
  pathValue(name: string): string;
}

interface PbRequestInfo {
  auth: PbRecord | null;
  method: string;
  query: { [key: string]: string };
  headers: { [key: string]: string };
  body: { [key: string]: any };
  context: string;
  hasSuperuserAuth(): boolean;
}

interface PbRequestEvent {
  app: PbApp;
  auth: PbRecord | null;
  request: PbRequest;
  next(): void;
  json(status: number, data: any): void;
  string(status: number, text: string): void;
  html(status: number, html: string): void;
  blob(status: number, contentType: string, bytes: number[] | string): void;
  noContent(status: number): void;
  redirect(status: number, url: string): void;
  realIP(): string;
  hasSuperuserAuth(): boolean;
  requestInfo(): PbRequestInfo;
  bindBody(target: object): void;
  findUploadedFiles(key: string): PbFile[];
  get(key: string): any;
  set(key: string, value: any): void;
}

interface PbHookEvent {
  app: PbApp;
  next(): void;
  [key: string]: any;
}

interface PbRecordEvent extends PbHookEvent {
  record: PbRecord;
}

interface PbQuery {
  bind(params: { [key: string]: any }): PbQuery;
  execute(): { rowsAffected: number };
  one(target: object): void;
  all(target: any[]): void;
}

interface PbApp {
  findCollectionByNameOrId(nameOrId: string): PbCollection;
  findRecordById(collection: string | PbCollection, id: string): PbRecord;
  findRecordsByIds(collection: string, ids: string[]): PbRecord[];
  findFirstRecordByFilter(collection: string, filter: string, params?: { [key: string]: any }): PbRecord;
  findRecordsByFilter(collection: string, filter: string, sort?: string, limit?: number, offset?: number, params?: { [key: string]: any }): PbRecord[];
  findFirstRecordByData(collection: string, field: string, value: any): PbRecord;
  findAllRecords(collection: string): PbRecord[];
  findAuthRecordByEmail(collection: string, email: string): PbRecord;
  countRecords(collection: string, filter?: string, params?: { [key: string]: any }): number;
  save(model: PbRecord | PbCollection): void;
  delete(model: PbRecord | PbCollection): void;
  validate(record: PbRecord): void;
  runInTransaction(fn: (txApp: PbApp) => void): void;
  db(): { newQuery(sql: string): PbQuery; select(...columns: string[]): PbSelectQuery };
  recordQuery(collection: string | PbCollection): PbSelectQuery;
  findAllRecords(collection: string | PbCollection, ...exprs: DbxExpression[]): PbRecord[];
  newMailClient(): { send(message: MailerMessage): void };
  settings(): { [key: string]: any };
  logger(): { debug(msg: string, ...attrs: any[]): void; info(msg: string, ...attrs: any[]): void; warn(msg: string, ...attrs: any[]): void; error(msg: string, ...attrs: any[]): void };
  dataDir(): string;
  isDev(): boolean;
}

interface DbxExpression { readonly __dbx?: never }
interface PbSelectQuery {
  select(...columns: string[]): PbSelectQuery; andSelect(...columns: string[]): PbSelectQuery; distinct(on: boolean): PbSelectQuery;
  from(...tables: string[]): PbSelectQuery; where(e: DbxExpression): PbSelectQuery; andWhere(e: DbxExpression): PbSelectQuery;
  orWhere(e: DbxExpression): PbSelectQuery; orderBy(...cols: string[]): PbSelectQuery; andOrderBy(...cols: string[]): PbSelectQuery;
  groupBy(...cols: string[]): PbSelectQuery; having(e: DbxExpression): PbSelectQuery; limit(n: number): PbSelectQuery;
  offset(n: number): PbSelectQuery; bind(params: { [key: string]: any }): PbSelectQuery; build(): PbQuery;
  all(result: any[]): void; one(result: any): void;
}

type PbMiddleware = ((e: PbRequestEvent) => void) | { id?: string; priority?: number; func: (e: PbRequestEvent) => void };

declare var $app: PbApp;
declare function routerAdd(method: string, path: string, handler: (e: PbRequestEvent) => any, ...middlewares: PbMiddleware[]): void;
declare function routerUse(...middlewares: PbMiddleware[]): void;
declare function cronAdd(id: string, expression: string, handler: () => void): void;
declare function cronRemove(id: string): void;
declare function migrate(up: (app: PbApp) => void, down?: (app: PbApp) => void): void;
declare function sleep(milliseconds: number): void;
declare function toString(value: any, maxBytes?: number): string;
declare function readerToString(reader: any, maxBytes?: number): string;
declare function arrayOf<T>(model: T): T[];

declare function onBootstrap(handler: (e: PbHookEvent) => void): void;
declare function onServe(handler: (e: PbHookEvent) => void): void;
declare function onTerminate(handler: (e: PbHookEvent) => void): void;
declare function onRecordValidate(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordCreate(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordCreateExecute(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordAfterCreateSuccess(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordUpdate(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordUpdateExecute(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordAfterUpdateSuccess(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordDelete(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordDeleteExecute(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordAfterDeleteSuccess(handler: (e: PbRecordEvent) => void, ...tags: string[]): void;
declare function onRecordsListRequest(handler: (e: PbHookEvent & PbRequestEvent) => void, ...tags: string[]): void;
declare function onRecordViewRequest(handler: (e: PbHookEvent & PbRequestEvent) => void, ...tags: string[]): void;
declare function onRecordCreateRequest(handler: (e: PbHookEvent & PbRequestEvent) => void, ...tags: string[]): void;
declare function onRecordUpdateRequest(handler: (e: PbHookEvent & PbRequestEvent) => void, ...tags: string[]): void;
declare function onRecordDeleteRequest(handler: (e: PbHookEvent & PbRequestEvent) => void, ...tags: string[]): void;
declare function onMailerSend(handler: (e: PbHookEvent) => void): void;

declare class Record implements PbRecord {
  constructor(collection: PbCollection, data?: { [key: string]: any });
  id: string;
  collection(): PbCollection; get(field: string): any; set(field: string, value: any): PbRecord;
  getString(field: string): string; getBool(field: string): boolean; getInt(field: string): number;
  getFloat(field: string): number; getDateTime(field: string): string; getStringSlice(field: string): string[];
  email(): string; setEmail(email: string): void; setVerified(verified: boolean): void;
  setPassword(password: string): PbRecord; validatePassword(password: string): boolean; isNew(): boolean;
  original(): { [key: string]: any }; publicExport(): { [key: string]: any }; load(data: { [key: string]: any }): void;
  newAuthToken(): string;
}
declare class Collection implements PbCollection {
  constructor(data?: { [key: string]: any });
  id: string; name: string; type: string; system: boolean;
  listRule: string | null; viewRule: string | null; createRule: string | null; updateRule: string | null; deleteRule: string | null;
  fields: FieldsList; indexes: string[];
  isAuth(): boolean; isBase(): boolean; isView(): boolean;
  addIndex(name: string, unique: boolean, columnsExpr: string, optWhereExpr?: string): void;
  removeIndex(name: string): void; getIndex(name: string): string;
  [key: string]: any;
}
interface PbField {
  id: string; name: string; system: boolean; hidden: boolean; presentable: boolean; [option: string]: any;
  type(): string; getId(): string; setId(id: string): void; getName(): string; setName(name: string): void;
  getSystem(): boolean; setSystem(v: boolean): void; getHidden(): boolean; setHidden(v: boolean): void;
}
declare class FieldsList extends Array<PbField> {
  constructor(fields?: Array<{ [key: string]: any }>);
  add(...fields: PbField[]): void; addAt(pos: number, ...fields: PbField[]): void;
  addMarshaledJSON(raw: string): void; addMarshaledJSONAt(pos: number, raw: string): void;
  getById(id: string): PbField | null; getByName(name: string): PbField | null;
  removeById(id: string): void; removeByName(name: string): void; fieldNames(): string[]; asMap(): { [name: string]: PbField };
}
declare class Field implements PbField { constructor(data: { type: string; [key: string]: any }); [option: string]: any; type(): string; getId(): string; setId(id: string): void; getName(): string; setName(name: string): void; getSystem(): boolean; setSystem(v: boolean): void; getHidden(): boolean; setHidden(v: boolean): void; id: string; name: string; system: boolean; hidden: boolean; presentable: boolean; }
declare class NumberField extends Field { constructor(data?: { [key: string]: any }); }
declare class BoolField extends Field { constructor(data?: { [key: string]: any }); }
declare class TextField extends Field { constructor(data?: { [key: string]: any }); }
declare class URLField extends Field { constructor(data?: { [key: string]: any }); }
declare class EmailField extends Field { constructor(data?: { [key: string]: any }); }
declare class EditorField extends Field { constructor(data?: { [key: string]: any }); }
declare class PasswordField extends Field { constructor(data?: { [key: string]: any }); }
declare class DateField extends Field { constructor(data?: { [key: string]: any }); }
declare class AutodateField extends Field { constructor(data?: { [key: string]: any }); }
declare class JSONField extends Field { constructor(data?: { [key: string]: any }); }
declare class RelationField extends Field { constructor(data?: { [key: string]: any }); }
declare class SelectField extends Field { constructor(data?: { [key: string]: any }); }
declare class FileField extends Field { constructor(data?: { [key: string]: any }); }
declare class GeoPointField extends Field { constructor(data?: { [key: string]: any }); }
declare function unmarshal(data: any, dst: any): void;

/** A UTC date, written 2006-01-02 15:04:05.000Z; durations are nanoseconds, as Go's. */
declare class DateTime {
  constructor(date?: string, defaultParseInLocation?: string);
  add(nanoseconds: number): DateTime; sub(u: DateTime): number; addDate(years: number, months: number, days: number): DateTime;
  after(u: DateTime): boolean; before(u: DateTime): boolean; compare(u: DateTime): number; equal(u: DateTime): boolean;
  unix(): number; isZero(): boolean; string(): string; marshalJSON(): string; value(): string;
}
/** Go's http.Cookie; sameSite: 1 default, 2 Lax, 3 Strict, 4 None. */
declare class Cookie {
  constructor(options?: { name?: string; value?: string; path?: string; domain?: string; expires?: Date; maxAge?: number;
    secure?: boolean; httpOnly?: boolean; sameSite?: number; partitioned?: boolean; quoted?: boolean });
  name: string; value: string; path: string; domain: string; maxAge: number; secure: boolean; httpOnly: boolean; sameSite: number;
  string(): string; valid(): boolean;
}
/** A multipart/form-data body for $http.send: string values and $filesystem files. */
declare class FormData {
  append(key: string, value: any): void; set(key: string, value: any): void; delete(key: string): void;
  get(key: string): any; getAll(key: string): any[] | null; has(key: string): boolean;
  keys(): string[]; values(): any[]; entries(): any[][];
}

declare namespace $filepath {
  function base(path: string): string;
  function clean(path: string): string;
  function dir(path: string): string;
  function ext(path: string): string;
  function fromSlash(path: string): string;
  function glob(pattern: string): string[];
  function isAbs(path: string): boolean;
  function join(...elem: string[]): string;
  function match(pattern: string, name: string): boolean;
  function rel(basepath: string, targpath: string): string;
  function split(path: string): [string, string];
  function splitList(path: string): string[];
  function toSlash(path: string): string;
  function walk(root: string, fn: (path: string, info: { name(): string; isDir(): boolean }, err: any) => any): void;
  function walkDir(root: string, fn: (path: string, d: { name(): string; isDir(): boolean }, err: any) => any): void;
}
declare class DynamicModel {
  constructor(shape?: { [key: string]: any });
  [key: string]: any;
}
declare class ApiError extends Error {
  constructor(status?: number, message?: string, data?: any);
  status: number;
  data: any;
}
declare class BadRequestError extends ApiError { constructor(message?: string, data?: any); }
declare class NotFoundError extends ApiError { constructor(message?: string, data?: any); }
declare class ForbiddenError extends ApiError { constructor(message?: string, data?: any); }
declare class UnauthorizedError extends ApiError { constructor(message?: string, data?: any); }
declare class TooManyRequestsError extends ApiError { constructor(message?: string, data?: any); }
declare class InternalServerError extends ApiError { constructor(message?: string, data?: any); }

declare namespace $apis {
  function requireAuth(...collections: string[]): PbMiddleware;
  function requireSuperuserAuth(): PbMiddleware;
  function requireGuestOnly(): PbMiddleware;
  function requireSuperuserOrOwnerAuth(ownerIdParam?: string): PbMiddleware;
  function requireSameCollectionContextAuth(collectionParam?: string): PbMiddleware;
  function bodyLimit(bytes: number): PbMiddleware;
  function gzip(): PbMiddleware;
  function skipSuccessActivityLog(): PbMiddleware;
  function static(dir: string, indexFallback: boolean): (e: PbRequestEvent) => void;
  function recordAuthResponse(e: PbRequestEvent, record: PbRecord, authMethod: string, meta?: any): void;
}

declare namespace $security {
  function randomString(length: number): string;
  function randomStringWithAlphabet(length: number, alphabet: string): string;
  /** A random string matching a Go regexp; flags as Go's syntax.Flags (Perl when none). */
  function randomStringByRegex(pattern: string, ...flags: number[]): string;
  function pseudorandomString(length: number): string;
  function md5(text: string): string;
  function sha256(text: string): string;
  function sha512(text: string): string;
  function hs256(text: string, secret: string): string;
  function hs512(text: string, secret: string): string;
  function equal(a: string, b: string): boolean;
  function createJWT(payload: { [key: string]: any }, secret: string, durationSeconds: number): string;
  function parseUnverifiedJWT(token: string): { [key: string]: any };
  function parseJWT(token: string, secret: string): { [key: string]: any };
  function encrypt(data: string, key: string): string;
  function decrypt(cipherText: string, key: string): string;
}

declare namespace $http {
  function send(config: { url: string; method?: string; body?: string | FormData; data?: { [key: string]: any }; headers?: { [key: string]: string }; timeout?: number }): {
    statusCode: number; headers: { [key: string]: string[] }; cookies: { [key: string]: { name: string; value: string; [attr: string]: any } };
    raw: string; body: number[]; json: any;
  };
}

declare namespace $os {
  function getenv(name: string): string;
  function readFile(path: string): number[];
  function writeFile(path: string, data: string | number[], perm?: number): void;
  function readDir(path: string): { name(): string; isDir(): boolean }[];
  function mkdir(path: string, perm?: number): void;
  function mkdirAll(path: string, perm?: number): void;
  function remove(path: string): void;
  function removeAll(path: string): void;
  function tempDir(): string;
  function getwd(): string;
  function cmd(name: string, ...args: string[]): PbCmd;
  /** @deprecated use cmd */
  function exec(name: string, ...args: string[]): PbCmd;
}

interface PbFile {
  name(): string;
  originalName(): string;
  size(): number;
}

declare namespace $filesystem {
  function fileFromPath(path: string): PbFile;
  function fileFromBytes(bytes: string | number[], name: string): PbFile;
  function fileFromURL(url: string, timeoutSeconds?: number): PbFile;
  function fileFromMultipart(file: PbFile): PbFile;
}

declare namespace $template {
  function loadString(text: string): { render(data: any): string };
  function loadFiles(...paths: string[]): { render(data: any): string };
}

declare var $dbx: {
  exp(sql: string, params?: { [key: string]: any }): DbxExpression;
  hashExp(data: { [column: string]: any }): DbxExpression;
  not(e: DbxExpression): DbxExpression;
  and(...exprs: DbxExpression[]): DbxExpression;
  or(...exprs: DbxExpression[]): DbxExpression;
  in(column: string, ...values: any[]): DbxExpression;
  notIn(column: string, ...values: any[]): DbxExpression;
  like(column: string, ...values: string[]): DbxExpression;
  notLike(column: string, ...values: string[]): DbxExpression;
  orLike(column: string, ...values: string[]): DbxExpression;
  orNotLike(column: string, ...values: string[]): DbxExpression;
  between(column: string, from: any, to: any): DbxExpression;
  notBetween(column: string, from: any, to: any): DbxExpression;
  exists(e: DbxExpression): DbxExpression;
  notExists(e: DbxExpression): DbxExpression;
};

declare namespace $mails {
  function sendRecordPasswordReset(app: PbApp, record: PbRecord): void;
  function sendRecordVerification(app: PbApp, record: PbRecord): void;
  function sendRecordChangeEmail(app: PbApp, record: PbRecord, newEmail: string): void;
  function sendRecordOTP(app: PbApp, record: PbRecord, otpId: string, password: string): void;
  function sendRecordAuthAlert(app: PbApp, record: PbRecord, info: string): void;
}

interface MailAddress { address: string; name?: string }
declare class MailerMessage {
  constructor(data?: { from?: MailAddress; to?: MailAddress[]; cc?: MailAddress[]; bcc?: MailAddress[]; subject?: string; html?: string; text?: string; headers?: { [key: string]: string }; attachments?: { [fileName: string]: any } });
  from: MailAddress; to: MailAddress[]; cc: MailAddress[]; bcc: MailAddress[];
  subject: string; html: string; text: string; headers: { [key: string]: string };
}

interface PbCmd {
  dir: string;
  env: string[];
  output(): number[];
  combinedOutput(): number[];
  run(): void;
  string(): string;
}
