/** Daily cap reached: the advocate already shared as often today as the guidelines' `dailyShareCap` allows. */
import { defineRule, type RuleAbout } from '../types';

export const dailyCapRule = defineRule({
  kind: 'daily-cap-reached',
  severity: 'warning',
  settings: ['dailyShareCap'],
  defaults: {},
  check({ sharesToday, guidelines }) {
    const cap = guidelines.guidelines.dailyShareCap;
    if (typeof cap !== 'number' || typeof sharesToday !== 'number' || !(sharesToday >= cap)) return [];
    return [
      {
        message: `You've shared ${sharesToday} time${sharesToday === 1 ? '' : 's'} today; the programme's daily limit is ${cap}. Posting more today can read as spam: keep this one for tomorrow.`,
        messageKey: 'daily_cap',
        params: { count: sharesToday, cap },
      },
    ];
  },
});

export const about: RuleAbout = {
  label: 'Daily share cap',
  description: 'Warns when the advocate has already shared as many posts today as the cap allows.',
};
