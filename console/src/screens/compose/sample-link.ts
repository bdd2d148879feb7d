/** The link the previews and counters use: the shape of an advocate's tracked link on this server (lib/guidelines sampleTrackedLink). */
import { sampleTrackedLink } from '../../../../lib/guidelines';

export const SAMPLE_LINK = sampleTrackedLink(location.origin);
