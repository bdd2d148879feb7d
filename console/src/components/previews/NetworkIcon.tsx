/** A network's icon from the registry: its glyph on its colour (set through the CSSOM: the CSP forbids style attributes). */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { network, type Network } from '../../../../lib/networks';

export function NetworkIcon({ id }: { id: Network }) {
  const icon = network(id).icon;
  const element = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    element.current?.style.setProperty('--network-color', icon.color);
  }, [icon.color]);
  return (
    <span ref={element} class="preview__avatar network-icon" aria-hidden="true">
      {icon.glyph}
    </span>
  );
}
