// Teams (work groups): admins name them and choose their members; every signed-in agent reads them (team names).
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../model/ids.js';

/** Longest team name, in characters. */
export const TEAM_NAME_MAX = 60;
/** Most members one request may name. */
const MAX_MEMBERS = 500;

/** Most open chats automatic assignment gives one agent, at most. */
export const MAX_OPEN_CHATS_LIMIT = 100;

/** How a team's queue is worked. */
const TeamRoutingShape = {
  /** Off: members take chats with "Assign to me". On: round-robin among the team's available members. */
  autoAssign: z.boolean(),
  /** Automatic assignment gives an agent no chat while they hold this many open chats (of any team). */
  maxOpenChats: z
    .number('Enter a number.')
    .int('Enter a whole number.')
    .min(1, 'Allow at least 1 open chat.')
    .max(MAX_OPEN_CHATS_LIMIT, `Allow at most ${MAX_OPEN_CHATS_LIMIT} open chats.`),
  /** A returning contact's new chat goes to whoever had their last one, when that agent can take it. */
  returningContacts: z.boolean(),
};
export const TeamRoutingSchema = z.object(TeamRoutingShape);
export type TeamRouting = z.infer<typeof TeamRoutingSchema>;
/** A new team's routing: manual, like everyone's Unassigned. */
export const DEFAULT_TEAM_ROUTING: TeamRouting = {
  autoAssign: false,
  maxOpenChats: 5,
  returningContacts: false,
};

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Agents in the team. */
  memberIds: z.array(IdSchema),
  createdAt: TimestampSchema,
  ...TeamRoutingShape,
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

export const CreateTeamBodySchema = z.object({
  name: TeamNameSchema,
  memberIds: MemberIdsSchema.optional(),
  ...TeamRoutingSchema.partial().shape,
});
export type CreateTeamBody = z.input<typeof CreateTeamBodySchema>;

/** A new name, the whole new list of members, routing settings, or any of them. */
export const UpdateTeamBodySchema = z
  .object({
    name: TeamNameSchema.optional(),
    memberIds: MemberIdsSchema.optional(),
    ...TeamRoutingSchema.partial().shape,
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'There is nothing to change.');
export type UpdateTeamBody = z.input<typeof UpdateTeamBodySchema>;

export const TeamListBodySchema = z.object({ teams: z.array(TeamSchema) });
export const TeamBodySchema = z.object({ team: TeamSchema });
