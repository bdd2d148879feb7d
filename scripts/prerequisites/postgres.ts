/**
 * PostgreSQL for the API tests: a database (`test` by default) reachable over TCP at the URL the
 * tests use. Created when the server is up and it is missing; the machine's local cluster started
 * (pg_ctlcluster) when it is down and we may; else the exact command to run is printed.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { onPath } from './chromium';
import { shellLine, shownUrl, type Step } from './step';

export const DEFAULT_TEST_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

/** DATABASE_URL when it names PostgreSQL, else postgres://postgres@127.0.0.1:5432/test. */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  return url?.startsWith('postgres') ? url : DEFAULT_TEST_POSTGRES;
}

/** A local cluster as `pg_lsclusters` lists it. */
export interface Cluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
  owner: string;
}

export type ServerState = 'up' | 'down' | 'refused';

export interface PostgresFacts {
  url: string;
  /** up: it answered; down: nothing accepts connections there; refused: it answered with an error. */
  server: ServerState;
  databaseExists: boolean;
  /** What the server or the connection said, when it was not a plain success. */
  error?: string;
  /** The local cluster on the URL's port, when the URL names this machine and pg_lsclusters knows one. */
  cluster?: Cluster;
  /** Root, or the cluster's owner: pg_ctlcluster may start it. */
  mayStartCluster: boolean;
}

interface Target {
  host: string;
  port: number;
  user: string;
  database: string;
}

