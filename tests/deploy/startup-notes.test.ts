/**
 * What `npm run server` (server/main.ts) prints after "listening on": that the console is not built
 * and that no admin exists, each with the command to run, and nothing when both are there; with
 * single sign-on, that any extension's redirect gets codes until RELAY_EXTENSION_IDS is set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANY_EXTENSION, CONSOLE_NOT_BUILT, NO_ADMIN, NO_ADMIN_SSO, startupNotes } from '../../server/startup-notes';
import { cleanEnv, nodeScript, runCommand } from '../helpers/child-process';
import { startTestServer } from '../helpers/server';
import { manualLoadInstructions } from '../../scripts/extension';

const ROOT = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-notes-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('startupNotes', () => {
  it('names the missing console build, and nothing once index.html is there', async () => {
    const consoleDir = tempDir();
    const server = await startTestServer({ consoleDir });
    try {
      expect(await startupNotes(server)).toEqual([CONSOLE_NOT_BUILT]);
      writeFileSync(join(consoleDir, 'index.html'), '<!doctype html>');
      expect(await startupNotes(server)).toEqual([]);
      // Removing every admin brings the admin note.
      await server.deps.db.deleteFrom('admins').execute();
      expect(await startupNotes(server)).toEqual([NO_ADMIN]);
    } finally {
      await server.stop();
    }
  });
});

describe('startupNotes with single sign-on', () => {
  it('says any extension gets codes without RELAY_EXTENSION_IDS, and how the first admin comes with passwords off', async () => {
    const consoleDir = tempDir();
    writeFileSync(join(consoleDir, 'index.html'), '<!doctype html>');
    const sso = {
      issuer: 'http://127.0.0.1:9',
      clientId: 'relay',
      scopes: 'openid',
      claims: { name: 'name', email: 'email', groups: 'groups' },
      adminGroup: 'relay-admins',
      extensionIds: [],
    };
    const server = await startTestServer({ consoleDir, sso, passwordSignIn: false });
    try {
      expect(await startupNotes(server)).toEqual([ANY_EXTENSION]);
      await server.deps.db.deleteFrom('admins').execute();
      expect(await startupNotes(server)).toEqual([NO_ADMIN_SSO, ANY_EXTENSION]);
      server.deps.config = {
        ...server.deps.config,
        sso: { ...sso, extensionIds: ['abcdefghijklmnopabcdefghijklmnop'] },
      };
      expect(await startupNotes(server)).toEqual([NO_ADMIN_SSO]);
    } finally {
      await server.stop();
    }
  });
});

it('npm run server without an admin says so, with the command to add one', { timeout: 60_000 }, async () => {
  const server = runCommand(...nodeScript('server/main.ts'), {
    cwd: ROOT,
    env: cleanEnv({ PORT: '0', DATABASE_URL: `sqlite:${join(tempDir(), 'relay.db')}` }),
  });
  try {
    await server.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\n/, 45_000);
    await server.waitFor(/^No admin exists yet: add one with `npm run admin:add -- you@example\.com`/m, 10_000);
    expect(server.output()).toContain('RELAY_ADMIN_EMAIL and RELAY_ADMIN_PASSWORD');
  } finally {
    expect(await server.stop()).toBe(0);
  }
});

it("npm start's Firefox hint bakes the server URL in", () => {
  expect(manualLoadInstructions('http://127.0.0.1:8787')).toContain(
    'RELAY_SERVER_URL=http://127.0.0.1:8787 npm run build:firefox',
  );
});
