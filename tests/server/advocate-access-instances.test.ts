/**
 * Revocation across API instances on one PostgreSQL: an advocate removed (or signing out) through
 * instance A loses the live stream it holds on instance B at once, through LISTEN/NOTIFY; and a
 * revocation whose notification B missed (its LISTEN connection was cut) is caught when B reconnects.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalChangeFeed } from '../../server/changes';
import { revokeToken } from '../../server/services/advocates';
import { expectProblem } from '../helpers/api';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

describe.runIf(process.env.RELAY_TEST_DB === 'postgres')('revocation on two API instances', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ databaseUrl: a.database_.url });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  async function connectedOnB(name: string) {
    const advocate = await a.enroll(name);
    const stream = await StreamClient.connect(b.url, advocate.token);
    await stream.waitFor((messages) => messages.length >= 1);
    return { ...advocate, stream };
  }

  it('removal through A closes the stream held on B (4401), and B refuses the token', async () => {
    const ada = await connectedOnB('Ada Across');
    const bob = await connectedOnB('Bob Across');
    const removed = await a.call(`/v1/admin/advocates/${ada.id}`, { method: 'DELETE', token: await a.adminToken() });
    expect(removed.status).toBe(200);
    expect(await ada.stream.closed(2_000)).toBe(4401);
    await expectProblem(await b.call('/v1/sync', { token: ada.token }), 401, 'token-revoked');
    bob.stream.send({ type: 'ping' });
    await bob.stream.waitFor((messages) => messages.some((m) => m.type === 'pong'));
    expect(bob.stream.closeCode).toBeUndefined();
    bob.stream.close();
  });

  it('erasing through A closes the stream held on B', async () => {
    const cy = await connectedOnB('Cy Across');
    const erased = await a.call(`/v1/admin/advocates/${cy.id}?erase=true`, {
      method: 'DELETE',
      token: await a.adminToken(),
    });
    expect(erased.status).toBe(204);
    expect(await cy.stream.closed(2_000)).toBe(4401);
    await expectProblem(await b.call('/v1/me', { token: cy.token }), 401, 'token-revoked');
  });

  it('signing out through A closes the stream held on B', async () => {
    const dee = await connectedOnB('Dee Across');
    expect((await a.call('/v1/me/token', { method: 'DELETE', token: dee.token })).status).toBe(204);
    expect(await dee.stream.closed(2_000)).toBe(4401);
  });

  it('a revocation B never heard of closes its stream once B’s LISTEN connection is back', async () => {
    const eve = await connectedOnB('Eve Missed');
    // Revoked with no notification at all, as if the NOTIFY was lost while B was not listening.
    expect(await revokeToken({ ...a.deps, changes: new LocalChangeFeed() }, eve.id, 'removed')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(eve.stream.closeCode).toBeUndefined();

    // Cut the instances' LISTEN connections: each reconnects and checks who is still allowed.
    const admin = new pg.Client({ connectionString: a.database_.url });
    await admin.connect();
    try {
      const schema = (await admin.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
      const { rows } = await admin.query<{ ok: boolean }>(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where query = $1',
        [`listen "relay_changes_${schema}"`],
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    expect(await eve.stream.closed(5_000)).toBe(4401);
  });
});
