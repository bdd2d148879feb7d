/** A readable one-line summary of an audit entry's change ({before, after}, a reason, a body), and how its actor and target are named. */
import type { AuditEntry } from '../../../../lib/audit';

const MAX = 60;

function short(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "title: “A” → “B”; tags: [] → ["x"]", "Reason: …", or the body's fields ("maxUses: 3"). */
export function summariseChange(change: unknown): string {
  if (!isRecord(change)) return change === undefined || change === null ? '' : short(change);
  const parts: string[] = [];
  if (typeof change.reason === 'string') parts.push(`Reason: ${short(change.reason)}`);
  if (Array.isArray(change.failures)) {
    parts.push(`${change.failures.length} must-fix rule${change.failures.length === 1 ? '' : 's'} overridden`);
  }
  if (isRecord(change.before) || isRecord(change.after)) {
    const before = isRecord(change.before) ? change.before : {};
    const after = isRecord(change.after) ? change.after : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    if (keys.length === 0) parts.push('No change');
    for (const key of keys) {
      parts.push(
        key in before ? `${key}: ${short(before[key])} → ${short(after[key])}` : `${key}: ${short(after[key])}`,
      );
    }
  }
  const rest = Object.entries(change).filter(([key]) => !['reason', 'failures', 'before', 'after'].includes(key));
  for (const [key, value] of rest) parts.push(`${key}: ${short(value)}`);
  return parts.join('; ');
}

const ACTOR_KINDS: Record<string, string> = {
  scim: 'Identity provider',
  system: 'Relay',
  cli: 'Command line',
};

export function actorName(actor: AuditEntry['actor']): { name: string; detail: string | null } {
  if (actor.type === 'admin') return { name: actor.label ?? actor.id ?? 'An admin', detail: null };
  const kind = ACTOR_KINDS[actor.type] ?? actor.type;
  return { name: kind, detail: actor.label };
}

export function targetName(target: AuditEntry['target']): string {
  if (!target) return '—';
  const what = target.type.replace(/-/g, ' ');
  if (target.label) return `${what}: ${target.label}`;
  return target.id ? `${what} ${target.id}` : what;
}
