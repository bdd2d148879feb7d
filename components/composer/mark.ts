/** Relay's mark (the teal square with the white arrow, as components/shared/Logo.tsx draws it) built with DOM calls, for the content script's stand-in button, which carries no Preact. */
import { BRAND_COLOR, MARK_ARROW_PATH } from '../../lib/brand';

const SVG = 'http://www.w3.org/2000/svg';

export function relayMark(size: number): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of [
    ['class', 'logo'],
    ['width', String(size)],
    ['height', String(size)],
    ['viewBox', '0 0 32 32'],
    ['aria-hidden', 'true'],
    ['focusable', 'false'],
  ] as const) {
    svg.setAttribute(name, value);
  }
  const square = document.createElementNS(SVG, 'rect');
  square.setAttribute('width', '32');
  square.setAttribute('height', '32');
  square.setAttribute('rx', '7');
  square.setAttribute('fill', BRAND_COLOR);
  const arrow = document.createElementNS(SVG, 'path');
  arrow.setAttribute('d', MARK_ARROW_PATH);
  arrow.setAttribute('fill', '#fff');
  svg.append(square, arrow);
  return svg;
}
