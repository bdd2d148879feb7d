/**
 * composerHealth: a LinkedIn or X content script's integration counts since its last report
 * (composers found or not recognised, insertions and publishes confirmed or not, selector overrides
 * refused): counts only, never text, URLs or markup. Added to today's row for that site and this
 * extension's version, and sent with the outbox's rhythm.
 */
import { z } from 'zod';
import { HEALTH_COUNTERS, type HealthCounter } from '../../../lib/schemas';
import { network } from '../../../lib/networks';
import { recordHealth } from '../health';
import { composerRequest } from './composer-data';
import { defineMessage } from './define';
import { matchesPattern } from './sender';

/** The most a page reports of one counter in one message. */
const MAX_INCREMENT = 10_000;

const incrementSchema = z.number().int().min(0).max(MAX_INCREMENT).optional();

export const composerHealthRequest = z
  .object({
    network: composerRequest.shape.network,
    counts: z
      .object(
        Object.fromEntries(HEALTH_COUNTERS.map((name) => [name, incrementSchema])) as Record<
          HealthCounter,
          typeof incrementSchema
        >,
      )
      .strict(),
  })
  .strict();
export type ComposerHealthRequest = z.infer<typeof composerHealthRequest>;

export const composerHealth = defineMessage({
  request: composerHealthRequest,
  from: ['content-script'],
  async handle(request, { bg, sender }): Promise<{ ok: boolean }> {
    // A page counts for its own site only.
    const url = sender.url ?? '';
    if (!network(request.network).contentScriptMatches.some((pattern) => matchesPattern(pattern, url)))
      return { ok: false };
    // Not counted at all without the person's consent (Firefox's optional technicalAndInteraction).
    if (!(await bg.mayCountHealth())) return { ok: false };
    await recordHealth(bg.db, request.network, bg.port.clientVersion, request.counts);
    void bg.flush();
    return { ok: true };
  },
});
