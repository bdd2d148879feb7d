/** The demo organisation's logo (server/demo-logo.ts): a PNG stored through the images service and set on the organisation, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImageType } from '../../lib/images';
import { drawDemoLogo } from '../../server/demo-logo';
import { imageIdOf } from '../../server/services/images';
import type { RunningServer } from '../../server/server';
import type { TestDatabase } from '../helpers/database';
import type { DemoInfo } from '../../server/demo';
import { bootDemo, call, demoCalls, json, startDemo, stopDemo } from '../helpers/demo';

describe('the demo logo', () => {
  let database: TestDatabase;
  let dir: string;
  let credentialsFile: string;
  let running: RunningServer | undefined;
  let info: DemoInfo;
  const clock = { now: Date.now() };
  const { signIn } = demoCalls(() => running);

  beforeAll(async () => {
    ({ database, dir, credentialsFile, running, info } = await startDemo(clock));
  });
  afterAll(async () => {
    await stopDemo(running, database, dir);
  });

  it('is a PNG drawn in code', () => {
    expect(sniffImageType(drawDemoLogo())).toBe('image/png');
  });

  it('is the organisation’s logo in sign-in-options, at <public URL>/v1/images/<id>, and served as a PNG', async () => {
    const id = imageIdOf(drawDemoLogo());
    const options = (await (await fetch(`${running!.url}/v1/sign-in-options`)).json()) as {
      organization: { name: string; logoUrl: string | null };
    };
    // The demo's public URL is http://relay.test (tests/helpers/demo.ts); the image is served here too.
    expect(options.organization).toEqual({ name: 'Northwind Robotics', logoUrl: `http://relay.test/v1/images/${id}` });
    const logo = await fetch(`${running!.url}/v1/images/${id}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(drawDemoLogo());
  });

  it('is not set again on a restart after an admin removed it', async () => {
    const token = await signIn(info.adminPassword);
    const cleared = await call(running!.url, '/v1/admin/organization', {
      method: 'PUT',
      json: { name: 'Northwind Robotics', logoUrl: null },
      token,
    });
    expect(cleared.status).toBe(200);
    await running!.close();
    running = undefined;
    const again = await bootDemo(database.url, credentialsFile, clock);
    running = again.running;
    expect(again.info.created).toEqual([]);
    const options = await json<{ organization: { logoUrl: string | null } }>(
      await call(running.url, '/v1/sign-in-options'),
      200,
    );
    expect(options.organization.logoUrl).toBeNull();
  });
});
