/**
 * The SQLite database is private to the server's user: a new file (and the -wal and -shm files
 * SQLite makes beside it) is created 0600, in a folder created 0700; an existing file is not changed.
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db';
import { migrateToLatest } from '../../server/db/migrate';
import { testDatabaseKind } from '../helpers/database';

const mode = (path: string) => statSync(path).mode & 0o777;

describe.runIf(testDatabaseKind() === 'sqlite')('the SQLite database file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is created readable and writable by its owner only, with its WAL files and a new folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'relay-db-mode-'));
    dirs.push(root);
    const folder = join(root, 'data', 'nested');
    const file = join(folder, 'relay.db');
    // A permissive umask must not matter.
    const umask = process.umask(0o000);
    const database = openDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(database);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
      expect(mode(folder)).toBe(0o700);
    } finally {
      process.umask(umask);
      await database.close();
    }
  });

  it('leaves the mode of an existing file as it is', async () => {
    const root = mkdtempSync(join(tmpdir(), 'relay-db-mode-'));
    dirs.push(root);
    const file = join(root, 'relay.db');
    writeFileSync(file, '');
    chmodSync(file, 0o640);
    const database = openDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(database);
      expect(mode(file)).toBe(0o640);
    } finally {
      await database.close();
    }
  });
});
