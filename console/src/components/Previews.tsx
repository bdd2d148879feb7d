/**
 * Live previews of a variant as it would look once posted: a LinkedIn post and an X post, with the
 * link card. Text is rendered as text nodes (links, hashtags and mentions in spans, parts the
 * guideline checks flag in <mark>), never as HTML.
 */
import type { ComponentChildren } from 'preact';
import type { HintRange } from '../../../lib/guidelines';
import { hostOf, safeHttpUrl } from '../content';

export interface CardInfo {
  url: string;
  title: string;
  description: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

const TOKEN = /(https?:\/\/[^\s]+)|([#\uFF03][\p{L}\p{N}_]+)|(@[A-Za-z0-9_]{1,15})/gu;

/** What X shows for a URL: no scheme, cut after 23 characters. */
function xDisplayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\/(www\.)?/, '');
  return bare.length > 23 ? `${bare.slice(0, 23)}…` : bare;
}

function tokens(text: string, network: 'linkedin' | 'x', keyBase: number): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    const [whole, url] = match;
    const key = `${keyBase}-${match.index}`;
    if (url) {
      out.push(
        <span key={key} class="preview__link">
          {network === 'x' ? xDisplayUrl(url) : url}
        </span>,
      );
    } else {
      out.push(
        <span key={key} class="preview__tag">
          {whole}
        </span>,
      );
    }
    last = match.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The text with `marks` highlighted and links, hashtags and mentions styled. */
export function RichText({
  text,
  marks,
  network,
}: {
  text: string;
  marks: readonly HintRange[];
  network: 'linkedin' | 'x';
}) {
  const sorted = [...marks]
    .filter((mark) => mark.start < mark.end && mark.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const merged: HintRange[] = [];
  for (const mark of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && mark.start <= previous.end) previous.end = Math.max(previous.end, mark.end);
    else merged.push({ ...mark });
  }
  const parts: ComponentChildren[] = [];
  let at = 0;
  merged.forEach((mark, index) => {
    if (mark.start > at) parts.push(...tokens(text.slice(at, mark.start), network, at));
    parts.push(
      <mark key={`mark-${index}`} class="preview__mark">
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  });
  if (at < text.length) parts.push(...tokens(text.slice(at), network, at));
  return <>{parts}</>;
}

function CardImage({ src }: { src: string | null }) {
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

function Avatar({ network }: { network: 'linkedin' | 'x' }) {
  return (
    <span class={`preview__avatar preview__avatar--${network}`} aria-hidden="true">
      YA
    </span>
  );
}

interface PreviewProps {
  text: string;
  marks: readonly HintRange[];
  card: CardInfo;
  label: string;
}

export function LinkedInPreview({ text, marks, card, label }: PreviewProps) {
  return (
    <figure class="preview preview--linkedin">
      <figcaption class="preview__caption">{label}</figcaption>
      <div class="preview__head">
        <Avatar network="linkedin" />
        <div>
          <p class="preview__name">Your Advocate</p>
          <p class="preview__meta">Employee · now · Anyone</p>
        </div>
      </div>
      <p class="preview__text">
        <RichText text={text} marks={marks} network="linkedin" />
      </p>
      <div class="preview-card preview-card--linkedin">
        <CardImage src={card.imageUrl} />
        <div class="preview-card__body">
          <p class="preview-card__title">{card.title || hostOf(card.url) || 'Your link'}</p>
          <p class="preview-card__site">{card.siteName || hostOf(card.url)}</p>
        </div>
      </div>
      <p class="preview__actions" aria-hidden="true">
        <span>Like</span>
        <span>Comment</span>
        <span>Repost</span>
        <span>Send</span>
      </p>
    </figure>
  );
}

export function XPreview({ text, marks, card, label }: PreviewProps) {
  return (
    <figure class="preview preview--x">
      <figcaption class="preview__caption">{label}</figcaption>
      <div class="preview__row">
        <Avatar network="x" />
        <div class="preview__main">
          <p class="preview__name">
            Your Advocate <span class="preview__meta">@advocate · now</span>
          </p>
          <p class="preview__text">
            <RichText text={text} marks={marks} network="x" />
          </p>
          <div class="preview-card preview-card--x">
            <CardImage src={card.imageUrl} />
            <p class="preview-card__site">From {hostOf(card.url) || 'your link'}</p>
            <p class="preview-card__title">{card.title || 'Your link'}</p>
          </div>
          <p class="preview__actions" aria-hidden="true">
            <span>Reply</span>
            <span>Repost</span>
            <span>Like</span>
            <span>Views</span>
          </p>
        </div>
      </div>
    </figure>
  );
}

/** The page behind the URL, as link-preview found it. */
export function LinkCard({ card }: { card: CardInfo }) {
  const href = safeHttpUrl(card.url);
  return (
    <div class="link-card">
      <CardImage src={card.imageUrl} />
      <div class="link-card__body">
        <p class="link-card__site">{card.siteName || hostOf(card.url)}</p>
        <p class="link-card__title">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {card.title || hostOf(card.url)}
              <span class="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            card.title
          )}
        </p>
        {card.description && <p class="link-card__description">{card.description}</p>}
      </div>
    </div>
  );
}
