import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_VERSION, snapshotOf, stateFromSnapshot } from '../../components/popup/popupSnapshot';
import { FIRST_PAGE } from '../../components/popup/PostList';
import type { PopupItem, PopupState } from '../../components/shared/messaging';

const item = (i: number, over: Partial<PopupItem> = {}): PopupItem => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  title: `Post ${i}`,
  url: `https://example.com/${i}`,
  note: i % 2 ? 'Please share' : null,
  imageUrl: null,
  campaign: null,
  language: 'en',
  tags: ['news'],
  networks: ['linkedin', 'x'],
  publishAt: '2026-12-01T10:00:00.000Z',
  expiresAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  suggestions: { linkedin: `Read post ${i} https://relay.test/r/a${i}`, x: `Post ${i} https://relay.test/r/b${i}` },
  lastShare: i === 1 ? { network: 'x', sharedAt: '2026-12-01T11:00:00.000Z' } : null,
  ...over,
});

const state = (over: Partial<PopupState> = {}): PopupState => ({
  setup: { serverUrl: 'https://relay.example.com', locked: false, signIn: 'both', silentSignIn: false },
  enrollment: { serverUrl: 'https://relay.example.com', advocate: { id: 'adv-1', name: 'Ada' } },
  status: { lastSyncAt: '2026-12-01T10:00:00.000Z', error: null },
  content: Array.from({ length: 20 }, (_, i) => item(i)),
  total: 20,
  unseen: [item(0).id],
  points: { points: 12, shares: 2, level: { name: 'Starter', minPoints: 0, next: { name: 'Regular', minPoints: 50 } } },
  pendingShares: 1,
  refusedShares: [
    {
      id: 'refused-1',
      contentId: item(3).id,
      title: 'Post 3',
      network: 'x',
      sharedAt: '2026-12-01T11:00:00.000Z',
      reason: 'contentId is not known content',
    },
  ],
  accessEnded: null,
  ...over,
});

/** A kept snapshot with `change` applied to its state (for damaged or foreign snapshots). */
function tampered(change: (state: Record<string, unknown>) => void, version: unknown = SNAPSHOT_VERSION): string {
  const kept = JSON.parse(snapshotOf(state())!) as { state: Record<string, unknown> };
  change(kept.state);
  return JSON.stringify({ version, state: kept.state });
}

describe("the popup's kept first screen", () => {
  it('keeps the newest FIRST_PAGE posts, the total, points and status, and never the "New" marks', () => {
    const kept = stateFromSnapshot(snapshotOf(state()));
    expect(kept).toEqual({ ...state(), content: state().content.slice(0, FIRST_PAGE), unseen: [] });
    expect(kept?.total).toBe(20);
  });

  it('keeps nothing when signed out', () => {
    expect(snapshotOf(state({ enrollment: null }))).toBeNull();
  });

  it('drops what is missing, unreadable, from another version or damaged', () => {
    const first = (value: Record<string, unknown>) => (value.content as Record<string, unknown>[])[0]!;
    const cases: [string, string | null][] = [
      ['nothing kept', null],
      ['empty', ''],
      ['not JSON', '{"version":1,"state":'],
      ['JSON, not an object', '[1,2]'],
      ['another version', tampered(() => {}, SNAPSHOT_VERSION + 1)],
      ['no version', JSON.stringify({ state: state() })],
      ['signed out', tampered((s) => (s.enrollment = null))],
      ['content not a list', tampered((s) => (s.content = {}))],
      ['an item without a title', tampered((s) => delete first(s).title)],
      ['a title that is not text', tampered((s) => (first(s).title = 42))],
      ['an unknown network', tampered((s) => (first(s).networks = ['myspace']))],
      ['a suggestion that is not text', tampered((s) => (first(s).suggestions = { linkedin: { html: '<b>' } }))],
      ['a suggestion for an unknown network', tampered((s) => (first(s).suggestions = { myspace: 'hi' }))],
      ['tags not a list of text', tampered((s) => (first(s).tags = 'news'))],
      ['an unknown sync error', tampered((s) => (s.status = { error: { kind: 'gone', message: 'x' } }))],
      ['a total that is not a number', tampered((s) => (s.total = '20'))],
      ['points without a level', tampered((s) => (s.points = { points: 1, shares: 1 }))],
      [
        'a level with no name',
        tampered((s) => (s.points = { points: 1, shares: 1, level: { minPoints: 0, next: null } })),
      ],
      ['no setup', tampered((s) => delete s.setup)],
    ];
    for (const [what, raw] of cases) expect(stateFromSnapshot(raw), what).toBeNull();
  });

  it('reads back every state it keeps (property)', () => {
    const text = fc.string({ maxLength: 40 });
    const iso = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    const arbitraryItem = fc.record({
      id: fc.uuid(),
      title: text,
      url: text,
      note: fc.option(text),
      imageUrl: fc.option(text),
      campaign: fc.option(text),
      language: fc.option(text),
      tags: fc.array(text, { maxLength: 4 }),
      networks: fc.subarray(['linkedin', 'x', 'facebook'] as const),
      publishAt: fc.option(iso),
      expiresAt: fc.option(iso),
      createdAt: iso,
      updatedAt: iso,
      suggestions: fc.record({ linkedin: text, x: text, facebook: text }, { requiredKeys: [] }),
      lastShare: fc.option(
        fc.record({ network: fc.constantFrom('linkedin', 'x', 'facebook' as const), sharedAt: iso }),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryItem, { maxLength: 20 }),
        fc.option(fc.constantFrom('offline', 'server', 'invalid-payload', 'signed-out') as fc.Arbitrary<'offline'>),
        fc.nat(),
        (content, errorKind, points) => {
          const original = state({
            content: content as PopupItem[],
            total: content.length,
            status: { error: errorKind ? { kind: errorKind, message: 'why' } : null },
            points: { points, shares: 0, level: { name: 'L', minPoints: 0, next: null } },
          });
          expect(stateFromSnapshot(snapshotOf(original))).toEqual({
            ...original,
            content: original.content.slice(0, FIRST_PAGE),
            unseen: [],
          });
        },
      ),
    );
  });

  it('never throws on anything read back (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify({ version: 1, state: value })),
        ),
        (raw) => {
          expect(() => stateFromSnapshot(raw)).not.toThrow();
        },
      ),
    );
  });
});
