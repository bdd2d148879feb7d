/** The enrolment suite: an extension getting its token end to end, by invite code and by work account (zero-touch and first sign-in). */
import { performance } from 'node:perf_hooks';
import { CALLBACK_PATH } from '../server/sso/service';
import { startTestIdp, type TestIdp } from '../tests/helpers/oidc-provider';
import { ADA, CHROME_ORIGIN, CHROME_REDIRECT, ssoConfigFor } from '../tests/helpers/sso';
import { exchangeCode, extensionSignIn, SsoBrowser, type IdpCredentials } from '../tests/helpers/sso-client';
import { BASELINE_PATH, expectStatus, startBenchServer, type BenchServer } from './server';
import type { BenchSettings, Suite, SuiteOutcome } from './suite';
import { formatMs, renderTable } from './table';

// Over HTTP on loopback, against a real OpenID provider (tests/helpers/oidc-provider.ts), beside a
// constant JSON route on the same server.
const WARMUP = 5;
const RUNS = 40;

const log = (message: string) => process.stderr.write(`[bench enrolment] ${message}\n`);

interface Measured {
  name: string;
  /** HTTP requests one round trip makes. */
  requests: number;
  /** Milliseconds per round trip, sorted. */
  times: number[];
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/** Runs `trip` WARMUP times, then RUNS times timed; each resolves to the requests it made. */
async function measure(name: string, trip: () => Promise<number>): Promise<Measured> {
  for (let i = 0; i < WARMUP; i++) await trip();
  const times: number[] = [];
  let requests = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    requests = await trip();
    times.push(performance.now() - start);
  }
  return { name, requests, times: times.sort((a, b) => a - b) };
}

/** Signs in with the work account in `browser` and exchanges the code; the requests made. */
async function ssoEnrolment(
  server: BenchServer,
  browser: SsoBrowser,
  sign: { credentials?: IdpCredentials; prompt?: 'none' },
): Promise<number> {
  const before = browser.visited.length;
  const end = await extensionSignIn(browser, server.url, { redirect: CHROME_REDIRECT, ...sign });
  const code = end.searchParams.get('code');
  if (!code) throw new Error(`the sign-in ended without a code: ${end.href}`);
  const response = await exchangeCode(server.url, code, CHROME_ORIGIN);
  await expectStatus(response, 201, 'code exchange');
  await response.arrayBuffer();
  // The redirect to the extension is not fetched (the browser hands it over): not a request.
  return browser.visited.length - before + 1;
}

async function runDatabase(kind: BenchSettings['databases'][number], outcome: SuiteOutcome): Promise<Measured[]> {
  let idp: TestIdp | undefined;
  let server: BenchServer | undefined;
  try {
    idp = await startTestIdp();
    log(`${kind}: starting the server on a fresh database, signing in with a test OpenID provider`);
    server = await startBenchServer(kind, { config: { publicUrl: '', sso: ssoConfigFor(idp) } });
    idp.client.redirectUris.push(server.url + CALLBACK_PATH);
    const running = server;
    const invite = await running.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await running.adminToken(),
    });
    await expectStatus(invite, 201, 'create invite');
    const { code } = (await invite.json()) as { code: string };
    // One browser keeps its provider session for the zero-touch sign-ins.
    const signedIn = new SsoBrowser();
    await ssoEnrolment(running, signedIn, { credentials: ADA });
    return [
      await measure(`baseline: GET ${BASELINE_PATH}`, async () => {
        const response = await running.call(BASELINE_PATH);
        await expectStatus(response, 200, 'baseline');
        await response.arrayBuffer();
        return 1;
      }),
      await measure('invite code: POST /v1/enroll', async () => {
        const response = await running.call('/v1/enroll', { method: 'POST', json: { code, name: 'Bench Advocate' } });
        await expectStatus(response, 201, 'enrol');
        await response.arrayBuffer();
        return 1;
      }),
      await measure('work account, zero-touch: prompt=none with a provider session', () =>
        ssoEnrolment(running, signedIn, { prompt: 'none' }),
      ),
      await measure('work account, first sign-in: the login form on the way', () =>
        ssoEnrolment(running, new SsoBrowser(), { credentials: ADA }),
      ),
    ];
  } catch (error) {
    const message = (error as Error).message;
    outcome.errors.push(`${kind}: ${message}`);
    log(`${kind}: FAILED: ${(error as Error).stack ?? message}`);
    return [];
  } finally {
    await server
      ?.close()
      .catch((error: unknown) => outcome.errors.push(`${kind}: closing the server: ${(error as Error).message}`));
    await idp?.close();
  }
}

export const enrolmentSuite: Suite = {
  name: 'enrolment',
  summary:
    'an extension getting its token: invite code, and work-account sign-in (zero-touch and first), against a constant route',
  async run(settings) {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const rows: string[][] = [];
    for (const kind of settings.databases) {
      const measured = await runDatabase(kind, outcome);
      const baseline = measured[0] ? quantile(measured[0].times, 0.5) : NaN;
      for (const entry of measured) {
        const median = quantile(entry.times, 0.5);
        rows.push([
          kind,
          entry.name,
          String(entry.requests),
          formatMs(median),
          formatMs(quantile(entry.times, 0.95)),
          `${(median / baseline).toFixed(1)}×`,
        ]);
      }
    }
    const lines = [
      '',
      `## Enrolment round trip (${RUNS} sequential runs after ${WARMUP} warm-up runs, loopback)`,
      '',
      renderTable(
        [
          { header: 'database' },
          { header: 'enrolment' },
          { header: 'requests', align: 'right' },
          { header: 'median ms', align: 'right' },
          { header: 'p95 ms', align: 'right' },
          { header: '× baseline', align: 'right' },
        ],
        rows,
      ),
      '',
      'Measures the time from the extension asking to its token in hand: every HTTP request of the flow (Relay, the test OpenID provider, the code exchange), the provider on this machine.',
    ];
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
