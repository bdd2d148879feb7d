/**
 * Compose and edit a post: the link (with a preview of the page), a note for advocates, campaign,
 * tags and language, several text variants per network with live LinkedIn and X previews, X's
 * weighted counter and the extension's own guideline checks, then save, publish, schedule or
 * archive. Validated with the shared ContentInput schema; the server's 422 errors land on the
 * same fields.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import twitterText from 'twitter-text';
import {
  checkPost,
  compileGuidelines,
  disclosureAppend,
  linkedInLength,
  LINKEDIN_MAX,
  X_MAX,
  xWeightedLength,
  type CompiledGuidelines,
  type Hint,
} from '../../../lib/guidelines';
import { renderVariant } from '../../../lib/render';
import {
  contentInputSchema,
  DEFAULT_GUIDELINES,
  type ContentInput,
  type ContentItem,
  type Guidelines,
  type Network,
  type TextNetwork,
} from '../../../lib/schemas';
import { NETWORK_LABEL, NETWORK_ORDER, TEXT_NETWORK_ORDER } from '../../../components/shared/networks';
import { api, ApiError, describeError } from '../api';
import { LinkCard, LinkedInPreview, XPreview, type CardInfo } from '../components/Previews';
import { Checkbox, ErrorSummary, Field, NoticeLine, PageHeader, type Notice } from '../components/ui';
import { safeHttpUrl, STATUS_LABEL } from '../content';
import { errorAt, fieldId, serverErrors, splitList, zodErrors, type Errors } from '../forms';
import { contentHref, href, navigate } from '../router';
import { formatDateTime, isoToLocal, localToIso, zoneName } from '../time';
import type { LinkPreview } from '../types';

export interface ComposeProps {
  item: ContentItem | null;
  guidelines: Guidelines | null;
  guidelinesError: string | null;
}

interface VariantDraft {
  key: number;
  text: string;
}

interface Draft {
  title: string;
  url: string;
  note: string;
  imageUrl: string;
  campaign: string;
  tags: string;
  language: string;
  variants: Record<TextNetwork, VariantDraft[]>;
  networks: Record<Network, boolean>;
  publishAt: string;
  expiresAt: string;
}

type PreviewState =
  | { state: 'idle' }
  | { state: 'loading'; url: string }
  | { state: 'ready'; url: string; preview: LinkPreview }
  | { state: 'failed'; url: string; message: string };

const FORM = 'compose';
const MAX_VARIANTS = 10;
/**
 * The link the previews and counters use: the shape of an advocate's tracked link on this server,
 * or on a stand-in domain when twitter-text would not see this server's address as a link (an IP
 * address or localhost), so X's counter counts it 23 as it will in a real post.
 */
const SAMPLE_LINK = (() => {
  const own = `${location.origin}/r/Xy7Qm2Ka`;
  return twitterText.extractUrls(own)[0] === own ? own : 'https://relay.example.com/r/Xy7Qm2Ka';
})();

let nextKey = 1;
const variant = (text = ''): VariantDraft => ({ key: nextKey++, text });

/** A message to show once the next editor mounts (after "Save" turned a new post into /content/<id>). */
let flash: Notice = null;

function emptyDraft(): Draft {
  return {
    title: '',
    url: '',
    note: '',
    imageUrl: '',
    campaign: '',
    tags: '',
    language: '',
    variants: { linkedin: [variant()], x: [variant()] },
    networks: { linkedin: true, x: true, facebook: true },
    publishAt: '',
    expiresAt: '',
  };
}

function draftFrom(item: ContentItem): Draft {
  const list = (texts: string[] | undefined) => (texts?.length ? texts.map((text) => variant(text)) : [variant()]);
  return {
    title: item.title,
    url: item.url,
    note: item.note ?? '',
    imageUrl: item.imageUrl ?? '',
    campaign: item.campaign ?? '',
    tags: item.tags.join(', '),
    language: item.language ?? '',
    variants: { linkedin: list(item.variants.linkedin), x: list(item.variants.x) },
    networks: {
      linkedin: item.networks.includes('linkedin'),
      x: item.networks.includes('x'),
      facebook: item.networks.includes('facebook'),
    },
    publishAt: isoToLocal(item.publishAt),
    expiresAt: isoToLocal(item.expiresAt),
  };
}

