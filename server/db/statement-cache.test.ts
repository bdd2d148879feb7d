import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache';

describe('StatementCache', () => {
  let database: SQLite.Database;
  beforeEach(() => {
    database = new SQLite(':memory:');
    database.exec('create table t (a integer)');
  });
  afterEach(() => database.close());

  it('prepares a statement once and hands it out again', () => {
    const cache = new StatementCache(database);
    const first = cache.prepare('select a from t');
    expect(cache.prepare('select a from t')).toBe(first);
    cache.prepare('insert into t (a) values (?)').run(1);
    cache.prepare('insert into t (a) values (?)').run(2);
    expect(cache.prepare('select a from t').all()).toEqual([{ a: 1 }, { a: 2 }]);
    expect(cache.count).toBe(2);
  });

  it('keeps the newest used and drops the least recently used past its size', () => {
    const cache = new StatementCache(database, 2);
    const one = cache.prepare('select 1');
    const two = cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(one);
    cache.prepare('select 3');
    expect(cache.count).toBe(2);
    expect(cache.prepare('select 1')).toBe(one);
    expect(cache.prepare('select 2')).not.toBe(two);
  });

  it('empties itself on a schema change, and kept statements see the new schema', () => {
    const cache = new StatementCache(database);
    const select = cache.prepare('select * from t');
    cache.prepare('insert into t (a) values (?)').run(1);
    cache.prepare('alter table t add column b text').run();
    expect(cache.count).toBe(0);
    cache.prepare('update t set b = ?').run('x');
    expect(cache.prepare('select * from t').all()).toEqual([{ a: 1, b: 'x' }]);
    // One kept from before the change is prepared again by SQLite when it runs.
    expect(select.all()).toEqual([{ a: 1, b: 'x' }]);
  });
});
