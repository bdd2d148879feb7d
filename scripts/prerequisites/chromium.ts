/**
 * Chromium for the end-to-end tests: found through CHROMIUM_PATH, `chromium` on PATH or Debian's
 * /usr/bin/chromium; installed from Debian (`apt-get install -y chromium`) when missing and we are
 * root with apt-get, else the exact command to run is printed.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Step } from './step';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumFacts {
  /** CHROMIUM_PATH, when set: then that file and no other is used. */
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

/** CHROMIUM_PATH when set (whether or not it exists), else `chromium` on PATH, else Debian's path. */
export function chromiumCandidate(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || onPath('chromium', env) || DEBIAN_CHROMIUM;
}

export function chromiumFacts(env: NodeJS.ProcessEnv = process.env): ChromiumFacts {
  const candidate = chromiumCandidate(env);
  return {
    configured: env.CHROMIUM_PATH || undefined,
    found: executable(candidate) ? candidate : null,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get', env) !== null,
  };
}

const INSTALL = ['apt-get', 'install', '-y', 'chromium'];

export function planChromium(facts: ChromiumFacts): Step {
  const what = 'Chromium';
  if (facts.found) return { kind: 'ready', what, detail: facts.found };
  const sudo = facts.isRoot ? '' : 'sudo ';
  const aptInstall = `${sudo}apt-get update && ${sudo}apt-get install -y chromium`;
  if (facts.configured) {
    return {
      kind: 'missing',
      what,
      why: `CHROMIUM_PATH=${facts.configured} is not an executable file.`,
      instructions: [
        "Point CHROMIUM_PATH at a Chromium executable, or unset it to use Debian's" +
          (facts.hasAptGet ? ` (npm test installs it when run as root: ${aptInstall}).` : '.'),
      ],
    };
  }
  if (facts.isRoot && facts.hasAptGet) {
    return {
      kind: 'run',
      what,
      why: "not installed; installing Debian's chromium package",
      commands: [['apt-get', 'update', '-qq'], INSTALL],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    };
  }
  return {
    kind: 'missing',
    what,
    why: "not installed (the end-to-end tests start Debian's Chromium and never download a browser).",
    instructions: facts.hasAptGet
      ? [
          'Install it as root, then run the tests again:',
          `  ${aptInstall}`,
          'or set CHROMIUM_PATH=/path/to/chromium to use one that is already installed.',
        ]
      : ["Install Chromium with this system's package manager and set CHROMIUM_PATH=/path/to/chromium."],
  };
}
