/** What `npm test` decides to do about one thing the suites need: nothing, an action, or tell the person. */

/** A command line, run as is (no shell). */
export type Command = readonly string[];

export type Step =
  /** Present: nothing to do. */
  | { kind: 'ready'; what: string; detail: string }
  /** Missing, and this machine lets us fix it: run the commands (or create the database), then look again. */
  | {
      kind: 'run';
      what: string;
      why: string;
      commands: Command[];
      env?: Record<string, string>;
      /** What it starts takes a moment to be ready: look again for a while before giving up. */
      settles?: boolean;
    }
  | { kind: 'create-database'; what: string; why: string; url: string }
  /** Missing, and we may not fix it here: say exactly what to run; the tests are not started. */
  | { kind: 'missing'; what: string; why: string; instructions: string[] };

/** A command as the person would type it (arguments with spaces or quotes quoted). */
export function shellLine(command: Command, env: Record<string, string> = {}): string {
  const quote = (word: string) => (/^[\w@%+=:,./$()-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
  const prefix = Object.entries(env).map(([name, value]) => `${name}=${quote(value)} `);
  return prefix.join('') + command.map(quote).join(' ');
}

/** A connection string fit to print: any password replaced by ***. */
export function shownUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}
