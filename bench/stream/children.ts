/** The stream suite's child processes: API instances and client processes, and the instances' memory. */
import type { ClientsCommand, ClientsReply } from './clients';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REQUEST_TIMEOUT_MS } from './config';
import { spawnChild, type Child } from './ipc';
import type { ServerCommand, ServerMemory, ServerReply } from './server';

export type ServerChild = Child<ServerCommand, ServerReply>;
export type ClientsChild = Child<ClientsCommand, ClientsReply>;

export function startServerChild(index: number, databaseUrl: string): ServerChild {
  return spawnChild<ServerCommand, ServerReply>(`server ${String.fromCharCode(65 + index)}`, './server.ts', {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    RELAY_ADMIN_EMAIL: ADMIN_EMAIL,
    RELAY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    RELAY_SHUTDOWN_GRACE_MS: '2000',
  });
}

export async function memoryOf(servers: ServerChild[]): Promise<ServerMemory[]> {
  return Promise.all(servers.map((server) => server.request({ type: 'memory' }, 'memory', REQUEST_TIMEOUT_MS)));
}
