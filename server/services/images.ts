/** Stored images: keep uploaded bytes under an id taken from their hash, read them back, and their public URL. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sniffImageType, type ImageType } from '../../lib/images';
import type { Database } from '../db/schema';

/** An image id: 32 lowercase hex digits. */
export const IMAGE_ID = /^[0-9a-f]{32}$/;

export function imageIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

/** `<publicUrl>/v1/images/<id>`: where anyone (the extension, a browser) loads the image. */
export function imageUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/v1/images/${id}`;
}

/**
 * Stores the bytes when they are an image (PNG, JPEG, WebP or GIF by their first bytes) and
 * answers their id, or null for anything else. Storing the same bytes again changes nothing.
 */
export async function storeImage(
  db: Kysely<Database>,
  bytes: Uint8Array,
  options: { now: number; createdBy?: string | null },
): Promise<{ id: string; type: ImageType } | null> {
  const type = sniffImageType(bytes);
  if (!type) return null;
  const id = imageIdOf(bytes);
  await db
    .insertInto('images')
    .values({
      id,
      content_type: type,
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      size: bytes.byteLength,
      created_by: options.createdBy ?? null,
      created_at: options.now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { id, type };
}

export async function readImage(
  db: Kysely<Database>,
  id: string,
): Promise<{ contentType: string; bytes: Uint8Array } | undefined> {
  if (!IMAGE_ID.test(id)) return undefined;
  const row = await db.selectFrom('images').select(['content_type', 'bytes']).where('id', '=', id).executeTakeFirst();
  return row && { contentType: row.content_type, bytes: row.bytes };
}

export async function hasImage(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('images').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
