/** Saving a post: create it or patch it, publish it when asked, and say what happened. */
import type { ContentInput, ContentItem } from '../../../../lib/schemas';
import { api } from '../../api';
import type { Notice } from '../../components/ui';
import { formatDateTime } from '../../time';

const path = (id: string) => `/v1/admin/content/${encodeURIComponent(id)}`;

/**
 * Creates the post (or patches `item`); `live`: published, or scheduled when it has a future time.
 * `overrideReason`: publish although it breaks must-fix guidelines (after a must-fix 422).
 */
export async function saveContent(
  item: ContentItem | null,
  input: ContentInput,
  live: boolean,
  overrideReason?: string,
): Promise<ContentItem> {
  const override = overrideReason ? { overrideReason } : {};
  if (!item) return api.post<ContentItem>('/v1/admin/content', { ...input, publish: live || undefined, ...override });
  // A published (live or scheduled) post's words are checked on every change.
  const stays = item.status === 'published' || item.status === 'scheduled';
  // A PATCH clears what the form left empty.
  const patch = {
    ...input,
    note: input.note ?? null,
    imageUrl: input.imageUrl ?? null,
    campaign: input.campaign ?? null,
    language: input.language ?? null,
    tags: input.tags ?? [],
    // Translations go when there are some, and are cleared when the last one was removed.
    ...(input.translations || Object.keys(item.translations ?? {}).length
      ? { translations: input.translations ?? null }
      : {}),
    publishAt: input.publishAt ?? null,
    expiresAt: input.expiresAt ?? null,
    audiences: input.audiences ?? [],
  };
  delete (patch as { publish?: boolean }).publish;
  const saved = await api.patch<ContentItem>(path(item.id), { ...patch, ...(stays ? override : {}) });
  if (live && saved.status !== 'published' && saved.status !== 'scheduled') {
    return api.post<ContentItem>(`${path(item.id)}/publish`, override);
  }
  return saved;
}

export function archiveContent(item: ContentItem): Promise<ContentItem> {
  return api.delete<ContentItem>(path(item.id));
}

export function savedNotice(saved: ContentItem, live: boolean): Notice {
  const text =
    saved.status === 'published'
      ? live
        ? 'Published: connected extensions have it now.'
        : 'Saved: live posts update on every extension.'
      : saved.status === 'scheduled'
        ? `Scheduled: advocates get it ${formatDateTime(saved.publishAt)}.`
        : saved.status === 'archived'
          ? 'Saved (still archived).'
          : saved.status === 'pending'
            ? 'Submitted for approval: approvers have been told.'
            : 'Draft saved.';
  return { kind: 'success', text };
}

/** With approvals on: saves the post (creating it submitted, or patching it) and submits it for approval. */
export async function submitContent(item: ContentItem | null, input: ContentInput): Promise<ContentItem> {
  if (!item) return api.post<ContentItem>('/v1/admin/content', { ...input, publish: undefined, submit: true });
  const saved = await saveContent(item, input, false);
  if (saved.status !== 'draft') return saved;
  return api.post<ContentItem>(`${path(item.id)}/submit`, {});
}
