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
  function send(config: { url: string; method?: string; body?: string; headers?: { [key: string]: string }; timeout?: number }): {
    statusCode: number; headers: { [key: string]: string[] }; cookies: { [key: string]: string }; raw: string; json: any;
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
  constructor(data?: { from?: MailAddress; to?: MailAddress[]; cc?: MailAddress[]; bcc?: MailAddress[]; subject?: string; html?: string; text?: string; headers?: { [key: string]: string } });
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
