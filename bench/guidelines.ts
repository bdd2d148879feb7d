/**
 * The guidelines suite: the guideline check (lib/guidelines/) of a 3,000-character LinkedIn post
 * against 200 banned terms (180 plain words and phrases, 20 regular expressions), as the content
 * script runs it: the guidelines compiled once, then checkPost on every (debounced) keystroke.
 * Every check is timed on its own; each scenario runs for BENCH_DURATION seconds, split into
 * BENCH_ROUNDS slices taken in turn with the other scenarios (the order rotating each round), after
 * BENCH_WARMUP seconds of unmeasured checks. The post cycles through 16 variants, one character
 * apart, like text being typed.
 *
 * Baseline: the same check with no banned terms (disclosure, length, hashtags, cap and suggestion
 * rules only), so the ratio is what 200 terms add. Also shown, without targets: one precompiled
 * alternation of the 180 plain terms scanned over the post (the naive one-regex matcher, for
 * scale), the same check on X (twitter-text weighting) and with raw guidelines (compiled on every
 * call).
 *
 * Target: ≤ 1 ms per check, judged on the p99 of CPU time per check (process.cpuUsage), which a
 * busy shared machine does not inflate the way it inflates wall-clock time; wall-clock mean, p50
 * and p99 are shown beside it. Runs in Node's V8, the engine of Chromium's content scripts.
 */
import { availableParallelism, loadavg } from 'node:os';
import { checkPost, compileGuidelines, type CheckContext } from '../lib/guidelines';
import type { BannedTerm, Guidelines, Network } from '../lib/schemas';
import type { BenchSettings, Suite, SuiteOutcome } from './suite';
import { formatRatio, renderTable } from './table';

export const POST_LENGTH = 3_000;
export const BANNED_TERMS = 200;
export const REGEX_TERMS = 20;
export const TARGET_P99_MS = 1;
const VARIANTS = 16;
/** What the post's banned-term hints cover, in order. */
const EXPECTED_HITS = ['miracle', 'confidential', 'miracle', 'confidential', 'insider', 'Q3 earnings'];

const log = (message: string) => process.stderr.write(`[bench guidelines] ${message}\n`);

const WORDS = [
  'guaranteed returns',
  'risk free',
  'free money',
  'insider',
  'confidential',
  'internal only',
  'not yet announced',
  'under embargo',
  'layoffs',
  'restructuring',
  'lawsuit',
  'settlement',
  'acquisition talks',
  'merger',
  'price target',
  'buy the stock',
  'to the moon',
  'get rich',
  'double your money',
  'no risk',
  'best in the world',
  'number one',
  'cure',
  'miracle',
  'leak',
  'leaked',
  'secret',
  'vertraulich',
  'Geschäftsgeheimnis',
  'confidentiel',
  'délit d’initié',
  'información privilegiada',
  '机密',
  'インサイダー',
  'конфиденциально',
  'crypto giveaway',
  'airdrop',
  'competitor X sucks',
  'beat the market',
  'financial advice',
];
const CODENAMES = ['Falcon', 'Orion', 'Nimbus', 'Atlas', 'Juniper', 'Kestrel', 'Mosaic', 'Quartz', 'Sierra', 'Tundra'];
const REGEXES = [
  String.raw`\b(?:Q[1-4]|H[12])\s+(?:revenue|earnings|results)\b`,
  String.raw`\$\d+(?:\.\d+)?\s*(?:m|bn|million|billion)\b`,
  String.raw`\b\d{1,3}\s*%\s+(?:growth|returns?|upside)\b`,
  String.raw`\b(?:buy|sell|short)\s+(?:our|the)\s+(?:stock|shares)\b`,
  String.raw`\bguarantee(?:d|s)?\b`,
  String.raw`\bproject\s+[A-Z][a-z]+-\d+\b`,
  String.raw`\b(?:ceo|cfo|cto)\s+(?:is\s+)?(?:leaving|resigning)\b`,
  String.raw`\bpre-?ipo\b`,
  String.raw`\b(?:nda|non-disclosure)\s+(?:material|info(?:rmation)?)\b`,
  String.raw`\b\d{3}-\d{3}-\d{4}\b`,
  String.raw`[\w.+-]+@acme\.example\b`,
  String.raw`\bclient\s+list\b`,
  String.raw`\b(?:password|passcode)s?\s*[:=]`,
  String.raw`\bship(?:s|ping)?\s+(?:next|this)\s+(?:week|month|quarter)\b`,
  String.raw`\b(?:up|down)\s+\d+x\b`,
  String.raw`\broadmap\s+(?:leak|slide|deck)s?\b`,
  String.raw`\bunreleased\s+\w+`,
  String.raw`\b(?:hate|stupid|idiot)s?\b`,
  String.raw`#(?:ad|sponsored|spon)\b`,
  String.raw`\bsalary\s+(?:band|range)s?\b`,
];

