/** A variant as a LinkedIn post: the advocate's header, the text, the link card and the action row. */
import { Actions, Avatar, BodyCard, type PreviewProps } from './card';
import { RichText } from './RichText';

export function LinkedInPreview({ text, marks, card, label }: PreviewProps) {
  return (
    <figure class="preview preview--linkedin">
      <figcaption class="preview__caption">{label}</figcaption>
      <div class="preview__head">
        <Avatar />
        <div>
          <p class="preview__name">Your Advocate</p>
          <p class="preview__meta">Employee · now · Anyone</p>
        </div>
      </div>
      <p class="preview__text">
        <RichText text={text} marks={marks} />
      </p>
      <BodyCard card={card} modifier="linkedin" />
      <Actions names={['Like', 'Comment', 'Repost', 'Send']} />
    </figure>
  );
}
