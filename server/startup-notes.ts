/**
 * What a person starting the server must know at once, printed after "listening on": the admin
 * console is not built (so /admin answers 503), or no admin exists yet. One line each, nothing when
 * all is well.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from './server';

export const CONSOLE_NOT_BUILT =
  'The admin console is not built, so /admin answers 503: run `npm run build` (or `npm run build:admin`); no restart needed.';
export const NO_ADMIN =
  'No admin exists yet: add one with `npm run admin:add -- you@example.com` (with this server’s DATABASE_URL), ' +
  'or restart with RELAY_ADMIN_EMAIL and RELAY_ADMIN_PASSWORD set.';

export async function startupNotes(running: Pick<RunningServer, 'deps'>): Promise<string[]> {
  const notes: string[] = [];
  const built = await access(join(running.deps.config.consoleDir, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!built) notes.push(CONSOLE_NOT_BUILT);
  const admin = await running.deps.db.selectFrom('admins').select('id').limit(1).executeTakeFirst();
  if (!admin) notes.push(NO_ADMIN);
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
