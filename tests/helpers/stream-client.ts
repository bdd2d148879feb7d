/** A WebSocket client of /v1/stream for tests: collects messages and waits for the ones it needs. */
import WebSocket from 'ws';

export interface StreamMessage {
  type: string;
  cursor?: string;
}

export class StreamClient {
  readonly messages: StreamMessage[] = [];
  private waiters: (() => void)[] = [];
  closeCode: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as StreamMessage);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
  }

  static connect(baseUrl: string, token: string | undefined, protocols?: string[]): Promise<StreamClient> {
    const url = baseUrl.replace(/^http/, 'ws') + '/v1/stream';
    const ws = new WebSocket(url, protocols ?? (token ? ['relay.v1', token] : ['relay.v1']));
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new StreamClient(ws)));
      ws.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          reject(Object.assign(new Error(`refused ${response.statusCode}`), { status: response.statusCode, body })),
        );
      });
      ws.once('error', reject);
    });
  }

  /** Resolves once `predicate` holds for the collected messages, or rejects after `timeoutMs`. */
  async waitFor(predicate: (messages: StreamMessage[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  syncCount(): number {
    return this.messages.filter((message) => message.type === 'sync').length;
  }

  async closed(timeoutMs = 5_000): Promise<number> {
    await this.waitForClose(timeoutMs);
    return this.closeCode!;
  }

  private async waitForClose(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === undefined) {
      if (Date.now() > deadline) throw new Error('connection did not close');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  send(value: unknown): void {
    this.ws.send(JSON.stringify(value));
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
