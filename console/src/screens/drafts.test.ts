/** The editors' drafts follow the network registry: a field per network, and what they send passes the shared schemas. */
import { describe, expect, it } from 'vitest';
import { NETWORKS, TEXT_NETWORKS, network } from '../../../lib/networks';
import { contentInputSchema, DEFAULT_SCORING, guidelinesSchema, scoringRulesSchema } from '../../../lib/schemas';
import * as analytics from './analytics/rows';
import * as compose from './compose/draft';
import * as guidelines from './guidelines/draft';
import * as scoring from './scoring/draft';

describe('compose', () => {
  it('has a list of variants per text network and a switch per network', () => {
    const draft = compose.emptyDraft();
    expect(Object.keys(draft.variants)).toEqual(TEXT_NETWORKS);
    expect(Object.keys(draft.networks)).toEqual(NETWORKS);
    for (const id of TEXT_NETWORKS) expect(compose.labelFor(`variants.${id}.1`)).toBe(`${network(id).label} variant 2`);
  });

  it('starts on the networks the registry switches on for new posts', () => {
    const draft = compose.emptyDraft();
    for (const id of NETWORKS) expect(draft.networks[id]).toBe(network(id).onForNewPosts);
  });

  it('sends the written variants of every network that is on', () => {
    const draft = compose.emptyDraft();
    for (const id of NETWORKS) draft.networks[id] = true;
    draft.title = 'Launch';
    draft.url = 'https://example.com/launch';
    for (const id of TEXT_NETWORKS) draft.variants[id] = [compose.variant(`On ${id}: {link}`)];
    const input = compose.candidate(draft);
    expect(input.networks).toEqual(NETWORKS);
    expect(input.variants).toEqual(Object.fromEntries(TEXT_NETWORKS.map((id) => [id, [`On ${id}: {link}`]])));
    expect(contentInputSchema.safeParse(input).success).toBe(true);
  });
});

describe('scoring', () => {
  it('has the points of every network, and starts one the rules predate at its default', () => {
    const { [NETWORKS[0]]: _dropped, ...older } = DEFAULT_SCORING.pointsPerShare as Record<string, number>;
    const draft = scoring.draftFrom({
      ...DEFAULT_SCORING,
      pointsPerShare: older as typeof DEFAULT_SCORING.pointsPerShare,
    });
    expect(Object.keys(draft.points)).toEqual(NETWORKS);
    expect(draft.points[NETWORKS[0]]).toBe(String(network(NETWORKS[0]).defaultPoints));
    expect(scoringRulesSchema.safeParse(scoring.candidate(scoring.draftFrom(DEFAULT_SCORING))).success).toBe(true);
    for (const id of NETWORKS)
      expect(scoring.labelFor(`pointsPerShare.${id}`)).toBe(`Points per ${network(id).label} share`);
  });
});

describe('guidelines', () => {
  it('suggests the disclosure on every text network and sends the ones checked', () => {
    const draft = guidelines.draftFrom({ bannedTerms: [] });
    expect(NETWORKS.filter((id) => draft.disclosureNetworks[id])).toEqual(TEXT_NETWORKS);
    const value = guidelines.candidate({ ...draft, disclosureOn: true });
    expect(value.disclosure).toEqual({ text: '#employee', networks: TEXT_NETWORKS });
    expect(guidelinesSchema.safeParse(value).success).toBe(true);
  });
});

describe('analytics', () => {
  it('has a row per network once any has shares, then those the console does not know', () => {
    expect(analytics.networkRows([])).toEqual([]);
    const rows = analytics.networkRows([
      { network: NETWORKS[0], shares: 3, clicks: 1 },
      { network: 'mastodon', shares: 1, clicks: 0 } as never,
    ]);
    expect(rows.map((row) => row.key)).toEqual([...NETWORKS, 'mastodon']);
    expect(rows[0]).toMatchObject({ name: network(NETWORKS[0]).label, shares: 3, clicks: 1 });
    expect(rows[1]).toMatchObject({ shares: 0, clicks: 0 });
  });
});
