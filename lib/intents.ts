/**
 * Share intents: the URL that opens each network's composer prefilled. X takes text (the link is
 * in it); LinkedIn's feed composer takes text through `shareActive`; Facebook forbids prefilled
 * text, so its sharer gets the URL alone.
 */
import type { Network } from './schemas';

export function shareIntentUrl(network: Network, text: string, link: string): string {
  switch (network) {
    case 'x':
      return `https://x.com/intent/post?text=${encodeURIComponent(text)}`;
    case 'linkedin':
      return `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(text)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link)}`;
  }
}
