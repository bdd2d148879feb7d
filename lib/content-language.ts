/** A post in a reader's language: which of its languages they get, and its title and variants in that language. */
import { bestLanguage } from './languages';
import type { Variants } from './schemas/content';

export interface MultilingualPost {
  title: string;
  language: string | null;
  variants: Variants;
  translations?: Record<string, { title?: string; variants: Variants }>;
}

/** Every language the post is in: its own first (when it says which), then its translations'. */
export function postLanguages(post: Pick<MultilingualPost, 'language' | 'translations'>): string[] {
  return [...(post.language ? [post.language] : []), ...Object.keys(post.translations ?? {})];
}

/**
 * The language a reader of `wanted` gets: the exact tag, else a language with the same primary
 * subtag ("de-AT" reads "de"), else the post's own (null when it names none).
 */
export function languageFor(
  post: Pick<MultilingualPost, 'language' | 'translations'>,
  wanted: string | null,
): string | null {
  return bestLanguage(wanted, postLanguages(post)) ?? post.language;
}

/**
 * The post's title and variants in `language` (languageFor's answer): a translation's title, else
 * the post's; per network a translation's variants, else (a network it leaves out) the post's own.
 */
export function textIn(
  post: MultilingualPost,
  language: string | null,
): { title: string; variants: Variants; language: string | null } {
  const translation = language !== null && language !== post.language ? post.translations?.[language] : undefined;
  if (!translation) return { title: post.title, variants: post.variants, language: post.language };
  const variants: Variants = { ...post.variants };
  for (const [network, list] of Object.entries(translation.variants) as [keyof Variants, string[] | undefined][]) {
    if (list?.length) variants[network] = list;
  }
  return { title: translation.title ?? post.title, variants, language };
}