function bannedTerms(): BannedTerm[] {
  const terms: BannedTerm[] = WORDS.map((pattern) => ({ pattern, reason: `"${pattern}" is off limits` }));
  for (let i = 0; terms.length < BANNED_TERMS - REGEX_TERMS; i++) {
    const name = `Project ${CODENAMES[i % CODENAMES.length] ?? 'X'}-${i}`;
    terms.push({ pattern: name, reason: 'internal code names stay internal' });
  }
  for (const pattern of REGEXES) terms.push({ pattern, regex: true, reason: 'regulated or internal information' });
  return terms;
}

export const GUIDELINES: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: bannedTerms(),
  maxHashtags: 5,
  dailyShareCap: 10,
  companyNames: ['Acme'],
};

const PARAGRAPHS = [
  'Three years ago a handful of us sat in a small room and sketched how our customers might one day see their whole supply chain on one screen. Today that screen ships to every customer, and I could not be prouder of the people who built it.',
  'What surprised me most was not the technology. It was how much the work changed once we sat next to the planners who use it every morning: they showed us which numbers they trust, which ones they ignore, and why.',
  'A few things I learned along the way: ship small, measure honestly, and write down the decisions you are not sure about, because future you will want to know why. Our engineering blog has the longer story, with diagrams.',
  'If your team is wrestling with late shipments or spreadsheets that never agree, have a look and tell me what you think. I read every comment, and the best ideas in this release came from people outside the company.',
  'Thank you to the design team in Lyon, the data team in Toronto and the support crew who answered a thousand questions during the beta. Rien de tout cela ne serait possible sans vous. Danke, merci, gracias.',
  'One note for the curious: it is not a miracle, and nothing here is confidential. It is careful work, tested with real data, and it will keep getting better every two weeks.',
];

/** A 3,000-character post: prose in a few languages, an emoji, hashtags, a link, six banned-term hits. */
export function post(): string {
  const suffix =
    ' Call me an insider, but it felt like Q3 earnings day.' +
    '\n\nhttps://acme.example/r/b3nch?utm_source=linkedin #employee #supplychain #launch 🚀';
  let body = '';
  for (let i = 0; body.length < POST_LENGTH; i++) body += `${PARAGRAPHS[i % PARAGRAPHS.length] ?? ''}\n\n`;
  return `${body.slice(0, POST_LENGTH - suffix.length)}${suffix}`;
}

/** Posts one keystroke apart: the same post with one character changed before the hashtags. */
function variants(base: string): string[] {
  const at = base.indexOf('https://') - 3;
  return Array.from(
    { length: VARIANTS },
    (_, i) => `${base.slice(0, at)}${'abcdefghijklmnop'[i] ?? 'x'}${base.slice(at + 1)}`,
  );
}

interface Scenario {
  name: string;
  run(text: string): number;
  /** The target for the p99 of CPU time per check, ms, when the scenario has one. */
  targetMs?: number;
  baseline?: boolean;
}

interface Measured {
  scenario: Scenario;
  /** Wall-clock time of each check, ms. */
  wall: number[];
  /** CPU time (user + system, the whole process) of each check, ms. */
  cpu: number[];
}

function context(network: Network, guidelines: CheckContext['guidelines']): CheckContext {
  return {
    network,
    guidelines,
    sharesToday: 3,
    suggestion: 'We just launched the new supply chain view. Have a look!',
  };
}

