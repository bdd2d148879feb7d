/** The demo passes its own rules: every variant of every demo post, as advocates get it, has no must-fix hint and no warning. */
import { describe, expect, it } from 'vitest';
import { approvedText, checkPost, mustFixFailures, sampleTrackedLink } from '../../lib/guidelines';
import { resolveNetworks } from '../../server/services/content';
import { DEMO_GUIDELINES, demoPosts } from '../../server/demo';
import { TEXT_NETWORKS } from '../../lib/networks';

const NOW = Date.parse('2026-03-02T09:00:00Z');
// A tracked link on a real domain, and one on loopback as a local demo hands out (X counts neither as more than 23).
const LINKS = [sampleTrackedLink('https://relay.northwind.com'), 'http://127.0.0.1:8787/r/Ab3dE6gH9k'];

const variants = demoPosts(NOW).flatMap((post) =>
  TEXT_NETWORKS.flatMap((network) =>
    (post.input.variants[network] ?? []).map((variant, index) => ({
      title: post.input.title,
      network,
      index,
      variant,
    })),
  ),
);

describe('the demo content and its guidelines', () => {
  it('has variants on every network the disclosure names', () => {
    const networks = new Set(variants.map((entry) => entry.network));
    for (const network of DEMO_GUIDELINES.disclosure!.networks) expect(networks.has(network as never)).toBe(true);
  });

  it.each(variants)('$title, $network variant $index: no must-fix and no warning once approved', (entry) => {
    for (const link of LINKS) {
      const text = approvedText(entry.variant, entry.network, DEMO_GUIDELINES, link);
      expect(text).toContain(DEMO_GUIDELINES.disclosure!.text);
      const hints = checkPost(text, { network: entry.network, guidelines: DEMO_GUIDELINES });
      expect(hints.filter((hint) => hint.severity !== 'info')).toEqual([]);
    }
  });

  it('publishes every demo post without an override', () => {
    for (const post of demoPosts(NOW)) {
      const networks = resolveNetworks(post.input.networks, post.input.variants);
      expect(mustFixFailures({ variants: post.input.variants, networks }, DEMO_GUIDELINES, LINKS[0]!)).toEqual([]);
    }
  });

  it('would fail without the disclosure added: the check is not vacuous', () => {
    const [first] = variants;
    const hints = checkPost(first!.variant, { network: first!.network, guidelines: DEMO_GUIDELINES });
    expect(hints.map((hint) => hint.kind)).toContain('missing-disclosure');
  });
});
