/** A Vite plugin that takes Preact's dangerouslySetInnerHTML (its one innerHTML assignment) out of the extension's bundles. */
import type { Plugin } from 'vite';

/** Preact's ES module builds, the ones Vite resolves `preact` to. */
const PREACT_BUILD = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(mjs|module\.js)$/;
/** `u.innerHTML=h.__html`: where Preact renders a `dangerouslySetInnerHTML` prop (minified names vary). */
const HTML_ASSIGNMENT = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;
/** What renders such a prop instead: Relay never uses it, and server text is text (never HTML). */
const REFUSAL = '(()=>{throw new Error("Relay renders no HTML strings: dangerouslySetInnerHTML is not supported")})()';

/**
 * Relay's code never passes `dangerouslySetInnerHTML`, so Preact's support for it is dead code, but
 * it is an innerHTML assignment from a variable, which addons-linter (AMO's review) reports as an
 * unsafe assignment in every bundle that renders with Preact. The assignment becomes a thrown error.
 * A Preact build with none, or more than one, stops the build: the pattern must be looked at again.
 */
export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'relay:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_BUILD.test(id.split('?')[0] ?? '')) return null;
      const found = code.match(HTML_ASSIGNMENT)?.length ?? 0;
      if (found !== 1) {
        this.error(
          `expected one dangerouslySetInnerHTML assignment in ${id}, found ${found}: update ${import.meta.url}`,
        );
      }
      return { code: code.replace(HTML_ASSIGNMENT, REFUSAL), map: null };
    },
  };
}
