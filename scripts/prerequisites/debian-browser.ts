/**
 * A browser the end-to-end tests start from Debian (Chromium, firefox-esr): found through its
 * variable (CHROMIUM_PATH, FIREFOX_PATH), its command on PATH or Debian's path; installed from
 * Debian (`apt-get install -y <package>`) when missing and we are root with apt-get, else the exact
 * command to run is printed.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Step } from './step';

/** Which browser, and where it is looked for. */
export interface DebianBrowser {
  /** How it is named to people: "Chromium", "Firefox ESR". */
  what: string;
  /** The variable that names the executable to use: CHROMIUM_PATH. */
  variable: string;
  /** The command looked for on PATH, which is also Debian's package name: chromium, firefox-esr. */
  command: string;
  /** Debian's path for it: /usr/bin/chromium. */
  debianPath: string;
}

export interface BrowserFacts {
  /** The variable's value, when set: then that file and no other is used. */
  configured?: string;
  /** The executable the tests would start, or null when there is none. */
  found: string | null;
  isRoot: boolean;
  hasAptGet: boolean;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on PATH that can be run, or null. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** The variable when set (whether or not it exists), else the command on PATH, else Debian's path. */
export function browserCandidate(browser: DebianBrowser, env: NodeJS.ProcessEnv = process.env): string {
  return env[browser.variable] || onPath(browser.command, env) || browser.debianPath;
}

export function browserFacts(browser: DebianBrowser, env: NodeJS.ProcessEnv = process.env): BrowserFacts {
  const candidate = browserCandidate(browser, env);
  return {
    configured: env[browser.variable] || undefined,
    found: executable(candidate) ? candidate : null,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get', env) !== null,
  };
}

export function planBrowser(browser: DebianBrowser, facts: BrowserFacts): Step {
  const { what, variable, command } = browser;
  if (facts.found) return { kind: 'ready', what, detail: facts.found };
  const sudo = facts.isRoot ? '' : 'sudo ';
  const aptInstall = `${sudo}apt-get update && ${sudo}apt-get install -y ${command}`;
  if (facts.configured) {
    return {
      kind: 'missing',
      what,
      why: `${variable}=${facts.configured} is not an executable file.`,
      instructions: [
        `Point ${variable} at a ${what} executable, or unset it to use Debian's` +
          (facts.hasAptGet ? ` (npm test installs it when run as root: ${aptInstall}).` : '.'),
      ],
    };
  }
  if (facts.isRoot && facts.hasAptGet) {
    return {
      kind: 'run',
      what,
      why: `not installed; installing Debian's ${command} package`,
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', command],
      ],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    };
  }
  return {
    kind: 'missing',
    what,
    why: `not installed (the end-to-end tests start Debian's ${what} and never download a browser).`,
    instructions: facts.hasAptGet
      ? [
          'Install it as root, then run the tests again:',
          `  ${aptInstall}`,
          `or set ${variable}=/path/to/${command} to use one that is already installed.`,
        ]
      : [`Install ${what} with this system's package manager and set ${variable}=/path/to/${command}.`],
  };
}
