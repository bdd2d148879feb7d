/** What identity providers really send, made into what RFC 7644 (and scimmy) expect, in one place. */

// - Entra ID writes booleans as the strings "True" and "False" (`"path": "active", "value": "False"`, or
//   `{"active": "False"}` in a path-less value) and capitalises `op` ("Replace", "Add", "Remove").
// - Entra ID addresses the work email as `emails[type eq "work"].value`, which scimmy refuses (noTarget)
//   when the user has no email yet; Relay keeps one email, so that path means "the email".
// Anything else passes unchanged, for scimmy to accept or refuse.
type Json = unknown;
type Operation = Record<string, Json>;

/** Boolean attributes of the User and Group schemas that a provider may send as "True"/"False". */
const BOOLEAN_PATHS = new Set(['active', 'emails.primary']);
/** `emails[type eq "work"].value`, any case and spacing. */
const EMAIL_VALUE_PATH = /^emails\[\s*type\s+eq\s+"([^"]*)"\s*\]\.value$/i;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "True"/"False" (any case) as booleans; anything else unchanged. */
export function booleanOf(value: Json): Json {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : value;
}

/** A resource body (POST, PUT) or a path-less value: string booleans made booleans. */
export function normaliseResource(body: Json): Json {
  if (!isObject(body)) return body;
  const out: Record<string, Json> = { ...body };
  for (const key of Object.keys(out)) {
    if (BOOLEAN_PATHS.has(key.toLowerCase())) out[key] = booleanOf(out[key]);
  }
  return out;
}

/** The email operations Relay keeps (the work email), or none for other types: it keeps one email. */
function emailOperation(op: string, type: string, value: Json): Operation[] {
  if (type.toLowerCase() !== 'work') return [];
  if (op === 'remove') return [{ op: 'remove', path: 'emails' }];
  return [{ op: 'replace', path: 'emails', value: [{ value, type: 'work', primary: true }] }];
}

function normaliseOperation(operation: Json): Json[] {
  if (!isObject(operation)) return [operation];
  const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : operation.op;
  const { path, value } = operation;
  if (typeof path === 'string') {
    const email = EMAIL_VALUE_PATH.exec(path.trim());
    if (email && typeof op === 'string') return emailOperation(op, email[1]!, value);
    return [{ ...operation, op, ...(BOOLEAN_PATHS.has(path.toLowerCase()) ? { value: booleanOf(value) } : {}) }];
  }
  if (!isObject(value) || typeof op !== 'string') return [{ ...operation, op }];
  // A path-less value is a map of paths to values: filtered email paths become operations of their own.
  const rest: Record<string, Json> = {};
  const emails: Operation[] = [];
  for (const [key, each] of Object.entries(value)) {
    const email = EMAIL_VALUE_PATH.exec(key.trim());
    if (email) emails.push(...emailOperation(op, email[1]!, each));
    else rest[key] = each;
  }
  const main = Object.keys(rest).length > 0 ? [{ ...operation, op, value: normaliseResource(rest) }] : [];
  return [...main, ...emails];
}

/**
 * A PatchOp message as scimmy expects it. An operation list that ends up empty (only emails of
 * types Relay does not keep) is answered by the caller as a change of nothing.
 */
export function normalisePatch(message: Json): Json {
  if (!isObject(message) || !Array.isArray(message.Operations)) return message;
  return { ...message, Operations: message.Operations.flatMap(normaliseOperation) };
}
