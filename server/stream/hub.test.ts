/** The hub's one send path: every message (pongs included) is refused past the buffer cap, and pings get bounded pongs. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLOSE_FLOOD, CLOSE_REVOKED, CLOSE_SLOW, MESSAGE_WINDOW_MS, StreamHub } from './hub';

/** What the hub uses of a ws WebSocket, with the unsent bytes under the test's control. */
class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  closedWith: number | undefined;
  send(data: Buffer | string): void {
    this.sent.push(String(data));
    this.bufferedAmount += Buffer.byteLength(data);
  }
  close(code: number): void {
    if (this.readyState !== WebSocket.OPEN) return;
    this.closedWith = code;
    this.readyState = WebSocket.CLOSING;
  }
  terminate(): void {
    this.readyState = WebSocket.CLOSED;
    this.emit('close');
  }
  ping(): void {
    this.emit('message', Buffer.from('{"type":"ping"}'), false);
  }
}

function setUp(options: { pongIntervalMs?: number; messageBudget?: number } = {}) {
  const clock = { now: 1_000_000 };
  const hub = new StreamHub({
    idleMs: 60_000,
    maxBufferedBytes: 1_000,
    maxPerToken: 5,
    now: () => clock.now,
    ...options,
  });
  const socket = new FakeSocket();
  hub.add(socket as unknown as WebSocket, 'advocate');
  return { hub, socket, clock };
}

describe('StreamHub', () => {
  it('keeps the last cursor a client reports, ignores what is not one, and gets no pong for it', () => {
    const { hub, socket } = setUp();
    const report = (cursor: unknown) =>
      socket.emit('message', Buffer.from(JSON.stringify({ type: 'cursor', cursor })), false);
    expect(hub.connections()[0]?.cursor).toBeUndefined();
    report('c1.k.lq2x3a');
    report('c1.m.lq2x4b.d');
    expect(hub.connections()[0]?.cursor).toBe('c1.m.lq2x4b.d');
    for (const bad of ['<b>x</b>', 42, '', 'c1.'.repeat(30)]) report(bad);
    socket.emit('message', Buffer.from(JSON.stringify({ type: 'cursor', cursor: 'c1.n.x' })), true);
    expect(hub.connections()[0]?.cursor).toBe('c1.m.lq2x4b.d');
    expect(hub.connections((id) => id !== 'advocate')).toEqual([]);
    expect(socket.sent).toEqual([]);
  });

  it('answers at most one ping per interval with a pong', () => {
    const { socket, clock } = setUp({ pongIntervalMs: 1_000 });
    for (let i = 0; i < 50; i++) socket.ping();
    expect(socket.sent).toEqual(['{"type":"pong"}']);
    clock.now += 1_000;
    socket.ping();
    expect(socket.sent).toHaveLength(2);
  });

  it('drops a client whose pongs would pile up unsent past the cap', () => {
    const { hub, socket, clock } = setUp({ pongIntervalMs: 0, messageBudget: Infinity });
    // The client never reads: every pong stays buffered.
    for (let i = 0; i < 100 && socket.readyState === WebSocket.OPEN; i++) {
      clock.now += 1;
      socket.ping();
    }
    expect(socket.closedWith).toBe(CLOSE_SLOW);
    expect(socket.bufferedAmount).toBeLessThanOrEqual(1_000);
    expect(hub.stats.droppedSlow).toBe(1);
    expect(hub.size).toBe(0);
  });

  it('applies the same cap to broadcasts and to a greeting sent with send()', async () => {
    const { hub, socket } = setUp();
    expect(hub.send(socket as unknown as WebSocket, 'x'.repeat(600))).toBe(true);
    expect(await hub.broadcast('y'.repeat(600))).toBe(0);
    expect(socket.closedWith).toBe(CLOSE_SLOW);
    expect(hub.send(socket as unknown as WebSocket, 'z')).toBe(false);
  });

  it('drops a client that sends far more messages than pings call for', () => {
    const { hub, socket, clock } = setUp({ messageBudget: 100 });
    for (let i = 0; i < 100; i++) socket.ping();
    expect(socket.readyState).toBe(WebSocket.OPEN);
    clock.now += MESSAGE_WINDOW_MS;
    for (let i = 0; i < 100; i++) socket.ping();
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.ping();
    expect(socket.closedWith).toBe(CLOSE_FLOOD);
    expect(hub.stats.droppedFlood).toBe(1);
    expect(hub.size).toBe(0);
  });

  it('refuses a connection authenticated before the advocate was revoked, not one authenticated after', () => {
    const { hub, socket, clock } = setUp();
    const authenticatedBefore = clock.now;
    clock.now += 10;
    expect(hub.closeAdvocate('advocate')).toBe(1);
    expect(socket.closedWith).toBe(CLOSE_REVOKED);
    const late = new FakeSocket();
    expect(hub.add(late as unknown as WebSocket, 'advocate', authenticatedBefore)).toBe(false);
    expect(late.closedWith).toBe(CLOSE_REVOKED);
    const unknownTime = new FakeSocket();
    expect(hub.add(unknownTime as unknown as WebSocket, 'advocate')).toBe(false);
    // Let back in (signed in again): a later authentication is taken.
    clock.now += 10;
    const again = new FakeSocket();
    expect(hub.add(again as unknown as WebSocket, 'advocate', clock.now)).toBe(true);
    expect(again.closedWith).toBeUndefined();
  });
});
