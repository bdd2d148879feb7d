/** The link's fields: the URL (leaving it fetches a preview of the page) and the title advocates see, with the page's own title to take. */
import { InputField } from '../../components/fields';
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

export function LinkFields({ draft, errors, preview, set, onUrlLeft }: Props) {
  const page = preview.state === 'ready' ? preview.preview : null;
  return (
    <>
      <div class="link-fields">
        <InputField
          form={FORM}
          path="url"
          label="URL"
          errors={errors}
          type="url"
          inputMode="url"
          autoComplete="url"
          required
          value={draft.url}
          placeholder="https://example.com/news/launch"
          onValue={set('url')}
          onBlur={(event) => onUrlLeft(event.currentTarget.value)}
        />
        <p class="link-preview" aria-live="polite">
          {preview.state === 'loading' && <span class="muted">Reading the page…</span>}
          {preview.state === 'ready' && (
            <span class="link-preview__ok">
              Page found{page?.siteName ? `: ${page.siteName}` : ''}. The preview shows its card.
            </span>
          )}
          {preview.state === 'failed' && (
            <span class="notice notice--info">
              We couldn’t fetch a preview of this page ({preview.message}). Advocates can still share the link; add the
              title and image yourself.
            </span>
          )}
        </p>
      </div>
      <InputField
        form={FORM}
        path="title"
        label="Title"
        errors={errors}
        type="text"
        required
        maxLength={200}
        value={draft.title}
        onValue={set('title')}
        after={
          page?.title &&
          page.title !== draft.title && (
            <p class="field__suggestion">
              The page says “{page.title}”.{' '}
              <button type="button" class="link-button" onClick={() => set('title')(page.title ?? '')}>
                Use the page’s title
              </button>
            </p>
          )
        }
      />
    </>
  );
}
