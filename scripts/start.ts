/**
 * `npm start`: the API with the Northwind Robotics demo organisation (server/demo.ts), on an
 * embedded SQLite database that survives restarts: data/demo.db unless DATABASE_URL names another.
 * PORT, HOST and every other variable work as for `npm run server`. Prints "listening on <url>",
 * then a banner with the console's address, the admin's sign-in, the invite code and the next
 * steps. The admin console (console/dist) is built first when it is missing or stale.
 * SIGTERM/SIGINT stop it gracefully.
 */
import { seedDemo, type DemoInfo } from '../server/demo';
import { parseDatabaseUrl } from '../server/db';
import { runFromEnvironment } from '../server/main';
import { startServer } from '../server/server';
import { ensureConsoleBuilt } from './console';
import { buildExtension, findChromium, hasDisplay, manualLoadInstructions, openChromium } from './extension';

const DEFAULT_DATABASE_URL = 'sqlite:data/demo.db';

const env: NodeJS.ProcessEnv & { DATABASE_URL: string } = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
};
let demo: DemoInfo | undefined;

// The API serves the console from console/dist: (re)build it first when missing or stale.
await ensureConsoleBuilt();

await runFromEnvironment({
  env,
  start: (config) =>
    startServer(config, {
      beforeListen: async (deps) => {
        demo = await seedDemo(deps);
      },
    }),
  afterListen: (running) => {
    if (demo) console.log(banner(running.url, env.DATABASE_URL, demo));
    if (env.RELAY_SKIP_EXTENSION !== '1') void startExtension(running.url, demo?.inviteCode);
  },
});

/** Builds the extension against this server and opens it in Chromium, or explains how to load it. */
async function startExtension(url: string, inviteCode: string | undefined): Promise<void> {
  console.log('\n  Building the browser extension for this server…');
  try {
    await buildExtension(url);
  } catch (error) {
    console.error(`  The extension did not build: ${(error as Error).message}`);
    return;
  }
  const chromium = findChromium();
  const enrol = inviteCode ? `  In its popup, enter the invite code ${inviteCode} and your name, then Connect.` : '';
  if (hasDisplay() && chromium) {
    openChromium(chromium);
    console.log(
      `  Extension built. Opened ${chromium} with Relay loaded (profile in data/chromium-profile).\n${enrol}`,
    );
  } else {
    const why = chromium ? 'No display here' : 'No Chromium found';
    console.log(
      `  Extension built (.output/chrome-mv3). ${why}, so load it yourself:\n${manualLoadInstructions(url)}\n${enrol}`,
    );
  }
}

function banner(url: string, databaseUrl: string, info: DemoInfo): string {
  const parsed = parseDatabaseUrl(databaseUrl);
  const shownDatabase = databaseUrl.replace(/:[^:@/]*@/, ':***@');
  const sqliteEnv = parsed.dialect === 'sqlite' ? `DATABASE_URL=${databaseUrl} ` : '';
  const password = info.adminPassword ?? '<your password>';
  const rule = '='.repeat(78);
  const lines = [
    '',
    rule,
    `  Relay demo: ${info.company}  (${info.created.length ? 'set up on this start' : 'already set up, nothing changed'})`,
    rule,
    `  API          ${url}   (described at ${url}/openapi.json)`,
    `  Console      ${url}/admin   (sign in with the admin below)`,
    `  Database     ${shownDatabase}`,
    `  Admin        ${info.adminEmail}`,
    info.adminPassword !== null
      ? `  Password     ${info.adminPassword}   (kept in ${info.credentialsFile})`
      : `  Password     unknown: ${info.credentialsFile} is missing or out of date. Add an admin with\n` +
        `               ${sqliteEnv}npm run admin:add -- you@example.com`,
    `  Invite code  ${info.inviteCode}   (for any number of advocates, never expires)`,
    `  Content      ${info.posts} posts (${info.scheduledPosts} scheduled an hour after the first start), guidelines, scoring`,
    '',
    '  Next steps',
    '  0. The browser extension is being built for this server (see below once it is ready).',
    '  1. Sign in as the admin (answers with a token for the /v1/admin/* endpoints):',
    `       curl -s -X POST ${url}/v1/admin/session -H 'content-type: application/json' \\`,
    `         -d '{"email":"${info.adminEmail}","password":"${password}"}'`,
    '  2. Enrol as an advocate with the invite code (answers with an advocate token):',
    `       curl -s -X POST ${url}/v1/enroll -H 'content-type: application/json' \\`,
    `         -d '{"code":"${info.inviteCode}","name":"Ada Lovelace"}'`,
    '  3. Sync what advocates see, with the token from step 2:',
    `       curl -s ${url}/v1/sync -H 'authorization: Bearer <advocate token>'`,
    '',
    parsed.dialect === 'sqlite'
      ? `  Start over: stop the server, delete ${parsed.path}* and ${info.credentialsFile}.`
      : `  Start over: use an empty database and delete ${info.credentialsFile}.`,
    '  Stop: Ctrl+C (or SIGTERM); requests in flight finish first.',
    rule,
  ];
  return lines.join('\n');
}
