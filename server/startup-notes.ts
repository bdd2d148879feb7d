/**
 * What a person starting the server must know at once, printed after "listening on": the admin
 * console is not built (so /admin answers 503), no admin exists yet, or single sign-on accepts any
 * extension's redirect (on a loopback address only: elsewhere that stops start-up). One line each, nothing when all is well.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from './server';

export const CONSOLE_NOT_BUILT =
  'The admin console is not built, so /admin answers 503: run `npm run build` (or `npm run build:admin`); no restart needed.';
export const NO_ADMIN =
  'No admin exists yet: add one with `npm run admin:add -- you@example.com` (with this server’s DATABASE_URL), ' +
  'or restart with RELAY_ADMIN_EMAIL and RELAY_ADMIN_PASSWORD set.';

export const NO_ADMIN_SSO =
  'No admin exists yet: the first member of RELAY_OIDC_ADMIN_GROUP to sign in to the console with their work account becomes one.';
/** Only on a loopback RELAY_PUBLIC_URL: elsewhere the server does not start without RELAY_EXTENSION_IDS (config.ts). */
export const ANY_EXTENSION =
  'Single sign-on sends one-time codes to any browser extension’s sign-in redirect (allowed on loopback only): ' +
  'set RELAY_EXTENSION_IDS to your Relay extension’s ids (Chrome/Edge extension ids, the Firefox add-on id) to accept only those.';

export async function startupNotes(running: Pick<RunningServer, 'deps'>): Promise<string[]> {
  const notes: string[] = [];
  const built = await access(join(running.deps.config.consoleDir, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!built) notes.push(CONSOLE_NOT_BUILT);
  const admin = await running.deps.db.selectFrom('admins').select('id').limit(1).executeTakeFirst();
  const { sso, passwordSignIn } = running.deps.config;
  if (!admin) notes.push(passwordSignIn ? NO_ADMIN : NO_ADMIN_SSO);
  if (sso && sso.extensionIds.length === 0) notes.push(ANY_EXTENSION);
  return notes;
}

/** Prints the notes; a failure to look (the database just went away) is printed, never thrown. */
export async function printStartupNotes(running: Pick<RunningServer, 'deps'>): Promise<void> {
  try {
    for (const note of await startupNotes(running)) console.log(note);
  } catch (error) {
    console.error(`could not check the console build and admins: ${(error as Error).message}`);
  }
}
