/** One cold measurement in a fresh process: `score` times the first scoreLocalLog call, `sort` the first sort of the same log; prints {"ms": …}. */
import { performance } from 'node:perf_hooks';
import { scoreLocalLog } from '../lib/scoring';
import { NOW, RULES, scoringFixture } from './scoring-fixture';

const mode = process.argv[2];
const { content, shares } = scoringFixture();
const start = performance.now();
if (mode === 'score') {
  const score = scoreLocalLog(shares, content, RULES, { now: NOW });
  if (!(score.points > 0)) throw new Error('the log scored no points');
} else if (mode === 'sort') {
  [...shares].sort((a, b) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0));
} else {
  throw new Error(`mode ${String(mode)}: expected score or sort`);
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - start })}\n`);
