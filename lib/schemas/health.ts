/**
 * Integration health: per browser, composer site, extension version and UTC day, how often the
 * extension found composers, inserted and saw publishes confirmed, as counts only (no text, URL or
 * markup). A report carries each key's running totals, so the server keeps the latest per key and a
 * retry never counts twice.
 */
import { z } from 'zod';

export const HEALTH_SITES = ['linkedin', 'x'] as const;
export type HealthSite = (typeof HEALTH_SITES)[number];
export const healthSiteSchema = z.enum(HEALTH_SITES);

/** What is counted, per key. */
export const HEALTH_COUNTERS = [
  'composersSeen',
  'composersUnmatched',
  'insertionsConfirmed',
  'insertionsFailed',
  'publishesConfirmed',
  'publishesUnconfirmed',
  'overridesRefused',
] as const;
export type HealthCounter = (typeof HEALTH_COUNTERS)[number];
export type HealthCounts = Record<HealthCounter, number>;

/** A UTC day, YYYY-MM-DD. */
export const healthDaySchema = z.iso.date().describe('a UTC day, e.g. 2026-12-01');
export const extensionVersionSchema = z
  .string()
  .regex(/^\d{1,5}(\.\d{1,5}){0,3}$/, 'must be a version such as 1.4.2')
  .describe("the extension's version");

const countSchema = z.number().int().min(0).max(1_000_000);
export const healthCountsSchema = z
  .object(
    Object.fromEntries(HEALTH_COUNTERS.map((name) => [name, countSchema])) as Record<HealthCounter, typeof countSchema>,
  )
  .strict();

export const healthEntrySchema = z
  .object({
    site: healthSiteSchema,
    version: extensionVersionSchema,
    day: healthDaySchema,
    counts: healthCountsSchema,
  })
  .strict();
export type HealthEntry = z.infer<typeof healthEntrySchema>;

/** Most entries in one report. */
export const MAX_HEALTH_ENTRIES = 100;

export const healthReportSchema = z
  .object({
    browser: z.uuid().describe("a random id this browser made for its reports (not the advocate's)"),
    entries: z.array(healthEntrySchema).min(1).max(MAX_HEALTH_ENTRIES),
  })
  .strict();
export type HealthReport = z.infer<typeof healthReportSchema>;

export const healthReportResponseSchema = z.object({ stored: z.number().int() });

/** One day's counts on a site for one extension version, added over browsers (the admin's view). */
export const healthDayRowSchema = z.object({
  site: healthSiteSchema,
  version: z.string(),
  day: healthDaySchema,
  browsers: z.number().int(),
  counts: healthCountsSchema,
});
export type HealthDayRow = z.infer<typeof healthDayRowSchema>;

export const adminHealthResponseSchema = z.object({
  today: healthDaySchema,
  days: z.number().int(),
  rows: z.array(healthDayRowSchema),
});
export type AdminHealthResponse = z.infer<typeof adminHealthResponseSchema>;

export const adminHealthQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(60).optional().describe('how many days back, today included (default 14)'),
});

/** Counts all zero. */
export function zeroCounts(): HealthCounts {
  return Object.fromEntries(HEALTH_COUNTERS.map((name) => [name, 0])) as HealthCounts;
}
