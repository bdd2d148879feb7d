/** The shapes the scoring module reads (shares, clicks, rules) and what it answers (a score). */
import type { BadgeMetric, Network, ScoringRules } from '../schemas';

export interface ScoredShare {
  /** The event's id, where known (not used for scoring). */
  id?: string;
  contentId: string;
  network: Network;
  /** Milliseconds since the epoch. */
  sharedAt: number;
  personalized?: boolean;
  /** When the content was published (ms), for the early-share bonus; unknown: no bonus. */
  publishedAt?: number | null;
}

/** Clicks on the tracked link of an advocate's share of `contentId` on `network`. */
export interface ScoredClick {
  contentId: string;
  network: Network;
  /** When (ms); the server stores clicks by the hour and gives the hour's start. */
  at: number;
  /** How many clicks at that moment; default 1. */
  count?: number;
}

/** A share as the extension logs it (entrypoints/background/db.ts LocalShare): ISO time, personalised flag. */
export interface LoggedShare {
  contentId: string;
  network: Network;
  sharedAt: string;
  personalized?: boolean;
}

/**
 * Rules as stored or synced: documents from before badges existed have none (the defaults apply).
 * `dailyShareCap` is the guidelines' (the one daily cap, `withDailyCap`): shares past it in a UTC
 * day earn no share points; absent or null: no cap.
 */
export type RulesForScoring = Omit<ScoringRules, 'badges'> & {
  badges?: ScoringRules['badges'];
  dailyShareCap?: number | null;
};

export interface Level {
  name: string;
  minPoints: number;
  next: { name: string; minPoints: number } | null;
}

/** What the popup's points region shows. */
export interface PointsSummary {
  points: number;
  shares: number;
  level: Level;
}

export interface BadgeProgress {
  id: string;
  name: string;
  description?: string;
  metric: BadgeMetric;
  threshold: number;
  value: number;
  earned: boolean;
}

export interface Score extends PointsSummary {
  /** false when the admins turned gamification off: everything is zero. */
  enabled: boolean;
  /** Clicks on counted shares' tracked links (all of them, beyond the click-points cap). */
  clicks: number;
  personalizedShares: number;
  streak: { current: number; best: number };
  badges: BadgeProgress[];
  /** Points by ISO week of earning, e.g. `{"2026-W05": 35}`. */
  weeks: Record<string, number>;
  /** Points by UTC month of earning, e.g. `{"2026-02": 120}`. */
  months: Record<string, number>;
}

export interface ScoreOptions {
  clicks?: readonly ScoredClick[];
  /** The moment the streak is judged at; default: the latest counted share. */
  now?: number;
}
