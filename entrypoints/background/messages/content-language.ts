/**
 * contentLanguage: the language the advocate gets posts in, and the choice of it from the popup.
 * Without `language` it only answers the current choice and the languages posts come in; with a
 * tag (or null: automatic) it is saved on the server (PATCH /v1/me) and a sync brings the posts in it.
 */
import { z } from 'zod';
import type { ContentLanguageResult } from '../../../components/shared/content-language-view';
import { languageTagSchema, LANGUAGE_SOURCES } from '../../../lib/languages';
import { readMeResponseSchema } from '../../../lib/schemas/read';
import { getMeta, setMeta, type RelayDexie } from '../db';
import { failureText } from '../points';
import { ApiError } from '../api-client';
import { defineMessage } from './define';

export const contentLanguageRequest = z.object({ language: languageTagSchema.nullable().optional() }).strict();

/** What is known here: the server's last word on the advocate's language, and every language synced posts come in. */
async function current(db: RelayDexie): Promise<ContentLanguageResult> {
  const [me, items] = await Promise.all([getMeta(db, 'me'), db.content.toArray()]);
  const available = new Set<string>();
  for (const item of items) {
    for (const tag of (item as { languages?: unknown }).languages instanceof Array ? item.languages! : []) {
      if (typeof tag === 'string') available.add(tag);
    }
  }
  const source = me?.value?.languageSource ?? null;
  return {
    ok: true,
    language: me?.value?.language ?? null,
    source: (LANGUAGE_SOURCES as readonly string[]).includes(source ?? '') ? source : null,
    available: [...available].sort(),
  };
}

export const contentLanguage = defineMessage({
  request: z.union([z.undefined(), contentLanguageRequest]),
  from: ['popup'],
  invalid: (): ContentLanguageResult => ({ ok: false, message: 'That is not a language Relay knows.' }),
  async handle(request, { bg }): Promise<ContentLanguageResult> {
    if (request?.language === undefined) return current(bg.db);
    const client = await bg.client();
    if (!client) return { ok: false, message: 'Connect to your Relay server first.' };
    let body: unknown;
    try {
      body = await bg.track(client.patchMe({ language: request.language }));
    } catch (error) {
      const offline = error instanceof ApiError && error.kind === 'offline';
      return {
        ok: false,
        message: `Your language was not saved. ${failureText(error)}`,
        ...(offline ? { offline: true as const } : {}),
      };
    }
    const me = readMeResponseSchema.safeParse(body);
    const kept = await getMeta(bg.db, 'me');
    if (me.success && kept?.value) {
      await setMeta(bg.db, 'me', {
        ...kept,
        value: { ...kept.value, language: me.data.language, languageSource: me.data.languageSource },
      });
    }
    // The next sync answer is in the new language (its ETag and cursor carry it).
    await bg.sync();
    bg.port.broadcastChanged();
    return current(bg.db);
  },
});
