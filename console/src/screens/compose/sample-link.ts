/**
 * The link the previews and counters use: the shape of an advocate's tracked link on this server,
 * or on a stand-in domain when twitter-text would not see this server's address as a link (an IP
 * address or localhost), so X's counter counts it 23 as it will in a real post.
 */
import twitterText from 'twitter-text';

export const SAMPLE_LINK = (() => {
  const own = `${location.origin}/r/Xy7Qm2Ka`;
  return twitterText.extractUrls(own)[0] === own ? own : 'https://relay.example.com/r/Xy7Qm2Ka';
})();
