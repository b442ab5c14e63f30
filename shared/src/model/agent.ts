import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.js';

export const RoleSchema = z.enum(['admin', 'agent']);
export type Role = z.infer<typeof RoleSchema>;

export const EmailSchema = z.string().trim().toLowerCase().max(254).email();
export const PasswordSchema = z.string().min(8, 'at least 8 characters').max(200);
export const PersonNameSchema = z.string().trim().min(1).max(100);

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
  createdAt: TimestampSchema,
});
export type Agent = z.infer<typeof AgentSchema>;
