/**
 * The one scoring module: points, level, streak and badges for a log of shares and the clicks they
 * brought, under the admins' scoring rules. The extension runs it on its local share log, the
 * server on the share events and click counts it stored, so both show the same numbers.
 */
export * from './types';
export { isoWeekIndex, isoWeekStart, isoWeekLabel, isoWeekKey, monthKey, monthStart, recentWeeks } from './calendar';
export type { WeekPoints } from './calendar';
export { isoMillis } from './iso-millis';
export { compareShares, isScored, levelFor, sharePoints, withDailyCap } from './rules';
export { scoreShares } from './score';
export { scoreLocalLog } from './local-log';
