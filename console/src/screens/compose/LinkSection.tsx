/** "The link": the URL (leaving it fetches a preview of the page), the page's card, title, note and image. */
import { InputField, TextareaField } from '../../components/fields';
import { LinkCard } from '../../components/previews';
import { safeHttpUrl } from '../../../../lib/safe-url';
import type { Errors } from '../../forms';
import { FORM, type Draft, type TextKey } from './draft';
import type { PagePreview } from './use-page-preview';

interface Props {
  draft: Draft;
  errors: Errors;
  preview: PagePreview;
  set: (key: TextKey) => (value: string) => void;
  onUrlLeft: (url: string) => void;
}

export function LinkSection({ draft, errors, preview, set, onUrlLeft }: Props) {
  return (
    <section class="card form-section" aria-labelledby="compose-link">
      <h2 id="compose-link">The link</h2>
      <InputField
        form={FORM}
        path="url"
        label="URL"
        errors={errors}
        hint="The page advocates share (http or https)."
        type="url"
        inputMode="url"
        autoComplete="url"
        required
        value={draft.url}
        placeholder="https://example.com/news/launch"
        onValue={set('url')}
        onBlur={(event) => onUrlLeft(event.currentTarget.value)}
      />
      <div class="link-preview" aria-live="polite">
        {preview.state === 'loading' && <p class="muted">Fetching a preview of the page…</p>}
        {preview.state === 'failed' && (
          <p class="notice notice--info">
            We couldn’t fetch a preview of this page ({preview.message}). That’s fine: advocates still share the link,
            and you can fill in the title and image yourself.
          </p>
        )}
        {preview.state === 'ready' && <PageCard draft={draft} url={preview.url} page={preview.preview} set={set} />}
      </div>
      <InputField
        form={FORM}
        path="title"
        label="Title"
        errors={errors}
        hint="Advocates see it in their list."
        type="text"
        required
        maxLength={200}
        value={draft.title}
        onValue={set('title')}
      />
      <TextareaField
        form={FORM}
        path="note"
        label="Note for advocates"
        errors={errors}
        hint="Optional: context, talking points, who it is for. Not part of the post."
        rows={3}
        value={draft.note}
        onValue={set('note')}
      />
      <InputField
        form={FORM}
        path="imageUrl"
        label="Image URL"
        errors={errors}
        hint="Optional: an image to show with the post."
        type="url"
        inputMode="url"
        value={draft.imageUrl}
        placeholder="https://example.com/image.jpg"
        onValue={set('imageUrl')}
      />
    </section>
  );
}

type Page = Extract<PagePreview, { state: 'ready' }>['preview'];

/** The page as found, with buttons to take its title and image. */
function PageCard({ draft, url, page, set }: { draft: Draft; url: string; page: Page; set: Props['set'] }) {
  const card = {
    url,
    title: page.title ?? '',
    description: page.description,
    imageUrl: page.imageUrl,
    siteName: page.siteName,
  };
  return (
    <div class="link-preview__ready">
      <p class="visually-hidden">Preview of the page loaded.</p>
      <LinkCard card={card} />
      <div class="button-row">
        {page.title && page.title !== draft.title && (
          <button type="button" class="button button--small" onClick={() => set('title')(page.title ?? '')}>
            Use the page’s title
          </button>
        )}
        {page.imageUrl && safeHttpUrl(page.imageUrl) && draft.imageUrl !== page.imageUrl && (
          <button type="button" class="button button--small" onClick={() => set('imageUrl')(page.imageUrl ?? '')}>
            Use the page’s image
          </button>
        )}
      </div>
    </div>
  );
}
