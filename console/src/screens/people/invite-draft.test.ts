/** The invite form's kinds of code: what each sends passes the shared schema and means what its label says. */
import { describe, expect, it } from 'vitest';
import { inviteInputSchema } from '../../../../lib/schemas';
import { candidate, EMPTY, isCompanyCode, nextDraft, type Draft } from './invite-draft';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const DAY = 86_400_000;
const send = (draft: Partial<Draft>) => inviteInputSchema.parse(candidate({ ...EMPTY, ...draft }, NOW));

describe('invite drafts', () => {
  it('one person: one use, expiring when the server’s default says', () => {
    expect(EMPTY.audience).toBe('person');
    expect(send({})).toEqual({ maxUses: 1 });
  });

  it('whole company: no use limit, 30 or 90 days or never', () => {
    expect(send({ audience: 'company', companyExpiry: '30' })).toEqual({
      expiresAt: new Date(NOW + 30 * DAY).toISOString(),
    });
    expect(send({ audience: 'company', companyExpiry: '90' })).toEqual({
      expiresAt: new Date(NOW + 90 * DAY).toISOString(),
    });
    expect(send({ audience: 'company', companyExpiry: 'never' })).toEqual({ expiresAt: null });
    // The server takes a missing maxUses as unlimited: that is what makes it a company code.
    expect(isCompanyCode({ maxUses: null })).toBe(true);
    expect(isCompanyCode({ maxUses: 1 })).toBe(false);
  });

  it('custom: what was typed, empty meaning the defaults', () => {
    expect(send({ audience: 'custom' })).toEqual({});
    expect(send({ audience: 'custom', maxUses: '5', never: true })).toEqual({ maxUses: 5, expiresAt: null });
    expect(inviteInputSchema.safeParse(candidate({ ...EMPTY, audience: 'custom', maxUses: 'many' })).success).toBe(
      false,
    );
  });

  it('starts again on the same kind of code', () => {
    const next = nextDraft({ ...EMPTY, audience: 'custom', maxUses: '5', companyExpiry: 'never' });
    expect(next).toEqual({ ...EMPTY, audience: 'custom', companyExpiry: 'never' });
  });
});
