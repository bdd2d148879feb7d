/**
 * The admin CLI (`npm run admin:add -- <email>` → server/cli.ts add-admin <email>) run as a real
 * child process against the running server's database: the added admin can sign in.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeScript } from '../helpers/child-process';
import { expectProblem, signIn } from '../helpers/api';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(server: TestServer, args: string[], options: { password?: string; stdin?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: server.database_.url };
    delete env.RELAY_ADMIN_EMAIL;
    delete env.RELAY_ADMIN_PASSWORD;
    if (options.password !== undefined) env.RELAY_ADMIN_PASSWORD = options.password;
    const child = spawn(...nodeScript('server/cli.ts', ...args), { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

describe('admin CLI', () => {
  let server: TestServer;
  let fromEnv: Run;
  let fromStdin: Run;
  let usage: Run;
  let shortPassword: Run;
  let badEmail: Run;
  let duplicates: Run[];
  let withRole: Run;
  let badRole: Run;

  // Child processes start slowly on a busy machine; they run side by side.
  beforeAll(async () => {
    server = await startTestServer();
    let duplicate: Run;
    let duplicateUpper: Run;
    [fromEnv, fromStdin, usage, shortPassword, badEmail, duplicate, duplicateUpper, withRole, badRole] =
      await Promise.all([
        cli(server, ['add-admin', 'Second@Relay.test'], { password: 'second admin password' }),
        cli(server, ['add-admin', 'third@relay.test'], { stdin: 'third admin password\n' }),
        cli(server, ['add-admin']),
        cli(server, ['add-admin', 'short@relay.test'], { password: 'short' }),
        cli(server, ['add-admin', 'not an email'], { password: 'long enough password' }),
        // The test server made ADMIN_EMAIL at start-up.
        cli(server, ['add-admin', ADMIN_EMAIL], { password: 'another password' }),
        cli(server, ['add-admin', ADMIN_EMAIL.toUpperCase()], { password: 'another password' }),
        cli(server, ['add-admin', 'editor@relay.test', '--role', 'editor'], { password: 'editor admin password' }),
        cli(server, ['add-admin', 'boss@relay.test', '--role=boss'], { password: 'boss admin password' }),
      ]);
    duplicates = [duplicate, duplicateUpper];
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('adds an admin with the password from RELAY_ADMIN_PASSWORD, who can then sign in', async () => {
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).toMatch(/added admin second@relay\.test \(id \S+\)/);
    const response = await signIn(server, 'second@relay.test', 'second admin password');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { admin: { email: string } }).admin.email).toBe('second@relay.test');
    await expectProblem(await signIn(server, 'second@relay.test', 'wrong password'), 401);
  });

  it('reads the password from stdin when the variable is not set', async () => {
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect((await signIn(server, 'third@relay.test', 'third admin password')).status).toBe(200);
  });

  it('refuses a duplicate email (whatever its case) with exit code 1 and a clear message', async () => {
    for (const duplicate of duplicates) {
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toMatch(/already exists/);
      expect(duplicate.stderr).toContain(ADMIN_EMAIL);
      expect(duplicate.stderr).not.toMatch(/\n\s+at\s/);
    }
    // The original password still works; the duplicate's does not.
    expect((await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
    await expectProblem(await signIn(server, ADMIN_EMAIL, 'another password'), 401);
  });

  it('prints usage and exits 2 without an email', () => {
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run admin:add -- <email>/);
  });

  it('refuses a short password and a malformed email with exit code 1', async () => {
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.stderr).toMatch(/at least 8 characters/);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/not an email address/);
    await expectProblem(await signIn(server, 'short@relay.test', 'short'), 401);
  });

  it('gives the --role asked for, else (admins exist) the least privileged and says so; each recorded with actor cli', async () => {
    expect(withRole.code, withRole.stderr).toBe(0);
    expect(withRole.stdout).toMatch(/added admin editor@relay\.test \(id \S+\) as editor\n/);
    expect(fromEnv.stdout).toMatch(/as analyst: no --role given and admins exist, so the least privileged role/);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role owner\|editor\|approver\|analyst/);
    const { db } = server.deps;
    const roles = await db
      .selectFrom('admins')
      .select(['email', 'role'])
      .where('email', 'like', '%@relay.test')
      .execute();
    expect(roles).toEqual(
      expect.arrayContaining([
        { email: 'editor@relay.test', role: 'editor' },
        { email: 'second@relay.test', role: 'analyst' },
      ]),
    );
    const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'admins.create').execute();
    const byTarget = new Map(entries.map((entry) => [entry.target_label, entry]));
    expect(byTarget.get('editor@relay.test')).toMatchObject({ actor_type: 'cli', target_type: 'admin' });
    expect(JSON.parse(byTarget.get('editor@relay.test')!.change)).toEqual({
      email: 'editor@relay.test',
      role: 'editor',
      signsInWith: ['password'],
    });
    expect(byTarget.get('boss@relay.test')).toBeUndefined();
    for (const entry of entries) expect(entry.change).not.toMatch(/password"?:/);
  });
});
