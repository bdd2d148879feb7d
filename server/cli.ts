/**
 * Admin command line. `npm run admin:add -- <email> [--role editor]` adds an admin to the database
 * named by DATABASE_URL; the password comes from RELAY_ADMIN_PASSWORD or is asked for on the
 * terminal. Without --role: an owner when there is no admin yet, else an analyst (the least
 * privileged). Recorded in the audit log with actor type cli.
 */
import { createInterface } from 'node:readline/promises';
import { ROLES, roleSchema, type Role } from '../lib/roles';
import { addAdmin, anyAdmin } from './admins';
import { loadConfig } from './config';
import { openDatabase } from './db';
import { migrateToLatest } from './db/migrate';
import { recordAudit } from './services/audit';

const USAGE = `usage: npm run admin:add -- <email> [--role ${ROLES.join('|')}]   (password from RELAY_ADMIN_PASSWORD, stdin or a prompt)`;

/** add-admin <email> [--role <role> | --role=<role>]; undefined when the arguments are not that. */
function parseArgs(argv: string[]): { email: string; role?: Role } | undefined {
  const [command, ...rest] = argv;
  if (command !== 'add-admin') return undefined;
  let email: string | undefined;
  let role: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--role') role = rest[++i] ?? '';
    else if (arg.startsWith('--role=')) role = arg.slice('--role='.length);
    else if (email === undefined && !arg.startsWith('--')) email = arg;
    else return undefined;
  }
  if (!email) return undefined;
  if (role === undefined) return { email };
  const parsed = roleSchema.safeParse(role);
  return parsed.success ? { email, role: parsed.data } : undefined;
}

async function askPassword(): Promise<string> {
  if (process.env.RELAY_ADMIN_PASSWORD) return process.env.RELAY_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Password (at least 8 characters): ')).trim();
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({ ...process.env, RELAY_ADMIN_EMAIL: '', RELAY_ADMIN_PASSWORD: '' });
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const first = !(await anyAdmin(database.db));
    const role = args.role ?? (first ? 'owner' : 'analyst');
    const now = Date.now();
    const admin = await addAdmin(database.db, args.email, await askPassword(), now, role);
    await recordAudit(
      database.db,
      {
        actor: { type: 'cli', id: null, label: 'npm run admin:add' },
        action: 'admins.create',
        target: { type: 'admin', id: admin.id, label: admin.email },
        change: { email: admin.email, role, signsInWith: ['password'] },
      },
      now,
    );
    const why = args.role
      ? ''
      : first
        ? ': the first admin is an owner'
        : ': no --role given and admins exist, so the least privileged role (an owner can change it in the console)';
    console.log(`added admin ${admin.email} (id ${admin.id}) as ${role}${why}`);
    return 0;
  } catch (error) {
    console.error(`could not add admin: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
