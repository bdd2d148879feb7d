/**
 * Images: POST /v1/admin/images stores an upload (raw bytes or multipart), GET /v1/images/{id}
 * serves it to anyone, with the type sniffed at upload, a year's immutable cache (the id is the
 * bytes' hash) and a policy that runs nothing even when the image is opened as a page.
 */
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { uploadedImageSchema } from '../../lib/console-schemas';
import { IMAGE_TYPE_NAMES, IMAGE_TYPES, MAX_IMAGE_BYTES } from '../../lib/images';
import type { AppEnv, Deps } from '../context';
import { ProblemError } from '../problem';
import { imageUrl, readImage, storeImage } from '../services/images';
import { defineRoute, type Route } from './define';

export const IMAGE_UPLOAD_PATH = '/v1/admin/images';

/** Room for a multipart envelope around an image of the largest size. */
const ENVELOPE = 64 * 1024;

const tooLarge = () =>
  new ProblemError(413, `Images can be up to ${MAX_IMAGE_BYTES / (1024 * 1024)} MB.`, { type: 'too-large' });

export const IMAGE_HEADERS: Record<string, string> = {
  'cache-control': 'public, max-age=31536000, immutable',
  // Opened on its own, the image is a document that may run nothing and load nothing.
  'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  'cross-origin-resource-policy': 'cross-origin',
};

/** The uploaded bytes: the body itself, or the first file of a multipart/form-data body. */
async function uploadedBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw new ProblemError(400, 'The multipart body could not be read.', { type: 'malformed-body' });
    }
    const file = Object.values(form).find((value): value is File => value instanceof File);
    return file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

export function imageRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: IMAGE_UPLOAD_PATH,
      summary: `Store an image (${IMAGE_TYPE_NAMES}, up to 5 MB) for a post or the organisation's logo`,
      tag: 'content',
      auth: 'admin',
      permission: 'content.write',
      audit: { action: 'images.upload', target: 'image' },
      uploadTypes: [...IMAGE_TYPES, 'multipart/form-data'],
      responses: {
        201: { description: 'Stored (or already stored): its id and public URL', schema: uploadedImageSchema },
        413: { description: 'Larger than 5 MB' },
        415: { description: `Not a ${IMAGE_TYPE_NAMES} image, whatever its declared type` },
      },
      middleware: [
        bodyLimit({
          maxSize: MAX_IMAGE_BYTES + ENVELOPE,
          onError: () => {
            throw tooLarge();
          },
        }),
      ],
      handler: async (c) => {
        const bytes = await uploadedBytes(c);
        if (bytes.byteLength > MAX_IMAGE_BYTES) throw tooLarge();
        const stored = await storeImage(deps.db, bytes, { now: deps.now(), createdBy: c.get('admin').id });
        if (!stored) {
          throw new ProblemError(415, `That is not a ${IMAGE_TYPE_NAMES} image.`, { type: 'not-an-image' });
        }
        const url = imageUrl(deps.config.publicUrl, stored.id);
        c.header('location', url);
        return c.json({ id: stored.id, url }, 201);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/images/{id}',
      summary: 'An uploaded image, as stored: public, immutable, never run as a page',
      tag: 'content',
      auth: 'none',
      responses: {
        200: { description: 'The image bytes, with the type sniffed when it was uploaded' },
        404: { description: 'No such image' },
      },
      handler: async (c, { params }) => {
        const image = await readImage(deps.db, params.id);
        if (!image) throw new ProblemError(404, 'There is no such image.', { type: 'not-found' });
        for (const [name, value] of Object.entries(IMAGE_HEADERS)) c.header(name, value);
        c.header('content-type', image.contentType);
        c.header('etag', `"${params.id}"`);
        if (c.req.header('if-none-match') === `"${params.id}"`) return c.body(null, 304);
        return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200);
      },
    }),
  ];
}