/** The form as a ContentInput candidate: empty optional fields left out, times as ISO with zone. */
function candidate(draft: Draft): Record<string, unknown> {
  const input: Record<string, unknown> = { title: draft.title, url: draft.url.trim() };
  if (draft.note.trim()) input.note = draft.note;
  if (draft.imageUrl.trim()) input.imageUrl = draft.imageUrl.trim();
  if (draft.campaign.trim()) input.campaign = draft.campaign;
  if (draft.language.trim()) input.language = draft.language.trim();
  const tags = splitList(draft.tags, /,/);
  if (tags.length) input.tags = tags;
  const variants: Record<string, string[]> = {};
  for (const network of TEXT_NETWORK_ORDER) {
    const texts = draft.variants[network].map((entry) => entry.text);
    // A network that is on needs its variants, empty ones reported; one that is off keeps only written ones.
    const kept = draft.networks[network] ? texts : texts.filter((text) => text.trim() !== '');
    if (kept.length) variants[network] = kept;
  }
  input.variants = variants;
  input.networks = NETWORK_ORDER.filter((network) => draft.networks[network]);
  for (const key of ['publishAt', 'expiresAt'] as const) {
    const value = draft[key];
    // An unreadable value goes through as typed, for the schema to name.
    if (value) input[key] = localToIso(value) ?? value;
  }
  return input;
}

function labelFor(path: string): string {
  const [first, second, third] = path.split('.');
  const names: Record<string, string> = {
    title: 'Title',
    url: 'URL',
    note: 'Note for advocates',
    imageUrl: 'Image URL',
    campaign: 'Campaign',
    language: 'Language',
    tags: 'Tags',
    networks: 'Networks',
    publishAt: 'Publish at',
    expiresAt: 'Expires at',
    publish: 'Publish',
  };
  if (first === 'variants') {
    if (second === 'linkedin' || second === 'x') {
      const name = NETWORK_LABEL[second];
      return third === undefined ? `${name} variants` : `${name} variant ${Number(third) + 1}`;
    }
    return 'Variants';
  }
  return (first && names[first]) || 'Post';
}

function isFuture(local: string): boolean {
  const iso = localToIso(local);
  return iso !== undefined && Date.parse(iso) > Date.now();
}

