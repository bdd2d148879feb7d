/** The link card under a post (what the page behind the link looks like) and the parts every preview shares. */
import type { HintRange } from '../../../../lib/guidelines';
import { safeHttpUrl } from '../../../../lib/safe-url';
import { hostOf } from '../../content';

export interface CardInfo {
  url: string;
  title: string;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

/** What every network's preview is given. */
export interface PreviewProps {
  text: string;
  marks: readonly HintRange[];
  card: CardInfo;
  label: string;
}

export function CardImage({ src }: { src: string | null }) {
  const safe = safeHttpUrl(src);
  if (!safe) return null;
  return (
    <img
      class="preview-card__image"
      src={safe}
      alt=""
      loading="lazy"
      referrerpolicy="no-referrer"
      onError={(event) => event.currentTarget.classList.add('is-broken')}
    />
  );
}

/** The link's card under the text, title above the site (LinkedIn's layout, and the generic preview's). */
export function BodyCard({ card, modifier }: { card: CardInfo; modifier: string }) {
  return (
    <div class={`preview-card preview-card--${modifier}`}>
      <CardImage src={card.imageUrl} />
      <div class="preview-card__body">
        <p class="preview-card__title">{card.title || hostOf(card.url) || 'Your link'}</p>
        <p class="preview-card__site">{card.siteName || hostOf(card.url)}</p>
      </div>
    </div>
  );
}

/** The advocate's initials in a circle. */
export function Avatar({ modifier }: { modifier?: string }) {
  return (
    <span class={`preview__avatar${modifier ? ` preview__avatar--${modifier}` : ''}`} aria-hidden="true">
      YA
    </span>
  );
}

/** The row of actions under a post, for the eye only. */
export function Actions({ names }: { names: readonly string[] }) {
  return (
    <p class="preview__actions" aria-hidden="true">
      {names.map((name) => (
        <span key={name}>{name}</span>
      ))}
    </p>
  );
}
