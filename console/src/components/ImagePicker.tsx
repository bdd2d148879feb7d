/**
 * An image chosen by upload: a drop zone and a file button that send the file to POST
 * /v1/admin/images and set its URL, a thumbnail of the current image, "Remove", and room for other
 * ways to pick one (the page's image, an address). Type and size are checked here first, with the
 * server's own rule (lib/images.ts), so a wrong file is named before it is sent.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { IMAGE_TYPE_NAMES, IMAGE_TYPES, MAX_IMAGE_BYTES, sniffImageType } from '../../../lib/images';
import type { UploadedImage } from '../../../lib/console-schemas';
import { safeHttpUrl } from '../../../lib/safe-url';
import { api, describeError } from '../api';

interface Props {
  /** The file input's id (its label is "Choose an image…"). */
  id: string;
  /** What the image is, for messages: "the post's image", "the logo". */
  what: string;
  value: string;
  onValue: (url: string) => void;
  /** "square" for a logo. */
  shape?: 'wide' | 'square';
  /** Other ways to pick (buttons), shown beside "Choose an image…". */
  children?: ComponentChildren;
}

type State = { kind: 'idle' } | { kind: 'uploading'; name: string } | { kind: 'failed'; message: string };

const MB = 1024 * 1024;

/** Why this file can't be the image, or null when it can. */
async function refusal(file: File): Promise<string | null> {
  if (file.size > MAX_IMAGE_BYTES) {
    return `${file.name} is ${(file.size / MB).toFixed(1)} MB; images can be up to ${MAX_IMAGE_BYTES / MB} MB.`;
  }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return sniffImageType(head) ? null : `${file.name} is not a ${IMAGE_TYPE_NAMES} image.`;
}

export function ImagePicker({ id, what, value, onValue, shape = 'wide', children }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const shown = safeHttpUrl(value);

  async function take(file: File | undefined) {
    if (!file) return;
    const refused = await refusal(file);
    if (refused) {
      setState({ kind: 'failed', message: refused });
      return;
    }
    setState({ kind: 'uploading', name: file.name });
    try {
      const image = await api.upload<UploadedImage>('/v1/admin/images', file);
      onValue(image.url);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', message: `Couldn't upload ${file.name}: ${describeError(error)}` });
    }
  }

  return (
    <div class={`image-picker image-picker--${shape}`}>
      <div
        class={`drop-zone${over ? ' drop-zone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          void take(event.dataTransfer?.files[0]);
        }}
      >
        {shown ? (
          <img class="image-picker__thumb" src={shown} alt={`Current ${what}`} referrerpolicy="no-referrer" />
        ) : (
          <span class="image-picker__empty" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6">
              <rect x="3" y="4" width="18" height="16" rx="2" />
              <circle cx="9" cy="10" r="2" />
              <path d="m4 18 5-5 4 4 3-3 4 4" />
            </svg>
          </span>
        )}
        <div class="drop-zone__text">
          <p class="drop-zone__title">{shown ? `Drop another image to replace ${what}` : 'Drop an image here'}</p>
          <p class="field__hint">
            {IMAGE_TYPE_NAMES}, up to {MAX_IMAGE_BYTES / MB} MB.
          </p>
          <div class="button-row">
            <input
              id={id}
              class="visually-hidden file-input"
              type="file"
              accept={IMAGE_TYPES.join(',')}
              disabled={state.kind === 'uploading'}
              onChange={(event) => {
                const input = event.currentTarget;
                void take(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
            <label for={id} class="button button--small">
              Choose an image…
            </label>
            {children}
            {shown && (
              <button type="button" class="button button--small button--quiet" onClick={() => onValue('')}>
                Remove<span class="visually-hidden"> {what}</span>
              </button>
            )}
          </div>
        </div>
      </div>
      <p class="image-picker__status" role="status">
        {state.kind === 'uploading' && `Uploading ${state.name}…`}
      </p>
      {state.kind === 'failed' && (
        <p class="field__error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