function scenarios(): Scenario[] {
  const compiled = compileGuidelines(GUIDELINES);
  const none = compileGuidelines({ ...GUIDELINES, bannedTerms: [] });
  const plain = GUIDELINES.bannedTerms.filter((term) => !term.regex);
  const escape = (word: string) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const alternation = new RegExp(
    plain.map((term) => term.pattern.split(/\s+/u).map(escape).join('\\s+')).join('|'),
    'giu',
  );
  const onLinkedIn = context('linkedin', compiled);
  const onX = context('x', compiled);
  const withRaw = context('linkedin', GUIDELINES);
  const withoutTerms = context('linkedin', none);
  return [
    {
      name: `checkPost, ${BANNED_TERMS} terms (compiled once)`,
      run: (text) => checkPost(text, onLinkedIn).length,
      targetMs: TARGET_P99_MS,
    },
    { name: 'baseline: checkPost, 0 terms', run: (text) => checkPost(text, withoutTerms).length, baseline: true },
    {
      name: `one alternation of the ${plain.length} plain terms`,
      run: (text) => {
        let found = 0;
        alternation.lastIndex = 0;
        while (alternation.exec(text)) found++;
        return found;
      },
    },
    { name: `checkPost on X (same text), ${BANNED_TERMS} terms`, run: (text) => checkPost(text, onX).length },
    {
      name: `checkPost, ${BANNED_TERMS} terms (raw, compiled per call)`,
      run: (text) => checkPost(text, withRaw).length,
    },
  ];
}

/** The hints the post must give, or the benchmark measures the wrong thing. */
function verify(text: string): string[] {
  const problems: string[] = [];
  const compiled = compileGuidelines(GUIDELINES);
  if (compiled.skippedTerms.length > 0) problems.push(`${compiled.skippedTerms.length} banned terms did not compile`);
  if (text.length !== POST_LENGTH) problems.push(`the post is ${text.length} characters, expected ${POST_LENGTH}`);
  const hints = checkPost(text, context('linkedin', compiled));
  const found = hints
    .filter((hint) => hint.kind === 'banned-term')
    .map((hint) => text.slice(hint.range?.start, hint.range?.end));
  const expected = EXPECTED_HITS;
  if (JSON.stringify(found) !== JSON.stringify(expected) || hints.length !== expected.length) {
    problems.push(
      `the post gave ${JSON.stringify(hints.map((hint) => hint.kind))} / ${JSON.stringify(found)}, expected the banned terms ${JSON.stringify(expected)} only`,
    );
  }
  const raw = checkPost(text, context('linkedin', GUIDELINES));
  if (JSON.stringify(raw) !== JSON.stringify(hints)) problems.push('raw and compiled guidelines gave different hints');
  return problems;
}

let sink = 0;

