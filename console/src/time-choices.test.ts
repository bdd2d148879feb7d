/** Quick time choices and zone labels, in the zone the tests run in. */
import { describe, expect, it } from 'vitest';
import { expiryChoices, publishChoices, utcOffset } from './time-choices';
import { localToIso } from './time';

describe('time choices', () => {
  // A Wednesday afternoon, local time.
  const now = new Date(2026, 11, 2, 15, 30);

  it('offers tomorrow and next Monday at 9:00', () => {
    expect(publishChoices(now)).toEqual([
      { label: 'Tomorrow 9:00', value: '2026-12-03T09:00' },
      { label: 'Monday 9:00', value: '2026-12-07T09:00' },
    ]);
    // On a Monday, "Monday" is the next one.
    expect(publishChoices(new Date(2026, 11, 7, 8))[1]!.value).toBe('2026-12-14T09:00');
  });

  it('counts expiry from the publish time when it is later than now', () => {
    expect(expiryChoices(now, null)[0]!.value).toBe('2026-12-09T18:00');
    const publish = new Date(localToIso('2026-12-10T09:00')!);
    expect(expiryChoices(now, publish).map((choice) => choice.value)).toEqual(['2026-12-17T18:00', '2027-01-09T18:00']);
  });

  it('writes offsets as UTC±h[:mm]', () => {
    const offset = utcOffset(now);
    expect(offset).toMatch(/^UTC([+−]\d{1,2}(:\d{2})?)?$/);
  });
});
