/** The console's audience API: console groups (create, rename, members), an advocate's region, and what the audience picker offers. */
import { z } from 'zod';
import { REGION_PATTERN } from './audiences';
import { GROUP_SOURCES } from './console-schemas';
import { lineSchema } from './text';

export const groupNameSchema = z.object({ name: lineSchema().trim().min(1, 'a name is required').max(100) }).strict();
export type GroupName = z.infer<typeof groupNameSchema>;

export const groupCreatedSchema = z.object({ id: z.string(), name: z.string() });

export const groupMembersSchema = z
  .object({ advocateIds: z.array(z.string().min(1).max(64)).max(10_000).describe('the whole membership') })
  .strict();

export const advocateRegionSchema = z
  .object({
    region: z
      .string()
      .regex(REGION_PATTERN, 'must be a region code such as "DE", "US-CA" or "EMEA"')
      .nullable()
      .describe('null clears it'),
  })
  .strict();

export const audienceOptionsSchema = z.object({
  everyone: z.number().int().describe('advocates with access'),
  groups: z.array(
    z.object({ id: z.string(), name: z.string(), source: z.enum(GROUP_SOURCES), members: z.number().int() }),
  ),
  regions: z.array(z.object({ code: z.string(), advocates: z.number().int() })),
  languages: z.array(z.object({ tag: z.string(), advocates: z.number().int() })),
});
export type AudienceOptions = z.infer<typeof audienceOptionsSchema>;

export const audienceReachQuerySchema = z.object({
  audiences: z.string().max(4000).optional().describe('comma-separated audience entries; none: everyone'),
});
export const audienceReachSchema = z.object({ advocates: z.number().int() });
