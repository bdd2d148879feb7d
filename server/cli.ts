/**
 * Admin command line. `npm run admin:add -- <email>` adds an admin to the database named by
 * DATABASE_URL; the password comes from RELAY_ADMIN_PASSWORD or is asked for on the terminal.
 */
import { createInterface } from 'node:readline/promises';
import { addAdmin } from './admins';
import { loadConfig } from './config';
import { openDatabase } from './db';
import { migrateToLatest } from './db/migrate';

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
  const [command, email] = argv;
  if (command !== 'add-admin' || !email) {
    console.error('usage: npm run admin:add -- <email>   (password from RELAY_ADMIN_PASSWORD, stdin or a prompt)');
    return 2;
  }
  const config = loadConfig({ ...process.env, RELAY_ADMIN_EMAIL: '', RELAY_ADMIN_PASSWORD: '' });
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const admin = await addAdmin(database.db, email, await askPassword());
    console.log(`added admin ${admin.email} (id ${admin.id})`);
    return 0;
  } catch (error) {
    console.error(`could not add admin: ${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
