/**
 * A post's text as a preview shows it: links, hashtags and mentions in spans, the parts the
 * guideline checks flag in <mark>. Text nodes only, never HTML.
 */
import type { ComponentChildren } from 'preact';
import type { HintRange } from '../../../../lib/guidelines';

const TOKEN = /(https?:\/\/[^\s]+)|([#\uFF03][\p{L}\p{N}_]+)|(@[A-Za-z0-9_]{1,15})/gu;

/** A URL as X shows it: no scheme, cut after 23 characters. */
function shortUrl(url: string): string {
  const bare = url.replace(/^https?:\/\/(www\.)?/, '');
  return bare.length > 23 ? `${bare.slice(0, 23)}…` : bare;
}

function tokens(text: string, shortLinks: boolean, keyBase: number): ComponentChildren[] {
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
          {shortLinks ? shortUrl(url) : url}
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
  shortLinks = false,
}: {
  text: string;
  marks: readonly HintRange[];
  /** Links shown as X shows them (no scheme, cut short). */
  shortLinks?: boolean;
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
    if (mark.start > at) parts.push(...tokens(text.slice(at, mark.start), shortLinks, at));
    parts.push(
      <mark key={`mark-${index}`} class="preview__mark">
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  });
  if (at < text.length) parts.push(...tokens(text.slice(at), shortLinks, at));
  return <>{parts}</>;
}
