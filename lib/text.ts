/**
 * What text the server accepts: no control characters anywhere (PostgreSQL cannot store NUL and
 * none of them belongs in a title, a tag or an id), and names shown to other people without the
 * invisible characters that can make one name pass for another.
 */
import { z } from 'zod';

/**
 * C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F). Kept as a source
 * string so the same rule is a zod `regex` check (and a `pattern` in /openapi.json).
 */
const CONTROL_CLASS = '\\u0000-\\u001F\\u007F-\\u009F';
/** The same, less tab (U+0009) and line feed (U+000A): for text that may run over several lines. */
const CONTROL_CLASS_MULTILINE = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';

const NO_CONTROLS = new RegExp(`^[^${CONTROL_CLASS}]*$`);
const NO_CONTROLS_MULTILINE = new RegExp(`^[^${CONTROL_CLASS_MULTILINE}]*$`);
const ANY_CONTROL = new RegExp(`[${CONTROL_CLASS}]`, 'g');

export const CONTROL_MESSAGE = 'must not contain control characters (such as NUL, escape or a line break)';
export const CONTROL_MESSAGE_MULTILINE = 'must not contain control characters other than tab and line break';

/** Whether `text` holds a C0 or C1 control character (tab and line feed too, unless `multiline`). */
export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return !(options.multiline ? NO_CONTROLS_MULTILINE : NO_CONTROLS).test(text);
}

/** One line of text: refuses every control character, tab and line break included. */
export function lineSchema(): z.ZodString {
  return z.string().regex(NO_CONTROLS, CONTROL_MESSAGE);
}

/** Text that may run over several lines (a note, a post's text): tab and line feed are allowed. */
export function multilineSchema(): z.ZodString {
  return z.string().regex(NO_CONTROLS_MULTILINE, CONTROL_MESSAGE_MULTILINE);
}

/**
 * Unicode's default-ignorable code points: characters with no glyph of their own. They include the
 * bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F,
 * U+061C), the zero-width space, joiners and word joiner (U+200B–U+200D, U+2060), the byte-order
 * mark (U+FEFF), the soft hyphen, variation selectors, tag characters and the Hangul fillers often
 * used for "blank" names.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * A name or team as other advocates see it on the leaderboard: invisible characters are stripped,
 * not refused. They show nothing, so stripping them changes nothing a reader could see, except the
 * spoofing they allow (a right-to-left override turning "Ann" into what reads as another name, or a
 * zero-width space making a second "Ann" that is not equal to the first); refusing them instead
 * would turn away names pasted from chat or documents that carry a stray zero-width space or
 * byte-order mark. The price: joiners inside emoji sequences and Persian words are lost (👩‍💻 shows
 * as 👩💻). A name made only of such characters is empty once stripped, and refused as empty.
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A person's name or a team: one line, invisible characters stripped, then trimmed. */
export function displayNameSchema(): z.ZodString {
  return lineSchema().overwrite(stripInvisible).trim();
}

/** For stored text made before these rules: control and invisible characters removed, trimmed. */
export function cleanDisplayName(text: string): string {
  return stripInvisible(text.replace(ANY_CONTROL, '')).trim();
}
