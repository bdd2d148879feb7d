/** The organisation as advocates and admins see it: its name and logo on the setup screen, the popup and the console. */
import { z } from 'zod';
import { lineSchema } from '../text';
import { httpUrlInputSchema } from './common';

export const organizationSchema = z
  .object({
    name: lineSchema()
      .trim()
      .max(80)
      .describe('e.g. "Northwind Robotics"; empty: not set (screens show the server\'s host)'),
    logoUrl: httpUrlInputSchema
      .nullable()
      .describe("a square image (an upload from POST /v1/admin/images, or any https URL); null: the name's initials"),
  })
  .strict();
export type Organization = z.infer<typeof organizationSchema>;

export const DEFAULT_ORGANIZATION: Organization = { name: '', logoUrl: null };
