/** The demo organisation (server/demo.ts) started again on the same database: nothing changes, an admin's edits stay. */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, type DemoInfo } from '../../server/demo';
import type { RunningServer } from '../../server/server';
import type { TestDatabase } from '../helpers/database';
import { bootDemo, call, demoCalls, demoCounts, json, startDemo, stopDemo } from '../helpers/demo';

describe('seedDemo', () => {
  let database: TestDatabase;
  let dir: string;
  let credentialsFile: string;
  let running: RunningServer | undefined;
  let info: DemoInfo;
  const clock = { now: Date.now() };

  const boot = () => bootDemo(database.url, credentialsFile, clock);
  const counts = () => demoCounts(running!);
  const { signIn, enroll, adminContent } = demoCalls(() => running);

  beforeAll(async () => {
    ({ database, dir, credentialsFile, running, info } = await startDemo(clock));
  });

  afterAll(async () => {
    await stopDemo(running, database, dir);
  });

  it('changes nothing when started again on the same database, and prints the same credentials', async () => {
    const before = await counts();
    await running!.close();
    running = undefined;
    const again = await boot();
    running = again.running;
    expect(await counts()).toEqual(before);
    expect(again.info.created).toEqual([]);
    expect(again.info.adminPassword).toBe(info.adminPassword);
    expect(again.info.inviteCode).toBe(info.inviteCode);
    await signIn(again.info.adminPassword);
    expect((await adminContent(await signIn(again.info.adminPassword))).map((item) => item.id).sort()).toHaveLength(6);
  });

  it('keeps an admin’s changes to guidelines and content across restarts', async () => {
    const token = await signIn(info.adminPassword);
    const [first] = await adminContent(token);
    expect((await call(running!.url, `/v1/admin/content/${first!.id}`, { method: 'DELETE', token })).status).toBe(200);
    const guidelines = { bannedTerms: [{ pattern: 'synergy', reason: 'Say what you mean.' }] };
    expect((await call(running!.url, '/v1/admin/guidelines', { method: 'PUT', token, json: guidelines })).status).toBe(
      200,
    );
    const before = await counts();

    await running!.close();
    running = undefined;
    const again = await boot();
    running = again.running;
    expect(again.info.created).toEqual([]);
    expect(await counts()).toEqual(before);
    const after = await adminContent(await signIn(info.adminPassword));
    expect(after.find((item) => item.id === first!.id)?.status).toBe('archived');
    const stored = await json<unknown>(
      await call(running.url, '/v1/admin/guidelines', { token: await signIn(info.adminPassword) }),
      200,
    );
    expect(stored).toEqual(guidelines);
  });

  it('keeps the invite code in the credentials file only: the database holds its hash', async () => {
    const stored = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({
      email: DEMO_ADMIN_EMAIL,
      password: info.adminPassword,
      inviteCode: info.inviteCode,
    });
    const invites = await running!.deps.db.selectFrom('invites').selectAll().execute();
    expect(JSON.stringify(invites)).not.toContain(info.inviteCode);
    expect(invites.filter((invite) => invite.expires_at === null)).toHaveLength(1);
  });

  it('says the password is unknown, rather than guessing or resetting it, when the credentials file is gone', async () => {
    rmSync(credentialsFile);
    const before = await counts();
    await running!.close();
    running = undefined;
    const again = await boot();
    running = again.running;
    expect(again.info.adminPassword).toBeNull();
    // The old code is not stored anywhere: a new never-expiring invite is made, and printed from now on.
    expect(again.info.inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(again.info.inviteCode).not.toBe(info.inviteCode);
    expect(again.info.created).toEqual(['invite']);
    expect(await counts()).toEqual({ ...before, invites: before.invites + 1 });
    expect(await enroll(again.info.inviteCode, 'Mary Jackson')).toMatch(/^rlv_/);
    expect(await enroll(info.inviteCode, 'Dorothy Vaughan')).toMatch(/^rlv_/);
    // The admin's password is unchanged.
    await signIn(info.adminPassword);
  });
});
