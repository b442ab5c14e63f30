// Teams (work groups): admins name them and put active agents in them. Names are unique ignoring case.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import {
  DEFAULT_TEAM_ROUTING,
  type CreateTeamBody,
  type Team,
  type TeamRouting,
  type UpdateTeamBody,
} from '@livechat/shared/api';
import { DomainError, notFound } from './errors.js';
import { isUniqueViolation, type Store } from './store.js';
import { newId } from './tokens.js';

/** The routing settings a change leaves: what it names, else what was. */
const routingOf = (current: TeamRouting, change: Partial<TeamRouting>): TeamRouting => ({
  autoAssign: change.autoAssign ?? current.autoAssign,
  maxOpenChats: change.maxOpenChats ?? current.maxOpenChats,
  returningContacts: change.returningContacts ?? current.returningContacts,
});
const sameRouting = (a: TeamRouting, b: TeamRouting) =>
  a.autoAssign === b.autoAssign &&
  a.maxOpenChats === b.maxOpenChats &&
  a.returningContacts === b.returningContacts;

const nameTaken = (name: string) =>
  new DomainError(ErrorCode.Conflict, `A team named ${name} already exists.`, 'name');

/**
 * `workQueue`: the team's routing may assign now (automatic assignment turned on, a higher maximum, new members).
 */
export function createTeamsService(
  store: Store,
  now: () => number,
  workQueue: (teamId: string) => void = () => {},
) {
  const taken = async (name: string, except?: string) => {
    const other = await store.teams.byName(name);
    if (other && other.id !== except) throw nameTaken(other.name);
  };
  /** Runs the write; a name taken at the same time by another request is refused like one taken before. */
  const unique = async (name: string, write: () => Promise<void>) => {
    try {
      await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(name);
      throw err;
    }
  };
  /** The members as stored: each id once, every one an active agent. */
  const members = async (ids: readonly string[]): Promise<string[]> => {
    const distinct = [...new Set(ids)];
    for (const id of distinct) {
      const agent = await store.agents.byId(id);
      if (!agent)
        throw new DomainError(ErrorCode.InvalidRequest, 'Choose members among the agents.', 'memberIds');
      if (!agent.active)
        throw new DomainError(
          ErrorCode.InvalidRequest,
          `${agent.name} is deactivated; only active agents can be in a team.`,
          'memberIds',
        );
    }
    return distinct.sort();
  };
  const read = async (id: string): Promise<Team> => {
    const team = await store.teams.byId(id);
    if (!team) throw notFound('Team');
    return team;
  };

  return {
    /** Every team with its members, by name. */
    list: (): Promise<Team[]> => store.teams.all(),

    create: (input: CreateTeamBody): Promise<Team> =>
      store.transaction(async () => {
        const name = input.name.trim();
        await taken(name);
        const memberIds = await members(input.memberIds ?? []);
        const team = { id: newId(), name, createdAt: now(), ...routingOf(DEFAULT_TEAM_ROUTING, input) };
        await unique(name, () => store.teams.insert(team));
        await store.teams.setMembers(team.id, memberIds);
        return { ...team, memberIds };
      }),

    /** Renames the team, replaces its members, or both. */
    update: async (id: string, change: UpdateTeamBody): Promise<Team> => {
      const team = await store.transaction(async () => {
        if (!(await store.teams.lock(id))) throw notFound('Team');
        if (change.name !== undefined) {
          const name = change.name.trim();
          await taken(name, id);
          await unique(name, () => store.teams.rename(id, name));
        }
        if (change.memberIds !== undefined) await store.teams.setMembers(id, await members(change.memberIds));
        const current = await read(id);
        const routing = routingOf(current, change);
        if (!sameRouting(routing, current)) await store.teams.setRouting(id, routing);
        return { ...current, ...routing };
      });
      workQueue(id);
      return team;
    },

    /** The team and its memberships; the agents stay. */
    remove: (id: string): Promise<void> =>
      store.transaction(async () => {
        if (!(await store.teams.lock(id)) || !(await store.teams.remove(id))) throw notFound('Team');
      }),
  };
}
