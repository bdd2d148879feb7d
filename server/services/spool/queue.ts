/** A queue of items on their way to the database that survives outages and crashes: memory first, disk past a cap. */
import { closeSync, ftruncateSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { claimFolder, segmentName } from './folder';

/** Where and how much the spools (clicks; shares taken during an outage) keep: the server's `spool` settings. */
export interface SpoolSettings {
  /** The folder each spool makes its own folder in (`clicks`, `shares`); null keeps items in memory only. */
  dir: string | null;
  /** Items kept in memory at most; later ones wait on disk only. */
  memoryItems: number;
  /** Bytes on disk at most; past both caps, push() refuses. */
  maxBytes: number;
  /** How often new items reach the disk: what a SIGKILL can lose. */
  syncMs?: number;
}

export interface DurableQueueOptions {
  /** What the items are, for log lines ("clicks"). */
  label: string;
  /** The folder segments are written to; null keeps items in memory only. */
  dir: string | null;
  /** Items held in memory at most; later ones wait on disk only. */
  memoryItems: number;
  /** Bytes on disk at most; past it (or with no disk), push() refuses. */
  maxBytes: number;
  /** Items per segment file. */
  segmentItems?: number;
  /** How often new items are written to disk: what a SIGKILL can lose. */
  syncMs?: number;
}

interface Segment {
  id: number;
  path: string;
  /** Bytes written to its file. */
  bytes: number;
  /** Items pushed into it (or found in an adopted file) and not yet acknowledged. */
  outstanding: number;
  /** Items pushed into it so far (closed at segmentItems). */
  pushed: number;
  open: boolean;
  /** Its items are (also) in memory; otherwise they are read from its file when their turn comes. */
  resident: boolean;
  deleted: boolean;
}

interface Entry<T> {
  item: T;
  segment: Segment | null;
}

export type PushOutcome = 'memory' | 'disk' | 'refused';

export class DurableQueue<T> {
  private memory: Entry<T>[] = [];
  private head = 0;
  private unwritten: { line: string; segment: Segment }[] = [];
  private segments: Segment[] = [];
  private current: Segment | undefined;
  private nextId = 0;
  private diskBytes = 0;
  /** Items of segments not read into memory (the sum of their `outstanding`). */
  private onDiskOnly = 0;
  /** Bytes of lines pushed and not written yet. */
  private pendingBytes = 0;
  private syncTimer: NodeJS.Timeout | undefined;
  private folder: ReturnType<typeof claimFolder> | undefined;
  private lastWriteError = 0;
  /** The last write to disk failed: nothing is accepted that would live on disk only. */
  private diskFailing = false;
  /** Counters since start, for logs, readiness and tests. */
  readonly stats = { pushed: 0, refused: 0, acked: 0, corruptLines: 0 };

  constructor(private readonly options: DurableQueueOptions) {}

  /** Claims this instance's folder and takes over segments left by a previous run. */
  open(): void {
    if (!this.options.dir || this.folder) return;
    this.folder = claimFolder(this.options.dir);
    for (const adopted of this.folder.adopted) {
      this.segments.push(this.segment(this.nextId++, adopted.path, adopted.bytes, adopted.lines, false));
      this.diskBytes += adopted.bytes;
      this.onDiskOnly += adopted.lines;
    }
    if (this.folder.adopted.length > 0) {
      console.error(`${this.options.label}: found ${this.folder.adopted.length} spool file(s) from an earlier run`);
    }
  }

  /** Items waiting: those in memory plus those on disk only. Read on every push (the redirect's path). */
  get size(): number {
    return this.memory.length - this.head + this.onDiskOnly;
  }

  get bytesOnDisk(): number {
    return this.diskBytes;
  }

  push(item: T): PushOutcome {
    const resident = this.memory.length - this.head < this.options.memoryItems;
    const line = JSON.stringify(item);
    if (
      !resident &&
      (!this.folder || this.diskFailing || this.diskBytes + this.pendingBytes + line.length + 1 > this.options.maxBytes)
    ) {
      this.stats.refused++;
      return 'refused';
    }
    this.stats.pushed++;
    const segment = this.folder ? this.segmentFor(resident) : null;
    if (segment) {
      segment.outstanding++;
      segment.pushed++;
      this.unwritten.push({ line, segment });
      this.pendingBytes += line.length + 1;
      this.scheduleSync();
    }
    if (resident) this.memory.push({ item, segment });
    else this.onDiskOnly++;
    return resident ? 'memory' : 'disk';
  }

  /** Up to `max` of the oldest items; they stay queued until `ack`. Reads a disk segment when memory is empty. */
  peek(max: number): T[] {
    if (this.head >= this.memory.length) this.loadNextSegment();
    const end = Math.min(this.memory.length, this.head + max);
    const items: T[] = [];
    for (let i = this.head; i < end; i++) items.push(this.memory[i]!.item);
    return items;
  }

  /** The oldest `count` items are in the database: forget them, and delete segment files fully done. */
  ack(count: number): void {
    const end = Math.min(this.memory.length, this.head + count);
    for (let i = this.head; i < end; i++) {
      const segment = this.memory[i]!.segment;
      if (segment && --segment.outstanding === 0) this.remove(segment);
    }
    this.stats.acked += end - this.head;
    this.head = end;
    if (this.head > 4096 && this.head * 2 > this.memory.length) {
      this.memory = this.memory.slice(this.head);
      this.head = 0;
    }
  }

  /** Writes new items to disk now (also every syncMs). Returns false when the disk refused them. */
  sync(): boolean {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    while (this.unwritten.length > 0) {
      const segment = this.unwritten[0]!.segment;
      let count = 0;
      while (count < this.unwritten.length && this.unwritten[count]!.segment === segment) count++;
      const text = this.unwritten
        .slice(0, count)
        .map((entry) => entry.line)
        .join('\n');
      if (!segment.deleted && !this.append(segment, text + '\n')) {
        this.scheduleSync(1_000);
        return false;
      }
      this.unwritten.splice(0, count);
      this.pendingBytes -= text.length + 1;
    }
    return true;
  }

  /** Writes what is pending and lets go of the folder; segments not yet acknowledged stay for the next start. */
  close(): void {
    this.sync();
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    this.folder?.release();
  }

  private get segmentItems(): number {
    return this.options.segmentItems ?? 5_000;
  }

  private segment(id: number, path: string, bytes: number, outstanding: number, resident: boolean): Segment {
    return { id, path, bytes, outstanding, pushed: 0, open: false, resident, deleted: false };
  }

  private segmentFor(resident: boolean): Segment {
    const current = this.current;
    if (current && current.open && current.resident === resident && current.pushed < this.segmentItems) return current;
    if (current) current.open = false;
    const id = this.nextId++;
    const segment = this.segment(id, join(this.folder!.dir, segmentName(id)), 0, 0, resident);
    segment.open = true;
    this.segments.push(segment);
    this.current = segment;
    return segment;
  }

  private scheduleSync(delay = this.options.syncMs ?? 100): void {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => this.sync(), delay);
    this.syncTimer.unref();
  }

  /** Appends whole lines or nothing: a short write (a full disk) is cut back off the file. */
  private append(segment: Segment, text: string): boolean {
    const data = Buffer.from(text);
    let fd: number | undefined;
    try {
      fd = openSync(segment.path, 'a', 0o600);
      writeSync(fd, data);
      segment.bytes += data.length;
      this.diskBytes += data.length;
      this.diskFailing = false;
      return true;
    } catch (error) {
      this.diskFailing = true;
      if (fd !== undefined) {
        try {
          ftruncateSync(fd, segment.bytes);
        } catch {
          // the lines already there stay readable; a torn tail is skipped when read
        }
      }
      if (Date.now() - this.lastWriteError > 60_000) {
        this.lastWriteError = Date.now();
        console.error(
          `${this.options.label}: cannot write the spool (${(error as Error).message}); keeping them in memory`,
        );
      }
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private loadNextSegment(): void {
    const segment = this.segments.find((s) => !s.resident && !s.deleted);
    if (!segment) return;
    this.sync();
    if (segment === this.current) segment.open = false;
    let text = '';
    try {
      text = readFileSync(segment.path, 'utf8');
    } catch (error) {
      console.error(`${this.options.label}: spool file ${segment.path} cannot be read: ${(error as Error).message}`);
    }
    // Lines the disk refused so far are still in memory: they join the file's.
    const pending = this.unwritten.filter((entry) => entry.segment === segment).map((entry) => entry.line);
    this.unwritten = this.unwritten.filter((entry) => entry.segment !== segment);
    for (const line of pending) this.pendingBytes -= line.length + 1;
    const entries: Entry<T>[] = [];
    for (const line of [...text.split('\n'), ...pending]) {
      if (line === '') continue;
      try {
        entries.push({ item: JSON.parse(line) as T, segment });
      } catch {
        this.stats.corruptLines++;
        console.error(`${this.options.label}: skipped a torn line in ${segment.path}`);
      }
    }
    segment.resident = true;
    this.onDiskOnly -= segment.outstanding;
    segment.outstanding = entries.length;
    this.memory.push(...entries);
    if (entries.length === 0) this.remove(segment);
  }

  private remove(segment: Segment): void {
    if (segment.deleted) return;
    segment.deleted = true;
    segment.open = false;
    if (this.current === segment) this.current = undefined;
    this.segments = this.segments.filter((s) => s !== segment);
    this.diskBytes -= segment.bytes;
    try {
      unlinkSync(segment.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        console.error(`${this.options.label}: cannot delete ${segment.path}: ${(error as Error).message}`);
      }
    }
  }
}
