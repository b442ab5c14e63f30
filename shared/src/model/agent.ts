import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.js';
import { LOCALES } from '../protocol/constants.js';

export const RoleSchema = z.enum(['admin', 'agent']);
export type Role = z.infer<typeof RoleSchema>;

export const EmailSchema = z
  .string('Enter an email address.')
  .trim()
  .toLowerCase()
  .min(1, { message: 'Enter an email address.', abort: true })
  .max(254, 'Use at most 254 characters.')
  .email('Enter a valid email address.');
export const PasswordSchema = z
  .string('Enter a password.')
  .min(8, 'Use at least 8 characters.')
  .max(200, 'Use at most 200 characters.');
export const PersonNameSchema = z
  .string('Enter a name.')
  .trim()
  .min(1, 'Enter a name.')
  .max(100, 'Use at most 100 characters.');

/** A language the dashboard speaks (the same set as the widget's). */
export const DashboardLanguageSchema = z.enum(LOCALES, { error: 'Choose English, Türkçe or Slovenščina.' });
export type DashboardLanguage = z.infer<typeof DashboardLanguageSchema>;

export const AgentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  /** Invited by link and not signed up yet: cannot sign in until the invite is accepted. Absent means false. */
  invited: z.boolean().optional(),
  /** The agent's "Available" switch. They count as available only while it is on and a dashboard is connected. */
  available: z.boolean().optional(),
  /** Where the agent's picture is served (set on their Profile page); absent or null when they have none. */
  avatarUrl: z.string().nullable().optional(),
  /** The dashboard's language, chosen on the Profile page; null or absent: the browser's. */
  language: DashboardLanguageSchema.nullable().optional(),
  createdAt: TimestampSchema,
});
export type Agent = z.infer<typeof AgentSchema>;
