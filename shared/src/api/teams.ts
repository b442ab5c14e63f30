// Teams (work groups): admins name them and choose their members; every signed-in agent reads them (team names).
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../model/ids.js';

/** Longest team name, in characters. */
export const TEAM_NAME_MAX = 60;
/** Most members one request may name. */
const MAX_MEMBERS = 500;

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Agents in the team. */
  memberIds: z.array(IdSchema),
  createdAt: TimestampSchema,
});
export type Team = z.infer<typeof TeamSchema>;

/** Trimmed; unique ignoring case (409 conflict when taken). */
export const TeamNameSchema = z
  .string('Enter a name.')
  .trim()
  .min(1, 'Enter a name.')
  .max(TEAM_NAME_MAX, `Use at most ${TEAM_NAME_MAX} characters.`);

/** Active agents only; a repeated id counts once. */
const MemberIdsSchema = z.array(IdSchema).max(MAX_MEMBERS, `Choose at most ${MAX_MEMBERS} members.`);

export const CreateTeamBodySchema = z.object({ name: TeamNameSchema, memberIds: MemberIdsSchema.optional() });
export type CreateTeamBody = z.input<typeof CreateTeamBodySchema>;

/** A new name, the whole new list of members, or both. */
export const UpdateTeamBodySchema = z
  .object({ name: TeamNameSchema.optional(), memberIds: MemberIdsSchema.optional() })
  .refine((b) => b.name !== undefined || b.memberIds !== undefined, 'There is nothing to change.');
export type UpdateTeamBody = z.input<typeof UpdateTeamBodySchema>;

export const TeamListBodySchema = z.object({ teams: z.array(TeamSchema) });
export const TeamBodySchema = z.object({ team: TeamSchema });
