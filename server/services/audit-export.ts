/** The audit log's export (GET /v1/admin/audit/export): every matching entry as CSV (formula-safe cells) or a JSON array, streamed. */
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditExportQuery } from '../../lib/audit';
import type { Database } from '../db/schema';
import { auditEntries } from './audit-read';
import { csvCell } from './analytics';

const CSV_HEADER = [
  'at',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'targetType',
  'targetId',
  'targetLabel',
  'change',
];

function csvLine(entry: AuditEntry): string {
  const cells = [
    entry.at,
    entry.actor.type,
    entry.actor.id ?? '',
    entry.actor.label ?? '',
    entry.action,
    entry.target?.type ?? '',
    entry.target?.id ?? '',
    entry.target?.label ?? '',
    JSON.stringify(entry.change),
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

/** The export's body: CSV with a header row (CRLF, RFC 4180), or a JSON array of entries. */
export function auditExportStream(db: Kysely<Database>, query: AuditExportQuery): ReadableStream<Uint8Array> {
  const { format, ...filters } = query;
  const encoder = new TextEncoder();
  const entries = auditEntries(db, filters);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        controller.enqueue(encoder.encode(format === 'csv' ? CSV_HEADER.map(csvCell).join(',') + '\r\n' : '['));
      }
      // A batch of entries per pull: the stream asks for more as the client reads.
      const chunk: string[] = [];
      for (let i = 0; i < 200; i++) {
        const next = await entries.next();
        if (next.done) {
          if (format === 'json') chunk.push(first && chunk.length === 0 ? ']\n' : '\n]\n');
          controller.enqueue(encoder.encode(chunk.join('')));
          controller.close();
          return;
        }
        chunk.push(format === 'csv' ? csvLine(next.value) : `${first ? '\n' : ',\n'}${JSON.stringify(next.value)}`);
        first = false;
      }
      first = false;
      controller.enqueue(encoder.encode(chunk.join('')));
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}
