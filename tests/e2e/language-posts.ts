/** Posts written in the fixtures' German and Japanese (umlauts, CJK, emoji, two lines), and the text Relay inserts from them: shared by the Chromium and Firefox language specs. */
import type { ComposerNetwork } from '../../lib/networks';

export const LANGUAGE_POSTS: Record<'de' | 'ja', { title: string; linkedin: string; x: string }> = {
  de: {
    title: 'Relay 2.0 für alle Büros',
    linkedin:
      'Relay 2.0 ist da – schöner, größer, für alle Büros 🚀\nTeilen Sie Neuigkeiten in Ihren eigenen Worten. Grüße aus München!',
    x: 'Relay 2.0 ist da – für alle Büros 🚀\nNeuigkeiten in eigenen Worten teilen. Grüße!',
  },
  ja: {
    title: 'Relay 2.0 が登場',
    linkedin: 'Relay 2.0 が登場しました 🎉\n自分の言葉で会社のニュースを共有しましょう。東京オフィスより👋🏽',
    x: 'Relay 2.0 が登場 🎉\n自分の言葉でニュースを共有しよう。',
  },
};

const LINK = String.raw`http://relay\.test/r/[A-Za-z0-9_-]+`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text Relay inserts: the variant (its newline kept), the disclosure and the advocate's link. */
export function suggestedIn(network: ComposerNetwork, variant: string): RegExp {
  return network === 'linkedin'
    ? new RegExp(`^${escape(variant)}\\n#employee\\n\\n${LINK}$`, 'u')
    : new RegExp(`^${escape(variant)} #employee ${LINK}$`, 'u');
}