export function Compose({ item: initialItem, guidelines, guidelinesError }: ComposeProps) {
  const [item, setItem] = useState<ContentItem | null>(initialItem);
  const [draft, setDraft] = useState<Draft>(() => (initialItem ? draftFrom(initialItem) : emptyDraft()));
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [fromServer, setFromServer] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const focusAfterRender = useRef<string | null>(null);
  const previewRequest = useRef(0);

  // Without the guidelines (they failed to load) the length checks still run.
  const compiled = useMemo(() => compileGuidelines(guidelines ?? DEFAULT_GUIDELINES), [guidelines]);
  const parsed = useMemo(() => contentInputSchema.safeParse(candidate(draft)), [draft]);
  const clientErrors = useMemo(() => (parsed.success ? {} : zodErrors(parsed.error)), [parsed]);
  const errors: Errors = { ...(submitted ? clientErrors : {}), ...fromServer };

  useEffect(() => {
    if (flash) {
      const message = flash;
      flash = null;
      // After mount, so the status region announces it.
      const timer = window.setTimeout(() => setNotice(message), 50);
      return () => window.clearTimeout(timer);
    }
    return undefined;
  }, []);

  useEffect(() => {
    if (initialItem) void fetchPreview(initialItem.url);
    // Once, for the post as loaded.
  }, []);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  /** Changes the draft; the server's errors about the changed field go (they may no longer hold). */
  function update(path: string, change: (draft: Draft) => Draft) {
    setDraft(change);
    setFromServer((current) => {
      const next = { ...current };
      let changed = false;
      for (const key of Object.keys(next)) {
        if (key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`) || key === '') {
          delete next[key];
          changed = true;
        }
      }
      return changed ? next : current;
    });
  }

  const setField =
    (key: 'title' | 'url' | 'note' | 'imageUrl' | 'campaign' | 'tags' | 'language' | 'publishAt' | 'expiresAt') =>
    (value: string) =>
      update(key, (current) => ({ ...current, [key]: value }));

  async function fetchPreview(url: string) {
    const target = url.trim();
    if (!safeHttpUrl(target)) {
      setPreview({ state: 'idle' });
      return;
    }
    if ((preview.state === 'ready' || preview.state === 'loading') && preview.url === target) return;
    const request = ++previewRequest.current;
    setPreview({ state: 'loading', url: target });
    try {
      const found = await api.post<LinkPreview>('/v1/admin/link-preview', { url: target });
      if (request !== previewRequest.current) return;
      setPreview({ state: 'ready', url: target, preview: found });
      setDraft((current) =>
        current.title.trim() === '' && found.title ? { ...current, title: found.title } : current,
      );
    } catch (error) {
      if (request !== previewRequest.current) return;
      const reason = (
        error instanceof ApiError && error.status === 0 ? 'the server is unreachable' : describeError(error)
      ).replace(/\.$/, '');
      setPreview({ state: 'failed', url: target, message: reason });
    }
  }

  function setVariant(network: TextNetwork, index: number, text: string) {
    update(`variants.${network}.${index}`, (current) => ({
      ...current,
      variants: {
        ...current.variants,
        [network]: current.variants[network].map((entry, i) => (i === index ? { ...entry, text } : entry)),
      },
    }));
  }

  function addVariant(network: TextNetwork) {
    const index = draft.variants[network].length;
    if (index >= MAX_VARIANTS) return;
    update(`variants.${network}`, (current) => ({
      ...current,
      variants: { ...current.variants, [network]: [...current.variants[network], variant()] },
    }));
    focusAfterRender.current = fieldId(FORM, `variants.${network}.${index}`);
  }

  function removeVariant(network: TextNetwork, index: number) {
    update(`variants.${network}`, (current) => ({
      ...current,
      variants: { ...current.variants, [network]: current.variants[network].filter((_, i) => i !== index) },
    }));
    const remaining = draft.variants[network].length - 1;
    focusAfterRender.current =
      remaining > 0
        ? fieldId(FORM, `variants.${network}.${Math.min(index, remaining - 1)}`)
        : fieldId(FORM, `variants.${network}`);
  }

  function applyDisclosure(network: TextNetwork, index: number, hint: Hint) {
    const text = draft.variants[network][index]?.text ?? '';
    const disclosure = hint.fix?.append.trim();
    if (!disclosure) return;
    setVariant(network, index, text + disclosureAppend(text, disclosure, network));
    focusAfterRender.current = fieldId(FORM, `variants.${network}.${index}`);
  }

  type Action = 'save' | 'publish' | 'schedule' | 'archive';

  async function run(action: Action) {
    setNotice(null);
    if (action === 'archive') {
      if (!item) return;
      setBusy(action);
      try {
        const archived = await api.delete<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}`);
        setItem(archived);
        setNotice({ kind: 'success', text: 'Archived: advocates no longer see this post.' });
      } catch (error) {
        setNotice({ kind: 'error', text: `Couldn't archive: ${describeError(error)}` });
      } finally {
        setBusy(null);
      }
      return;
    }

    let working = draft;
    if (action === 'publish' && isFuture(draft.publishAt)) {
      // "Publish now" means now: a future publish time would only schedule it.
      working = { ...draft, publishAt: '' };
      setDraft(working);
    }
    const checked = contentInputSchema.safeParse(candidate(working));
    setSubmitted(true);
    if (!checked.success) {
      setAttempt((n) => n + 1);
      return;
    }
    if (action === 'schedule' && !isFuture(working.publishAt)) {
      setFromServer({ publishAt: 'To schedule, pick a time in the future.' });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(action);
    setFromServer({});
    const input: ContentInput = checked.data;
    const wantsLive = action === 'publish' || action === 'schedule';
    try {
      let saved: ContentItem;
      if (!item) {
        saved = await api.post<ContentItem>('/v1/admin/content', { ...input, publish: wantsLive || undefined });
      } else {
        const patch = {
          ...input,
          note: input.note ?? null,
          imageUrl: input.imageUrl ?? null,
          campaign: input.campaign ?? null,
          language: input.language ?? null,
          tags: input.tags ?? [],
          publishAt: input.publishAt ?? null,
          expiresAt: input.expiresAt ?? null,
        };
        delete (patch as { publish?: boolean }).publish;
        saved = await api.patch<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}`, patch);
        if (wantsLive && saved.status !== 'published' && saved.status !== 'scheduled') {
          saved = await api.post<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}/publish`);
        }
      }
      const message: Notice = {
        kind: 'success',
        text:
          saved.status === 'published'
            ? wantsLive
              ? 'Published: connected extensions have it now.'
              : 'Saved: live posts update on every extension.'
            : saved.status === 'scheduled'
              ? `Scheduled: advocates get it ${formatDateTime(saved.publishAt)}.`
              : saved.status === 'archived'
                ? 'Saved (still archived).'
                : 'Draft saved.',
      };
      setSubmitted(false);
      if (!item) {
        flash = message;
        navigate(contentHref(saved.id), { replace: true });
        return;
      }
      setItem(saved);
      setNotice(message);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        setFromServer(serverErrors(error.errors));
        setAttempt((n) => n + 1);
      } else {
        setNotice({ kind: 'error', text: describeError(error) });
      }
    } finally {
      setBusy(null);
    }
  }

  const card: CardInfo = {
    url: draft.url.trim(),
    title: (preview.state === 'ready' && preview.preview.title) || draft.title,
    description: preview.state === 'ready' ? preview.preview.description : null,
    imageUrl: safeHttpUrl(draft.imageUrl.trim()) ?? (preview.state === 'ready' ? preview.preview.imageUrl : null),
    siteName: preview.state === 'ready' ? preview.preview.siteName : null,
  };

  const status = item?.status;
  const scheduleReady = isFuture(draft.publishAt);
  const canPublish = status !== 'published';
  const title = item ? 'Edit post' : 'New post';

  return (
    <>
      <PageHeader
        title={title}
        actions={
          item && (
            <span class={`status status--${item.status}`}>
              <span class="visually-hidden">Status: </span>
              {STATUS_LABEL[item.status]}
            </span>
          )
        }
      >
        <p>
          {item ? `Last changed ${formatDateTime(item.updatedAt)}. ` : ''}
          Advocates get one of your variants each, with a tracked link where <code>{'{link}'}</code> stands (or at the
          end).
        </p>
      </PageHeader>

      <form
        class="compose"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run('save');
        }}
      >
        <ErrorSummary form={FORM} errors={errors} labelFor={labelFor} attempt={attempt} />

        <section class="card form-section" aria-labelledby="compose-link">
          <h2 id="compose-link">The link</h2>
          <Field form={FORM} path="url" label="URL" errors={errors} hint="The page advocates share (http or https).">
            {(props) => (
              <input
                {...props}
                type="url"
                inputMode="url"
                autoComplete="url"
                required
                value={draft.url}
                placeholder="https://example.com/news/launch"
                onInput={(event) => setField('url')(event.currentTarget.value)}
                onBlur={(event) => void fetchPreview(event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="link-preview" aria-live="polite">
            {preview.state === 'loading' && <p class="muted">Fetching a preview of the page…</p>}
            {preview.state === 'failed' && (
              <p class="notice notice--info">
                We couldn’t fetch a preview of this page ({preview.message}). That’s fine: advocates still share the
                link, and you can fill in the title and image yourself.
              </p>
            )}
            {preview.state === 'ready' && (
              <div class="link-preview__ready">
                <p class="visually-hidden">Preview of the page loaded.</p>
                <LinkCard
                  card={{
                    url: preview.url,
                    title: preview.preview.title ?? '',
                    description: preview.preview.description,
                    imageUrl: preview.preview.imageUrl,
                    siteName: preview.preview.siteName,
                  }}
                />
                <div class="button-row">
                  {preview.preview.title && preview.preview.title !== draft.title && (
                    <button
                      type="button"
                      class="button button--small"
                      onClick={() => setField('title')(preview.preview.title ?? '')}
                    >
                      Use the page’s title
                    </button>
                  )}
                  {preview.preview.imageUrl &&
                    safeHttpUrl(preview.preview.imageUrl) &&
                    draft.imageUrl !== preview.preview.imageUrl && (
                      <button
                        type="button"
                        class="button button--small"
                        onClick={() => setField('imageUrl')(preview.preview.imageUrl ?? '')}
                      >
                        Use the page’s image
                      </button>
                    )}
                </div>
              </div>
            )}
          </div>
          <Field form={FORM} path="title" label="Title" errors={errors} hint="Advocates see it in their list.">
            {(props) => (
              <input
                {...props}
                type="text"
                required
                value={draft.title}
                maxLength={200}
                onInput={(event) => setField('title')(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            form={FORM}
            path="note"
            label="Note for advocates"
            errors={errors}
            hint="Optional: context, talking points, who it is for. Not part of the post."
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={draft.note}
                onInput={(event) => setField('note')(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            form={FORM}
            path="imageUrl"
            label="Image URL"
            errors={errors}
            hint="Optional: an image to show with the post."
          >
            {(props) => (
              <input
                {...props}
                type="url"
                inputMode="url"
                value={draft.imageUrl}
                placeholder="https://example.com/image.jpg"
                onInput={(event) => setField('imageUrl')(event.currentTarget.value)}
              />
            )}
          </Field>
        </section>

        <section class="card form-section" aria-labelledby="compose-details">
          <h2 id="compose-details">Details</h2>
          <div class="grid-3">
            <Field
              form={FORM}
              path="campaign"
              label="Campaign"
              errors={errors}
              hint="utm_campaign of every shared link; the title’s slug if empty."
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={draft.campaign}
                  onInput={(event) => setField('campaign')(event.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              form={FORM}
              path="tags"
              label="Tags"
              errors={errors}
              hint="Separated by commas, e.g. product, hiring."
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  value={draft.tags}
                  onInput={(event) => setField('tags')(event.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              form={FORM}
              path="language"
              label="Language"
              errors={errors}
              hint="A language tag: en, en-GB, de, fr…"
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  list="compose-languages"
                  autoComplete="off"
                  value={draft.language}
                  onInput={(event) => setField('language')(event.currentTarget.value)}
                />
              )}
            </Field>
            <datalist id="compose-languages">
              {['en', 'en-GB', 'en-US', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pt-BR', 'ja'].map((tag) => (
                <option key={tag} value={tag} />
              ))}
            </datalist>
          </div>
        </section>

        <section class="card form-section" aria-labelledby="compose-texts">
          <h2 id="compose-texts">Networks and text variants</h2>
          <fieldset
            class="fieldset"
            aria-describedby={errorAt(errors, 'networks') ? 'compose-networks-error' : undefined}
          >
            <legend>Networks</legend>
            <div class="inline-options">
              {NETWORK_ORDER.map((network, index) => (
                <Checkbox
                  key={network}
                  id={index === 0 ? fieldId(FORM, 'networks') : fieldId(FORM, `networks-${network}`)}
                  label={NETWORK_LABEL[network]}
                  checked={draft.networks[network]}
                  onChange={(checked) =>
                    update('networks', (current) => ({
                      ...current,
                      networks: { ...current.networks, [network]: checked },
                    }))
                  }
                />
              ))}
            </div>
            {errorAt(errors, 'networks') && (
              <p id="compose-networks-error" class="field__error">
                {errorAt(errors, 'networks')}
              </p>
            )}
            <p class="field__hint">Facebook shares carry the link only: Facebook’s policy forbids prefilled text.</p>
          </fieldset>
          {guidelinesError && (
            <p class="notice notice--info">Guideline checks are off: the guidelines didn’t load ({guidelinesError}).</p>
          )}
          {errors.variants && (
            <p class="field__error" id={fieldId(FORM, 'variants')} tabIndex={-1}>
              {errors.variants}
            </p>
          )}
          {TEXT_NETWORK_ORDER.map((network) => (
            <NetworkVariants
              key={network}
              network={network}
              enabled={draft.networks[network]}
              variants={draft.variants[network]}
              errors={errors}
              compiled={compiled}
              checked={guidelines !== null}
              card={card}
              onChange={(index, text) => setVariant(network, index, text)}
              onAdd={() => addVariant(network)}
              onRemove={(index) => removeVariant(network, index)}
              onFix={(index, hint) => applyDisclosure(network, index, hint)}
            />
          ))}
        </section>

        <section class="card form-section" aria-labelledby="compose-timing">
          <h2 id="compose-timing">Timing</h2>
          <p class="field__hint">
            Times are in your time zone ({zoneName()}). Leave both empty to publish when you press Publish.
          </p>
          <div class="grid-2">
            <Field
              form={FORM}
              path="publishAt"
              label="Publish at"
              errors={errors}
              hint="A future time schedules the post."
            >
              {(props) => (
                <input
                  {...props}
                  type="datetime-local"
                  value={draft.publishAt}
                  onInput={(event) => setField('publishAt')(event.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              form={FORM}
              path="expiresAt"
              label="Expires at"
              errors={errors}
              hint="Advocates stop seeing it then."
            >
              {(props) => (
                <input
                  {...props}
                  type="datetime-local"
                  value={draft.expiresAt}
                  onInput={(event) => setField('expiresAt')(event.currentTarget.value)}
                />
              )}
            </Field>
          </div>
        </section>

        <div class="form-actions">
          <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
          <div class="button-row">
            <button type="submit" class="button" disabled={busy !== null} aria-busy={busy === 'save'}>
              {!item || status === 'draft' ? 'Save draft' : 'Save changes'}
            </button>
            {canPublish && (
              <button
                type="button"
                class="button button--primary"
                disabled={busy !== null}
                aria-busy={busy === 'publish'}
                onClick={() => void run('publish')}
              >
                Publish now
              </button>
            )}
            {status !== 'published' && status !== 'scheduled' && (
              <button
                type="button"
                class="button"
                disabled={busy !== null || !scheduleReady}
                aria-busy={busy === 'schedule'}
                aria-describedby={scheduleReady ? undefined : 'compose-schedule-hint'}
                onClick={() => void run('schedule')}
              >
                Schedule
              </button>
            )}
            {item && status !== 'archived' && (
              <button
                type="button"
                class="button button--danger"
                disabled={busy !== null}
                aria-busy={busy === 'archive'}
                onClick={() => void run('archive')}
              >
                Archive
              </button>
            )}
            <a class="button button--quiet" href={href('/content')}>
              Back to content
            </a>
          </div>
          {status !== 'published' && status !== 'scheduled' && !scheduleReady && (
            <p id="compose-schedule-hint" class="field__hint">
              To schedule, set “Publish at” to a future time.
            </p>
          )}
        </div>
      </form>
    </>
  );
}

interface NetworkVariantsProps {
  network: TextNetwork;
  enabled: boolean;
  variants: VariantDraft[];
  errors: Errors;
  compiled: CompiledGuidelines;
  checked: boolean;
  card: CardInfo;
  onChange: (index: number, text: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onFix: (index: number, hint: Hint) => void;
}

function NetworkVariants(props: NetworkVariantsProps) {
  const { network, enabled, variants, errors } = props;
  const name = NETWORK_LABEL[network];
  const headingId = `compose-${network}-heading`;
  const listError = errors[`variants.${network}`];
  return (
    <section class="network-variants" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name} variants <span class="muted">({variants.length})</span>
      </h3>
      {!enabled && (
        <p class="muted">
          {name} is off for this post: turn it on under Networks to share there. Text you wrote is kept.
        </p>
      )}
      {listError && <p class="field__error">{listError}</p>}
      {enabled && (
        <>
          <ol class="variants">
            {variants.map((entry, index) => (
              <VariantEditor
                key={entry.key}
                network={network}
                index={index}
                text={entry.text}
                count={variants.length}
                errors={errors}
                compiled={props.compiled}
                checked={props.checked}
                card={props.card}
                onChange={(text) => props.onChange(index, text)}
                onRemove={() => props.onRemove(index)}
                onFix={(hint) => props.onFix(index, hint)}
              />
            ))}
          </ol>
          <button
            type="button"
            id={fieldId(FORM, `variants.${network}`)}
            class="button button--small"
            disabled={variants.length >= MAX_VARIANTS}
            onClick={props.onAdd}
          >
            Add {name} variant
          </button>
        </>
      )}
    </section>
  );
}

interface VariantEditorProps {
  network: TextNetwork;
  index: number;
  text: string;
  count: number;
  errors: Errors;
  compiled: CompiledGuidelines;
  checked: boolean;
  card: CardInfo;
  onChange: (text: string) => void;
  onRemove: () => void;
  onFix: (hint: Hint) => void;
}

const SEVERITY_LABEL = { error: 'Must fix', warning: 'Warning', info: 'Tip' } as const;

function VariantEditor(props: VariantEditorProps) {
  const { network, index, text, compiled, card } = props;
  const name = NETWORK_LABEL[network];
  const path = `variants.${network}.${index}`;
  const id = fieldId(FORM, path);
  const label = `${name} variant ${index + 1}`;
  const rendered = renderVariant(text, SAMPLE_LINK, network);
  const length = network === 'x' ? xWeightedLength(rendered) : linkedInLength(rendered);
  const max = network === 'x' ? X_MAX : LINKEDIN_MAX;
  const shown = useMemo(
    () => (text.trim() ? checkPost(rendered, { network, guidelines: compiled }) : []),
    [compiled, rendered, network, text],
  );
  const marks = shown.flatMap((hint) => (hint.range && hint.kind === 'banned-term' ? [hint.range] : []));
  const counterId = `${id}-counter`;
  const hintsId = `${id}-checks`;

  return (
    <li class="variant">
      <div class="variant__editor">
        <Field
          form={FORM}
          path={path}
          label={label}
          errors={props.errors}
          describedBy={[counterId, hintsId]}
          after={
            <>
              <p id={counterId} class={`counter${length > max ? ' counter--over' : ''}`}>
                <span class="visually-hidden">{network === 'x' ? 'X weighted length: ' : 'Characters: '}</span>
                {length.toLocaleString('en-US')} / {max.toLocaleString('en-US')}
                {network === 'x' && <span class="muted"> (the link counts 23)</span>}
              </p>
              <div id={hintsId} class="checks">
                {!text.trim() ? null : shown.length === 0 ? (
                  props.checked && <p class="check check--ok">Meets the guidelines.</p>
                ) : (
                  <ul class="checks__list" aria-label={`Guideline checks for ${label}`}>
                    {shown.map((hint, i) => (
                      <li key={`${hint.kind}-${i}`} class={`check check--${hint.severity}`}>
                        <strong>{SEVERITY_LABEL[hint.severity]}:</strong> {hint.message}
                        {hint.kind === 'missing-disclosure' && hint.fix && (
                          <button
                            type="button"
                            class="button button--small check__fix"
                            onClick={() => props.onFix(hint)}
                          >
                            {hint.fix.label}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </>
          }
        >
          {(controlProps) => (
            <textarea
              {...controlProps}
              rows={network === 'x' ? 4 : 6}
              value={text}
              placeholder={
                network === 'x'
                  ? 'Short and personal. {link} marks where the link goes.'
                  : 'What should colleagues say? {link} marks where the link goes; without it the link is added at the end.'
              }
              onInput={(event) => props.onChange(event.currentTarget.value)}
            />
          )}
        </Field>
        {props.count > 1 && (
          <button
            type="button"
            class="button button--small button--quiet"
            aria-label={`Remove ${label}`}
            onClick={props.onRemove}
          >
            Remove
          </button>
        )}
      </div>
      <div class="variant__preview">
        {network === 'linkedin' ? (
          <LinkedInPreview text={rendered} marks={marks} card={card} label={`LinkedIn preview, variant ${index + 1}`} />
        ) : (
          <XPreview text={rendered} marks={marks} card={card} label={`X preview, variant ${index + 1}`} />
        )}
      </div>
    </li>
  );
}