export function target(url: string): Target {
  const parsed = new URL(url);
  return {
    host: parsed.hostname || 'localhost',
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || 'postgres',
    database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Parses `pg_lsclusters --no-header`: "15 main 5432 online postgres /var/lib/… /var/log/…". */
export function parseClusters(output: string): Cluster[] {
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 5 && /^\d+$/.test(fields[2]!))
    .map(([version, name, port, status, owner]) => ({
      version: version!,
      name: name!,
      port: Number(port),
      online: status!.startsWith('online'),
      owner: owner!,
    }));
}

export function localClusters(): Cluster[] {
  if (!onPath('pg_lsclusters')) return [];
  const result = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  return result.status === 0 ? parseClusters(result.stdout) : [];
}

/** The command that starts a cluster (the README's form, with its version spelt out). */
export function startCommand(cluster: Pick<Cluster, 'version' | 'name'>): string[] {
  return ['pg_ctlcluster', '--skip-systemctl-redirect', cluster.version, cluster.name, 'start'];
}

export const GENERIC_START = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

export function createCommand(url: string): string {
  const { host, port, user, database } = target(url);
  return shellLine(['createdb', '-h', host, '-p', String(port), '-U', user, database]);
}

const DOWN_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

/** How a failed connection attempt reads: the server is down, or up without this database, or refused us. */
export function classify(error: unknown): { server: ServerState; databaseExists: boolean } {
  const code = (error as { code?: string }).code;
  if (code === '3D000') return { server: 'up', databaseExists: false };
  if ((code && DOWN_CODES.has(code)) || /timeout|terminated/i.test((error as Error).message ?? ''))
    return { server: 'down', databaseExists: false };
  return { server: 'refused', databaseExists: false };
}

function describeError(error: unknown): string {
  const inner = (error as { errors?: unknown[] }).errors?.[0];
  const message = (error as Error).message || (inner as Error | undefined)?.message || String(error);
  const code = (error as { code?: string }).code;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * What to tell someone whose tests could not connect to `url`: create the database when the server
 * is up and it is missing; start the cluster only when the server is down.
 */
export function postgresHint(error: unknown, url: string): string {
  const { server } = classify(error);
  const { host, port, database } = target(url);
  const where = `${host}:${port}`;
  const reason = describeError(error);
  if (server === 'up')
    return (
      `PostgreSQL at ${where} is up but has no database "${database}" (${reason}). ` +
      `Create it: ${createCommand(url)} (npm test creates it for you).`
    );
  if (server === 'down')
    return (
      `PostgreSQL is not reachable at ${where} (${reason}). Start the local cluster: ${GENERIC_START} ` +
      `(npm test starts it for you), or set DATABASE_URL to a PostgreSQL server that is up.`
    );
  return (
    `PostgreSQL at ${where} refused ${shownUrl(url)}: ${reason}. The tests connect as user "${target(url).user}" ` +
    'over TCP without a password (trust) unless DATABASE_URL carries one.'
  );
}

/** One connection attempt to `url`: null when it worked, else the error. */
export async function tryConnect(url: string, timeoutMs = 5_000): Promise<unknown> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // A server that drops the connection later must not crash this process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error ?? new Error('connection failed');
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function postgresFacts(url: string, clusters: Cluster[] = localClusters()): Promise<PostgresFacts> {
  const error = await tryConnect(url);
  const { host, port } = target(url);
  const cluster = LOOPBACK.has(host) ? clusters.find((candidate) => candidate.port === port) : undefined;
  const user = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout?.trim();
  const mayStartCluster = process.getuid?.() === 0 || (cluster !== undefined && cluster.owner === user);
  if (error === null) return { url, server: 'up', databaseExists: true, cluster, mayStartCluster };
  return { url, ...classify(error), error: describeError(error), cluster, mayStartCluster };
}

export function planPostgres(facts: PostgresFacts): Step {
  const { host, port, database } = target(facts.url);
  const what = `PostgreSQL database "${database}" at ${host}:${port}`;
  if (facts.server === 'up' && facts.databaseExists) return { kind: 'ready', what, detail: shownUrl(facts.url) };
  if (facts.server === 'up') {
    return {
      kind: 'create-database',
      what,
      why: 'the server is up but the database is missing; creating it',
      url: facts.url,
    };
  }
  if (facts.server === 'refused') {
    return {
      kind: 'missing',
      what,
      why: `the server refused the connection: ${facts.error}`,
      instructions: [
        `The tests connect to ${shownUrl(facts.url)} over TCP, as that user, with trust authentication`,
        'or the password in DATABASE_URL. Allow it in pg_hba.conf, or set DATABASE_URL to a server that does.',
      ],
    };
  }
  const cluster = facts.cluster;
  if (cluster && !cluster.online && facts.mayStartCluster) {
    return {
      kind: 'run',
      what,
      why: `the server is down; starting the local cluster ${cluster.version}/${cluster.name}`,
      commands: [startCommand(cluster)],
      settles: true,
    };
  }
  const start = cluster ? shellLine(startCommand(cluster)) : GENERIC_START;
  const instructions = cluster?.online
    ? [
        `The local cluster ${cluster.version}/${cluster.name} on port ${port} is running but refused TCP connections`,
        `(${facts.error}): make it listen on ${host} (listen_addresses), or set DATABASE_URL to a server that is up.`,
      ]
    : cluster
      ? [`Start the local cluster as root (or as ${cluster.owner}), then run the tests again:`, `  sudo ${start}`]
      : [
          `Nothing answers at ${host}:${port} (${facts.error}), and no local cluster listens on port ${port}.`,
          `Start PostgreSQL (Debian: apt-get install -y postgresql; ${GENERIC_START}),`,
          `then create the database: ${createCommand(facts.url)}`,
          'or set DATABASE_URL=postgres://user@host:port/db to a PostgreSQL server that is up.',
        ];
  return { kind: 'missing', what, why: 'the server is down', instructions };
}

/** Runs `work` on a connection to the server's `postgres` database (where databases are created and dropped). */
async function onMaintenance(url: string, work: (client: pg.Client, name: string) => Promise<unknown>): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await work(client, client.escapeIdentifier(target(url).database));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** CREATE DATABASE for the database `url` names; one that someone created a moment ago is fine too. */
export function createDatabase(url: string): Promise<void> {
  return onMaintenance(url, (client, name) =>
    client.query(`create database ${name}`).catch((error: { code?: string }) => {
      if (error.code !== '42P04') throw error;
    }),
  );
}

/** DROP DATABASE (for tests that make a scratch database). */
export function dropDatabase(url: string): Promise<void> {
  return onMaintenance(url, (client, name) => client.query(`drop database if exists ${name}`));
}
