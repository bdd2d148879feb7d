/**
 * Every string field of a zod schema, found by walking the schema: the control-character tests put
 * a control character in each field of a valid sample body and expect a refusal naming that field,
 * so a field added later is tested without anyone listing it.
 */
import type { z } from 'zod';

export type FieldPath = (string | number)[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);
const TEXT = new Set(['string', 'enum']);

/** The string (and string enum) fields the schema declares; an array's element is shown as index 0. */
export function declaredStringPaths(schema: z.ZodType, path: FieldPath = []): FieldPath[] {
  const def = defOf(schema);
  if (TEXT.has(def.type)) return [path];
  if (def.type === 'object') {
    return Object.entries(def.shape!).flatMap(([key, field]) => declaredStringPaths(field, [...path, key]));
  }
  if (WRAPPERS.has(def.type)) return declaredStringPaths(def.innerType!, path);
  if (def.type === 'array') return declaredStringPaths(def.element!, [...path, 0]);
  if (def.type === 'pipe') return declaredStringPaths(def.in!, path);
  return [];
}

/** The string fields the schema declares that `sample` holds a string in. */
export function sampleStringPaths(schema: z.ZodType, sample: unknown, path: FieldPath = []): FieldPath[] {
  const def = defOf(schema);
  if (TEXT.has(def.type)) return typeof sample === 'string' ? [path] : [];
  if (def.type === 'object') {
    if (sample === null || typeof sample !== 'object') return [];
    const record = sample as Record<string, unknown>;
    return Object.entries(def.shape!).flatMap(([key, field]) =>
      key in record ? sampleStringPaths(field, record[key], [...path, key]) : [],
    );
  }
  if (WRAPPERS.has(def.type)) return sampleStringPaths(def.innerType!, sample, path);
  if (def.type === 'array') {
    return Array.isArray(sample)
      ? sample.flatMap((item, i) => sampleStringPaths(def.element!, item, [...path, i]))
      : [];
  }
  if (def.type === 'pipe') return sampleStringPaths(def.in!, sample, path);
  return [];
}

/** Declared fields the sample leaves out (arrays compared at index 0): the sample must cover them all. */
export function uncoveredPaths(schema: z.ZodType, sample: unknown): string[] {
  const covered = new Set(
    sampleStringPaths(schema, sample).map((path) =>
      path.map((part) => (typeof part === 'number' ? 0 : part)).join('.'),
    ),
  );
  return declaredStringPaths(schema)
    .map((path) => path.join('.'))
    .filter((path) => !covered.has(path));
}

export function readPath(value: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A deep copy of `value` with the field at `path` replaced. */
export function withField<T>(value: T, path: FieldPath, replacement: unknown): T {
  const copy = structuredClone(value);
  const parent = readPath(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

/** C0 controls, DEL and C1 controls: a few of each kind, the ones with meaning (NUL, ESC, NEL, CSI) included. */
export const CONTROL_SAMPLES = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u000d',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
];
/** Allowed in text that may run over several lines, refused everywhere else. */
export const LINE_BREAKS = ['\t', '\n'];

/** The sample's string with `control` put inside it and, separately, at its end. */
export function tainted(original: string, control: string): string[] {
  return [`${original.slice(0, 1)}${control}${original.slice(1)}`, `${original}${control}`];
}
