/** A post as the extension reads it from a sync: unknown fields and networks are left out. */
import { z } from 'zod';
import { TEXT_NETWORKS } from '../../networks';
import { httpUrlSchema } from '../common';
import { advocateItemSchema, type AdvocateItem } from '../content';
import { knownNetworksSchema, networkRecord } from './tolerant';

/** A variant's text, as the extension has always taken it. */
const variantTextSchema = z.string().trim().min(1, 'a variant cannot be empty').max(3000);

/** Variants of the networks whose share carries text; a newer server's other networks are dropped. */
export const readVariantsSchema = networkRecord(z.array(variantTextSchema).max(10), TEXT_NETWORKS);

/** The advocate's tracked link per network; links of networks this version does not know are dropped. */
export const readLinksSchema = networkRecord(httpUrlSchema);

/**
 * Every field today's extension knows, checked as before; fields it does not know are stripped
 * (`z.object`'s default), and so are networks it does not know, in `networks`, `variants` and `links`.
 */
export const readAdvocateItemSchema: z.ZodType<AdvocateItem, unknown> = z.object({
  ...advocateItemSchema.shape,
  variants: readVariantsSchema,
  links: readLinksSchema,
  networks: knownNetworksSchema,
});
