// Installation status: where a site's widget was last seen loading (the Embed page), and whether it ever was (the
// Playbook page marks the Live Chat card "Not installed" until then). Seen only on the site's allowed origins.
import { z } from 'zod';
import { TimestampSchema } from '../model/ids.js';

/** Longest page address kept, in characters (longer ones are cut). */
export const SIGHTING_PAGE_MAX = 500;

export const SightingSchema = z.object({
  /** The allowed origin the widget loaded on. */
  origin: z.string(),
  /**
   * The page, without its query or fragment; null when the browser sent none. Cross-origin requests carry only the
   * origin ("https://shop.example.com/") unless the site's referrer policy sends more.
   */
  page: z.string().nullable(),
  /** When the widget last loaded there, to within a minute. */
  lastSeenAt: TimestampSchema,
});
export type Sighting = z.infer<typeof SightingSchema>;

/** Most recent first; empty until the widget has loaded on an allowed origin. */
export const InstallationBodySchema = z.object({
  installed: z.boolean(),
  sightings: z.array(SightingSchema),
});
export type Installation = z.infer<typeof InstallationBodySchema>;
