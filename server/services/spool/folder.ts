/** The spool folder of one queue on one instance, and taking over the folders of instances that are gone. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

const OWNER_FILE = 'owner.json';
export const SEGMENT = /^seg-(\d+)\.jsonl$/;

interface Owner {
  pid: number;
  host: string;
  token: string;
}

/** Whether a process runs: a zombie (killed, not yet reaped by its parent) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state is the field after the command's closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

function readOwner(dir: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as Partial<Owner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string') {
      return owner as Owner;
    }
  } catch {
    // missing or torn: nobody owns it
  }
  return undefined;
}

export const segmentName = (id: number): string => `seg-${String(id).padStart(6, '0')}.jsonl`;

export interface AdoptedSegment {
  path: string;
  bytes: number;
  /** Complete lines in it. */
  lines: number;
}

/**
 * `<root>/<instance>/`: this process's segments, with an owner file. Folders left by processes that
 * are gone (same host, that pid no longer running, or our own pid after a container restart) are
 * taken over: their segments move into ours as seg-000000… (oldest first) and are returned, so
 * this process's own segments number from `adopted.length`.
 */
export function claimFolder(root: string): { dir: string; adopted: AdoptedSegment[]; release(): void } {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const token = randomBytes(8).toString('hex');
  const dir = join(root, `${process.pid}-${token}`);
  mkdirSync(dir, { mode: 0o700 });
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: hostname(), token }), { mode: 0o600 });

  const adopted: AdoptedSegment[] = [];
  let next = 0;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const other = join(root, entry.name);
    if (!entry.isDirectory() || other === dir) continue;
    const owner = readOwner(other);
    const orphaned = !owner || (owner.host === hostname() && (owner.pid === process.pid || !alive(owner.pid)));
    if (!orphaned) continue;
    const segments = readdirSync(other)
      .filter((name) => SEGMENT.test(name))
      .sort((a, b) => Number(SEGMENT.exec(a)![1]) - Number(SEGMENT.exec(b)![1]));
    for (const name of segments) {
      const target = join(dir, segmentName(next++));
      renameSync(join(other, name), target);
      const text = readFileSync(target);
      let lines = 0;
      for (const byte of text) if (byte === 10) lines++;
      adopted.push({ path: target, bytes: text.length, lines });
    }
    rmSync(other, { recursive: true, force: true });
  }
  return {
    dir,
    adopted,
    release() {
      // A folder with segments left in it stays for the next start; an empty one goes.
      if (existsSync(dir) && !readdirSync(dir).some((name) => name.endsWith('.jsonl'))) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
