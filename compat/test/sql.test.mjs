import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PB_STORE, guest, rejects, superuser, uniqueName } from './helpers.mjs';

// pb.sql.run() (SDK 0.27+) against POST /api/sql. The table has a name of its own: other test files run at the
// same time against the same server.
let pb;
const table = uniqueName('sql_t');

before(async () => {
    pb = await superuser();
});

after(async () => {
    await pb.sql.run(`drop table if exists ${table}`).catch(() => {});
});

test('a write script runs in one transaction and reports the rows it changed', async () => {
    const created = await pb.sql.run(`create table ${table}(id int primary key, name text); `
        + `insert into ${table} values (1, 'one'), (2, 'two')`);
    assert.equal(created.affectedRows, 2);
    assert.deepEqual(created.columns, []);
    assert.deepEqual(created.rows, []);
    assert.equal(typeof created.execTime, 'number');
});

test('a read answers its columns with their declared types and every value as text', async () => {
    const result = await pb.sql.run(`select id, name, id * 1.5 as scaled from ${table} order by id`);
    // PostgreSQL declares its own types (an integer primary key is INTEGER NOT NULL, an expression has a type)
    assert.deepEqual(result.columns, PB_STORE === 'postgres' ? [
        { name: 'id', type: 'INTEGER', nullable: false },
        { name: 'name', type: 'TEXT', nullable: true },
        { name: 'scaled', type: 'REAL', nullable: true },
    ] : [
        { name: 'id', type: 'INT', nullable: true },
        { name: 'name', type: 'TEXT', nullable: true },
        { name: 'scaled', type: '', nullable: true },
    ]);
    assert.deepEqual(result.rows, [['1', 'one', '1.5'], ['2', 'two', '3']]);
    assert.equal(result.affectedRows, 0);
});

test('a failing script is rolled back and answers 400 with the raw SQLite error', async () => {
    const err = await rejects(pb.sql.run(`insert into ${table} values (3, 'three'); insert into nowhere values (1)`), 400);
    assert.match(err.response.message, PB_STORE === 'postgres'
        ? /^Failed to execute query\. Raw error:\nrelation "nowhere" does not exist\.$/
        : /^Failed to execute query\. Raw error:\nSQL logic error: no such table: nowhere \(1\)\.$/);
    const count = await pb.sql.run(`select count(*) as n from ${table}`);
    assert.deepEqual(count.rows, [['2']]);
});

test('only superusers may run SQL', async () => {
    await rejects(guest().sql.run('select 1'), 401);
});
