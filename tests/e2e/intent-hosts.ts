/** The hosts of the networks' share intents (x.com, www.linkedin.com, www.facebook.com, bsky.app, …), which the e2e suites answer from fixtures. */
import { NETWORKS, network } from '../../lib/networks';

export const INTENT_HOSTS = new Set(
  NETWORKS.map((id) => new URL(network(id).intentUrl('text', 'https://example.com/')).hostname),
);
