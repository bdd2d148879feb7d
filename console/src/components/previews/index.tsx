/**
 * A variant as it would look once posted: a network's own preview where the console has one,
 * the generic one for every other network in the registry.
 */
import type { FunctionComponent } from 'preact';
import { network, type Network } from '../../../../lib/networks';
import type { PreviewProps } from './card';
import { LinkedInPreview } from './LinkedInPreview';
import { NetworkPreview } from './NetworkPreview';
import { XPreview } from './XPreview';

export { type CardInfo } from './card';

/** Networks with a preview drawn after their own look; keyed by id, so a new network needs no entry. */
const OWN_PREVIEW: Partial<Record<Network, FunctionComponent<PreviewProps>>> = {
  linkedin: LinkedInPreview,
  x: XPreview,
};

export function PostPreview({
  id,
  text,
  marks,
  card,
  index,
}: Omit<PreviewProps, 'label'> & { id: Network; index: number }) {
  const label = `${network(id).label} preview, variant ${index + 1}`;
  const Own = OWN_PREVIEW[id];
  if (Own) return <Own text={text} marks={marks} card={card} label={label} />;
  return <NetworkPreview id={id} text={text} marks={marks} card={card} label={label} />;
}
