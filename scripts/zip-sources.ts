/**
 * The sources archive AMO's reviewers rebuild the Firefox add-on from: `git archive` of HEAD, so
 * tracked files only (no .env, data/, node_modules, test results), refused while tracked files
 * differ from HEAD (the archive would not be what was built). `npm run zip` runs it last.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the archive goes: `<outDir>/relay-<version>-sources.zip`, beside the add-on's zip. */
export function sourcesArchivePath(root: string, outDir: string): string {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return resolve(root, outDir, `${name}-${version}-sources.zip`);
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' });
}

/** Tracked files whose content differs from HEAD (staged or not); untracked files do not count. */
export function uncommittedChanges(root: string): string[] {
  return git(root, ['status', '--porcelain', '--untracked-files=no'])
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Writes the archive of HEAD's tracked files and returns its path (and the commit it holds). */
export function zipSources(root: string, outDir: string): { path: string; commit: string } {
  const changed = uncommittedChanges(root);
  if (changed.length > 0) {
    throw new Error(
      `Tracked files differ from HEAD, so the sources archive would not match the build. Commit them first:\n${changed.join('\n')}`,
    );
  }
  const path = sourcesArchivePath(root, outDir);
  mkdirSync(resolve(root, outDir), { recursive: true });
  const commit = git(root, ['rev-parse', 'HEAD']).trim();
  git(root, ['archive', '--format=zip', '-o', path, commit]);
  return { path, commit };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    const { path, commit } = zipSources(root, process.env.RELAY_OUTPUT_DIR || '.output');
    console.log(`Sources archive of commit ${commit} (tracked files only): ${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
