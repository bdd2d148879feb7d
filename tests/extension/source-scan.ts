/** Reading source files for the scans of tests/extension (words the code must not hold): the code without its comments. */

/** `code` without its comments (strings and template literals kept as they are). */
export function withoutComments(code: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (quote) {
      out += char;
      if (char === '\\') out += code[++i] ?? '';
      else if (char === quote) quote = null;
    } else if (char === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else {
      if (char === "'" || char === '"' || char === '`') quote = char;
      out += char;
    }
  }
  return out;
}
