import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_GUIDELINES,
  DEFAULT_SCORING,
  contentInputSchema,
  contentPatchSchema,
  guidelinesSchema,
  scoringRulesSchema,
  shareEventSchema,
  type ScoringRules,
} from './schemas';

/** The paths of the issues a failed parse reports, as "a.b.0" strings. */
function issuePaths(result: z.ZodSafeParseResult<unknown>): string[] {
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

const realistic = {
  title: 'Relay 2.0 is out: employee advocacy without the busywork',
  url: 'https://www.example.com/blog/relay-2?ref=newsletter#highlights',
  note: 'Please share before Friday. Tag the product team if you can.',
  imageUrl: 'https://cdn.example.com/img/relay-2.png',
  campaign: 'relay-2-launch',
  language: 'en-GB',
  tags: ['launch', 'product'],
  variants: {
    linkedin: [
      'We just shipped Relay 2.0. Here is what changed and why: {link}',
      'Proud of the team behind Relay 2.0 🎉\n\nThe details:',
    ],
    x: ['Relay 2.0 is live {link} #launch'],
  },
  networks: ['linkedin', 'x', 'facebook'],
  publishAt: '2026-11-23T09:00:00.000Z',
  expiresAt: '2026-12-23T09:00:00+01:00',
  publish: true,
};

describe('ContentInput', () => {
  it('accepts a realistic item and trims its strings', () => {
    const result = contentInputSchema.safeParse({ ...realistic, title: `  ${realistic.title}  ` });
    expect(result.success).toBe(true);
    expect(result.data?.title).toBe(realistic.title);
    expect(result.data?.variants.linkedin).toHaveLength(2);
  });

  it('accepts a minimal item', () => {
    expect(contentInputSchema.safeParse({ title: 'T', url: 'http://e.com', variants: { x: ['hi'] } }).success).toBe(
      true,
    );
    expect(
      contentInputSchema.safeParse({ title: 'T', url: 'http://e.com', variants: {}, networks: ['facebook'] }).success,
    ).toBe(true);
  });

  it.each(['ftp://example.com/file', 'javascript:alert(1)', 'mailto:a@b.com', '/relative', 'example.com', ''])(
    'rejects the url %j',
    (url) => {
      expect(issuePaths(contentInputSchema.safeParse({ ...realistic, url }))).toContain('url');
    },
  );

  it('rejects a non-http imageUrl', () => {
    expect(issuePaths(contentInputSchema.safeParse({ ...realistic, imageUrl: 'data:image/png;base64,AAAA' }))).toEqual([
      'imageUrl',
    ]);
  });

  it('rejects unknown fields (strict), at the top and in variants', () => {
    const top = contentInputSchema.safeParse({ ...realistic, status: 'published' });
    expect(top.success).toBe(false);
    expect(top.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
    expect(
      issuePaths(contentInputSchema.safeParse({ ...realistic, variants: { ...realistic.variants, facebook: ['x'] } })),
    ).toEqual(['variants']);
  });

  it('rejects empty variants', () => {
    const { networks: _networks, ...withoutNetworks } = realistic;
    expect(issuePaths(contentInputSchema.safeParse({ ...withoutNetworks, variants: {} }))).toEqual(['variants']);
    expect(issuePaths(contentInputSchema.safeParse({ ...withoutNetworks, variants: { linkedin: [], x: [] } }))).toEqual(
      ['variants'],
    );
  });

  it('rejects a blank variant text', () => {
    expect(issuePaths(contentInputSchema.safeParse({ ...realistic, variants: { x: ['ok', '   '] } }))).toContain(
      'variants.x.1',
    );
  });

  it('rejects networks listing x without x variants, at variants.x', () => {
    const result = contentInputSchema.safeParse({
      ...realistic,
      variants: { linkedin: ['Hello'] },
      networks: ['linkedin', 'x'],
    });
    expect(issuePaths(result)).toEqual(['variants.x']);
  });

  it('rejects a network listed twice', () => {
    expect(issuePaths(contentInputSchema.safeParse({ ...realistic, networks: ['x', 'x'] }))).toEqual(['networks']);
  });

  it('rejects expiresAt equal to or before publishAt, at expiresAt', () => {
    expect(issuePaths(contentInputSchema.safeParse({ ...realistic, expiresAt: realistic.publishAt }))).toEqual([
      'expiresAt',
    ]);
    // 09:30+01:00 is 08:30Z, before 09:00Z: compared as instants, not as text.
    expect(issuePaths(contentInputSchema.safeParse({ ...realistic, expiresAt: '2026-11-23T09:30:00+01:00' }))).toEqual([
      'expiresAt',
    ]);
  });

  it('rejects times without a zone', () => {
    expect(issuePaths(contentInputSchema.safeParse({ ...realistic, publishAt: '2026-11-23T09:00:00' }))).toEqual([
      'publishAt',
    ]);
  });
});

describe('ContentPatch', () => {
  it('accepts a subset and null to clear', () => {
    expect(contentPatchSchema.safeParse({ title: 'New', note: null, expiresAt: null }).success).toBe(true);
  });

  it('checks the window and networks it is given', () => {
    expect(
      issuePaths(
        contentPatchSchema.safeParse({ publishAt: '2026-01-02T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }),
      ),
    ).toEqual(['expiresAt']);
    expect(issuePaths(contentPatchSchema.safeParse({ networks: ['x'], variants: { linkedin: ['a'] } }))).toEqual([
      'variants.x',
    ]);
  });
});

describe('Guidelines', () => {
  it('accepts the defaults and valid patterns, plain or regex', () => {
    expect(guidelinesSchema.safeParse(DEFAULT_GUIDELINES).success).toBe(true);
    const result = guidelinesSchema.safeParse({
      disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
      bannedTerms: [
        { pattern: 'guaranteed returns', reason: 'financial promotion rules' },
        { pattern: '\\b(cheap|free)\\s+money\\b', regex: true, reason: 'misleading' },
        { pattern: '[(', regex: false, reason: 'a plain term may hold any characters' },
        { pattern: '\\p{Emoji_Presentation}{3,}', regex: true, reason: 'emoji walls' },
      ],
      maxHashtags: 3,
      dailyShareCap: 10,
      companyNames: ['Acme', 'Acme Corp'],
    });
    expect(result.success).toBe(true);
  });

  it('rejects an invalid regex at bannedTerms.N.pattern', () => {
    const result = guidelinesSchema.safeParse({
      bannedTerms: [{ pattern: '([a-z]+', regex: true, reason: 'unbalanced' }],
    });
    expect(issuePaths(result)).toEqual(['bannedTerms.0.pattern']);
    const second = guidelinesSchema.safeParse({
      bannedTerms: [
        { pattern: 'ok', regex: true, reason: 'fine' },
        { pattern: '\\p{NotAProperty}', regex: true, reason: 'unknown property' },
      ],
    });
    expect(issuePaths(second)).toEqual(['bannedTerms.1.pattern']);
  });

  it('requires a reason and rejects unknown fields', () => {
    expect(issuePaths(guidelinesSchema.safeParse({ bannedTerms: [{ pattern: 'x', reason: ' ' }] }))).toEqual([
      'bannedTerms.0.reason',
    ]);
    expect(guidelinesSchema.safeParse({ bannedTerms: [], extra: true }).success).toBe(false);
  });
});

describe('ScoringRules', () => {
  const withLevels = (levels: ScoringRules['levels']): ScoringRules => ({ ...DEFAULT_SCORING, levels });

  it('accepts the defaults', () => {
    expect(scoringRulesSchema.safeParse(DEFAULT_SCORING).success).toBe(true);
  });

  it('rejects levels out of order', () => {
    const result = scoringRulesSchema.safeParse(
      withLevels([
        { name: 'Starter', minPoints: 0 },
        { name: 'Champion', minPoints: 600 },
        { name: 'Contributor', minPoints: 50 },
      ]),
    );
    expect(issuePaths(result)).toEqual(['levels.2.minPoints']);
  });

  it('rejects two levels at the same points', () => {
    const result = scoringRulesSchema.safeParse(
      withLevels([
        { name: 'Starter', minPoints: 0 },
        { name: 'A', minPoints: 50 },
        { name: 'B', minPoints: 50 },
      ]),
    );
    expect(issuePaths(result)).toEqual(['levels.2.minPoints']);
  });

  it('rejects a first level above 0', () => {
    expect(issuePaths(scoringRulesSchema.safeParse(withLevels([{ name: 'Starter', minPoints: 10 }])))).toEqual([
      'levels.0.minPoints',
    ]);
  });

  it('rejects negative points', () => {
    const result = scoringRulesSchema.safeParse({
      ...DEFAULT_SCORING,
      pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, x: -1 },
    });
    expect(issuePaths(result)).toEqual(['pointsPerShare.x']);
  });
});

describe('ShareEvent', () => {
  const event = {
    id: '7f1c2a4e-9b3d-4c8e-a1f2-3d4e5f6a7b8c',
    contentId: 'c_123',
    network: 'linkedin',
    sharedAt: '2026-11-23T10:15:00.000Z',
    personalized: true,
  };

  it('accepts an event with a uuid', () => {
    expect(shareEventSchema.safeParse(event).success).toBe(true);
    expect(shareEventSchema.safeParse({ ...event, id: crypto.randomUUID() }).success).toBe(true);
  });

  it.each(['', 'not-a-uuid', '12345', '7f1c2a4e9b3d4c8ea1f23d4e5f6a7b8c', '7f1c2a4e-9b3d-4c8e-a1f2-3d4e5f6a7b8'])(
    'rejects the id %j',
    (id) => {
      expect(issuePaths(shareEventSchema.safeParse({ ...event, id }))).toEqual(['id']);
    },
  );

  it('requires the id', () => {
    const { id: _id, ...withoutId } = event;
    expect(issuePaths(shareEventSchema.safeParse(withoutId))).toEqual(['id']);
  });

  it('rejects an unknown network', () => {
    expect(issuePaths(shareEventSchema.safeParse({ ...event, network: 'mastodon' }))).toEqual(['network']);
  });
});