/** Runs checks for `seconds`, timing each one (wall clock and CPU) into `into` when given. */
function runFor(scenario: Scenario, texts: string[], seconds: number, into?: Measured): void {
  const until = performance.now() + seconds * 1000;
  let count = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 64; i++) {
      const text = texts[count % texts.length] ?? '';
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      sink += scenario.run(text);
      const elapsed = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      into?.wall.push(elapsed);
      into?.cpu.push((cpu.user + cpu.system) / 1000);
      count++;
    }
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function mean(values: number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

interface Stats {
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: mean(values),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

const micros = (ms: number) => (Number.isFinite(ms) ? Math.round(ms * 1000).toLocaleString('en-US') : '—');

function measure(settings: BenchSettings, list: Scenario[], texts: string[]): Measured[] {
  const measured: Measured[] = list.map((scenario) => ({ scenario, wall: [], cpu: [] }));
  if (settings.warmupSeconds > 0) {
    log(`warming up (${settings.warmupSeconds} s per scenario)`);
    for (const entry of measured) runFor(entry.scenario, texts, settings.warmupSeconds);
  }
  const slice = settings.durationSeconds / settings.rounds;
  log(
    `measuring ${list.length} scenarios, ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} of ${slice.toFixed(2)} s each`,
  );
  for (let round = 0; round < settings.rounds; round++) {
    for (let k = 0; k < measured.length; k++) {
      const entry = measured[(k + round) % measured.length];
      if (entry) runFor(entry.scenario, texts, slice, entry);
    }
  }
  return measured;
}

export const guidelinesSuite: Suite = {
  name: 'guidelines',
  summary: `checkPost of a ${POST_LENGTH.toLocaleString('en-US')}-character post against ${BANNED_TERMS} banned terms, beside the check with none`,
  async run(settings) {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const base = post();
    const texts = variants(base);
    const problems = [
      ...verify(base),
      ...texts.flatMap((text) => verify(text).map((problem) => `a variant: ${problem}`)),
    ];
    outcome.errors.push(...new Set(problems));
    if (outcome.errors.length > 0) {
      process.stdout.write(`\n## Guideline check\n\n${outcome.errors.map((error) => `ERROR ${error}`).join('\n')}\n`);
      return outcome;
    }

    const loadBefore = loadavg()[0] ?? Number.NaN;
    const measured = measure(settings, scenarios(), texts);
    const loadAfter = loadavg()[0] ?? Number.NaN;
    log(`done (checksum ${sink})`);
    const baseline = measured.find((entry) => entry.scenario.baseline);
    const baselineCpu = baseline ? mean(baseline.cpu) : Number.NaN;
    const rows = measured.map(({ scenario, wall, cpu }) => {
      const w = stats(wall);
      const c = stats(cpu);
      let verdict = '—';
      if (scenario.targetMs !== undefined) {
        verdict = c.p99 <= scenario.targetMs ? 'ok' : 'MISSED';
        if (verdict === 'MISSED')
          outcome.missed.push(
            `${scenario.name}: CPU p99 ${micros(c.p99)} µs, target ≤ ${micros(scenario.targetMs)} µs`,
          );
        if (w.mean > scenario.targetMs)
          log(`note: ${scenario.name}: wall-clock mean ${micros(w.mean)} µs is over the target (a busy machine?)`);
      }
      return [
        scenario.name,
        wall.length.toLocaleString('en-US'),
        micros(w.mean),
        micros(w.p50),
        micros(w.p99),
        micros(c.mean),
        micros(c.p99),
        scenario.baseline ? '1.00×' : formatRatio(c.mean / baselineCpu),
        scenario.targetMs === undefined ? '—' : `CPU p99 ≤ ${micros(scenario.targetMs)} µs`,
        verdict,
      ];
    });

    const lines = [
      '',
      `## Guideline check: a ${POST_LENGTH.toLocaleString('en-US')}-character LinkedIn post, ${BANNED_TERMS} banned terms ` +
        `(${BANNED_TERMS - REGEX_TERMS} plain, ${REGEX_TERMS} regex); ${settings.durationSeconds} s per scenario in ` +
        `${settings.rounds} rotating rounds, ${settings.warmupSeconds} s warm-up each; ${availableParallelism()} CPUs, ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
      '',
      renderTable(
        [
          { header: 'scenario' },
          { header: 'checks', align: 'right' },
          { header: 'wall mean µs', align: 'right' },
          { header: 'wall p50 µs', align: 'right' },
          { header: 'wall p99 µs', align: 'right' },
          { header: 'CPU mean µs', align: 'right' },
          { header: 'CPU p99 µs', align: 'right' },
          { header: 'CPU ÷ baseline', align: 'right' },
          { header: 'target' },
          { header: 'ok?' },
        ],
        rows,
      ),
      '',
      'Each check timed on its own: wall clock (performance.now) and CPU time (process.cpuUsage, µs resolution, ' +
        'about 1 µs of its own). The target is judged on CPU time, which time spent waiting for a busy machine does ' +
        'not inflate (it does count the GC and compiler threads of the process); on an idle machine the two are close. ' +
        'The baseline is the same check with no banned terms; the alternation row is one precompiled regex of the ' +
        'plain terms scanned over the post (the naive matcher), for scale. Before ' +
        `measuring, every variant of the post was checked to give exactly its ${EXPECTED_HITS.length} banned-term hints.`,
    ];
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
