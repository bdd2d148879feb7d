/** A variant as a post on X: avatar beside the text, links shortened as X shows them, the card below. */
import { hostOf } from '../../content';
import { Actions, Avatar, CardImage, type PreviewProps } from './card';
import { RichText } from './RichText';

export function XPreview({ text, marks, card, label }: PreviewProps) {
  return (
    <figure class="preview preview--x">
      <figcaption class="preview__caption">{label}</figcaption>
      <div class="preview__row">
        <Avatar modifier="x" />
        <div class="preview__main">
          <p class="preview__name">
            Your Advocate <span class="preview__meta">@advocate · now</span>
          </p>
          <p class="preview__text">
            <RichText text={text} marks={marks} shortLinks />
          </p>
          <div class="preview-card preview-card--x">
            <CardImage src={card.imageUrl} />
            <p class="preview-card__site">From {hostOf(card.url) || 'your link'}</p>
            <p class="preview-card__title">{card.title || 'Your link'}</p>
          </div>
          <Actions names={['Reply', 'Repost', 'Like', 'Views']} />
        </div>
      </div>
    </figure>
  );
}
