/** Publishing past must-fix guidelines: 422 must-fix listing the failures, the recorded override, drafts untouched, the disclosure added. */
import { describe, expect, it } from 'vitest';
import type { ContentItem, Guidelines } from '../../lib/schemas';
import { contentInput, expectProblem, expectValidation, iso, MINUTE } from '../helpers/api';
import { contentTestServer } from '../helpers/content-calls';
import type { TestServer } from '../helpers/server';

const GUIDELINES: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Financial promotion rules' }],
};
const BANNED = { linkedin: ['We launched Relay today.'], x: ['Relay is live, guaranteed returns!'] };
const REASON = 'Legal approved the wording — it quotes a customer';

interface MustFixBody {
  type: string;
  failures: { network: string; variant: number; kind: string; label: string; message: string }[];
}

describe('publishing past must-fix guidelines', () => {
  let server: TestServer;
  let admin = '';
  const calls = contentTestServer((ready) => {
    ({ server, admin } = ready);
  });
  const call = (path: string, init: { method?: string; json?: unknown } = {}) =>
    server.call(path, { ...init, token: admin });
  const publishWith = (id: string, json: unknown) => call(`/v1/admin/content/${id}/publish`, { method: 'POST', json });
  const items = async () => ((await (await call('/v1/admin/content')).json()) as { items: ContentItem[] }).items;

  async function mustFix(response: Response): Promise<MustFixBody> {
    const body = (await expectProblem(response.clone(), 422, 'must-fix')) as unknown as MustFixBody;
    return body;
  }

  it('sets the guidelines', async () => {
    expect((await call('/v1/admin/guidelines', { method: 'PUT', json: GUIDELINES })).status).toBe(200);
  });

  it('refuses to publish a post with a banned phrase, listing what fails, and creates nothing', async () => {
    const before = (await items()).length;
    const body = await mustFix(await calls.post(contentInput({ variants: BANNED, publish: true })));
    expect(body.failures).toEqual([
      {
        network: 'x',
        variant: 0,
        kind: 'banned-term',
        label: 'Banned terms',
        message: 'Avoid "guaranteed returns": Financial promotion rules',
        term: { pattern: 'guaranteed returns', reason: 'Financial promotion rules' },
        range: { start: 15, end: 33 },
      },
    ]);
    expect(await items()).toHaveLength(before);
  });

  it('treats scheduling as publishing', async () => {
    const publishAt = iso(server.clock.now + 10 * MINUTE);
    await mustFix(await calls.post(contentInput({ variants: BANNED, publish: true, publishAt })));
  });

  it('never blocks a draft, and publishes it only with a reason, which is recorded and shown', async () => {
    const created = await calls.post(contentInput({ variants: BANNED }));
    expect(created.status).toBe(201);
    const draft = (await created.json()) as ContentItem;
    expect(draft).toMatchObject({ status: 'draft', override: null });

    expect((await mustFix(await calls.publish(draft.id))).failures).toHaveLength(1);
    expect((await (await calls.get(draft.id)).json()) as ContentItem).toMatchObject({ status: 'draft' });

    const session = (await (await call('/v1/admin/session')).json()) as { admin: { id: string; email: string } };
    const published = await publishWith(draft.id, { overrideReason: `  ${REASON} ` });
    expect(published.status).toBe(200);
    const item = (await published.json()) as ContentItem;
    expect(item.status).toBe('published');
    expect(item.override).toEqual({
      reason: REASON,
      by: session.admin.id,
      byName: expect.any(String),
      at: item.updatedAt,
      failures: [expect.objectContaining({ network: 'x', variant: 0, kind: 'banned-term', label: 'Banned terms' })],
    });
    expect(((await (await calls.get(draft.id)).json()) as ContentItem).override).toEqual(item.override);
    expect((await items()).find((listed) => listed.id === draft.id)?.override).toEqual(item.override);
  });

  it('publishes at once with the reason in the create body', async () => {
    const response = await calls.post(contentInput({ variants: BANNED, publish: true, overrideReason: REASON }));
    expect(response.status).toBe(201);
    expect((await response.json()) as ContentItem).toMatchObject({ status: 'published', override: { reason: REASON } });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['on two lines', 'one\ntwo'],
    ['too long', 'x'.repeat(501)],
  ])('refuses a reason that is %s', async (_, overrideReason) => {
    await expectValidation(
      await calls.post(contentInput({ variants: BANNED, publish: true, overrideReason })),
      'overrideReason',
    );
  });

  it('adds the missing disclosure itself, so a post without it publishes with no override', async () => {
    const response = await calls.post(contentInput({ publish: true }));
    expect(response.status).toBe(201);
    expect((await response.json()) as ContentItem).toMatchObject({ status: 'published', override: null });
  });

  it('blocks a missing disclosure only when it cannot be added (no room on X)', async () => {
    const body = await mustFix(await calls.post(contentInput({ variants: { x: ['a'.repeat(256)] }, publish: true })));
    expect(body.failures.map((failure) => [failure.network, failure.kind])).toEqual([['x', 'missing-disclosure']]);
  });

  it('checks a change to a live post, records its override, and clears it once the post passes', async () => {
    const live = (await (await calls.post(contentInput({ publish: true }))).json()) as ContentItem;
    await mustFix(await calls.patch(live.id, { variants: BANNED }));
    const overridden = await calls.patch(live.id, { variants: BANNED, overrideReason: REASON });
    expect(overridden.status).toBe(200);
    expect(((await overridden.json()) as ContentItem).override).toMatchObject({ reason: REASON });
    // A title change does not re-check the words.
    expect((await calls.patch(live.id, { title: 'Renamed' })).status).toBe(200);
    const fixed = await calls.patch(live.id, { variants: { linkedin: ['Fixed.'], x: ['Fixed too.'] } });
    expect(fixed.status).toBe(200);
    expect(((await fixed.json()) as ContentItem).override).toBeNull();
  });

  it('lets a draft change freely', async () => {
    const draft = (await (await calls.post(contentInput())).json()) as ContentItem;
    expect((await calls.patch(draft.id, { variants: BANNED })).status).toBe(200);
  });
});
