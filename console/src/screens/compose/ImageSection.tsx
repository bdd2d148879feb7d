/** "Image": upload one, take the page's own (og:image), or paste an address; the preview shows it on the link card. */
import { safeHttpUrl } from '../../../../lib/safe-url';
import { InputField } from '../../components/fields';
import { ImagePicker } from '../../components/ImagePicker';
import type { Errors } from '../../forms';
import { fieldId } from '../../forms';
import { FORM, type Draft, type TextKey } from './draft';
import type { PagePreview } from './use-page-preview';

interface Props {
  draft: Draft;
  errors: Errors;
  preview: PagePreview;
  set: (key: TextKey) => (value: string) => void;
}

export function ImageSection({ draft, errors, preview, set }: Props) {
  const pageImage = preview.state === 'ready' ? safeHttpUrl(preview.preview.imageUrl) : null;
  const typed = draft.imageUrl.trim();
  return (
    <section class="card form-section" aria-labelledby="compose-image">
      <h2 id="compose-image">Image</h2>
      <p class="field__hint">
        Optional. {typed ? 'Shown on the link card.' : pageImage ? 'Without one, the page’s own image is shown.' : ''}
      </p>
      <ImagePicker
        id={fieldId(FORM, 'image-file')}
        what="the post’s image"
        value={draft.imageUrl}
        onValue={set('imageUrl')}
      >
        {pageImage && pageImage !== typed && (
          <button type="button" class="button button--small" onClick={() => set('imageUrl')(pageImage)}>
            Use the page’s image
          </button>
        )}
      </ImagePicker>
      <details class="disclosure" open={Boolean(errors.imageUrl)}>
        <summary>Or paste an image address</summary>
        <InputField
          form={FORM}
          path="imageUrl"
          label="Image URL"
          errors={errors}
          type="url"
          inputMode="url"
          class="input--url"
          value={draft.imageUrl}
          placeholder="https://example.com/image.jpg"
          onValue={set('imageUrl')}
        />
      </details>
    </section>
  );
}
