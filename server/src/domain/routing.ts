// Team routing: a chat handed to a team waits in the team's queue. A team that assigns automatically gives its
// oldest waiting chat to the first member in its round (least recently given one) who is available and holds fewer
// open chats than the team's maximum; a team with "returning contacts" first offers a chat to whoever had the
// contact's last one. A chat nobody can take waits until someone can: the queue is worked again when an agent
// becomes available or frees a place, when the team's settings change, and every few seconds on every node.
//
// Exactly one assignee, and never more than the maximum, on any number of nodes: each assignment is its own unit of
// work that locks the team's row, then the agent's row (and recounts their open chats), then claims the chat with a
// compare-and-set. Locks are always taken in that order (team, agent, conversation), and no unit that holds a
// conversation's lock waits for a team or an agent, so two units can never wait for each other.
import type { Team } from '@livechat/shared/api';
import type { Agent, Conversation } from '@livechat/shared/model';
import type { DomainEvent, EventBus } from './events.js';
import type { Store } from './store.js';
import type { Timeline, WriteUnit } from './timeline.js';
import type { JoinChat } from './assignment.js';

/** How often every node works the queues of automatic teams (chats whose trigger was missed or ran elsewhere). */
const SWEEP_MS = 10_000;
/** Most chats one pass over a queue assigns before it yields to other work. */
const MAX_PER_PASS = 500;

export interface RoutingOptions {
  store: Store;
  timeline: Timeline;
  events: EventBus;
  isAgentAvailable: (agentId: string) => boolean;
  joinChat: JoinChat;
  onError: (err: unknown) => void;
}

export function createRouting({
  store,
  timeline,
  events,
  isAgentAvailable,
  joinChat,
  onError,
}: RoutingOptions) {
  /** Queues worked now, and whether another pass was asked for meanwhile: one pass per team at a time here. */
  const working = new Map<string, { again: boolean; done: Promise<void> }>();
  let sweep: ReturnType<typeof setInterval> | null = null;

  /** The agent can take one more chat of this team: active, available, and below the team's maximum. */
  async function canTake(agentId: string, team: Team): Promise<Agent | null> {
    if (!isAgentAvailable(agentId)) return null;
    await store.agents.lock(agentId); // their count cannot change under us, whichever team assigns on any node
    const agent = await store.agents.byId(agentId);
    if (!agent?.active) return null;
    return (await store.conversations.openCountOf(agentId)) < team.maxOpenChats ? agent : null;
  }

  /** Who gets the chat: the contact's last agent (returning contacts), else the next in the round, else nobody. */
  async function pick(team: Team, chat: Conversation, roundRobin: boolean): Promise<Agent | null> {
    if (team.returningContacts) {
      const previous = await store.conversations.previousAssigneeOf(chat.visitorId, chat.id);
      const agent = previous && (await canTake(previous, team));
      if (agent) return agent;
    }
    if (!roundRobin) return null;
    for (const id of await store.teams.roundOrder(team.id)) {
      const agent = await canTake(id, team);
      if (agent) return agent;
    }
    return null;
  }

  /**
   * One assignment in its own unit: `chatId` (a chat just queued) or the team's oldest waiting chat. Resolves with
   * whether a chat was assigned.
   */
  const assignOne = (teamId: string, chatId?: string): Promise<boolean> =>
    timeline.commit(async (unit: WriteUnit) => {
      if (!(await store.teams.lock(teamId))) return false;
      const team = await store.teams.byId(teamId);
      if (!team || (!team.autoAssign && chatId === undefined)) return false;
      const chat = chatId
        ? await store.conversations.byId(chatId)
        : await store.conversations.oldestInTeamQueue(teamId);
      if (!chat || chat.status !== 'open' || chat.assigneeId !== null || chat.teamId !== teamId) return false;
      // A visitor who merely opened the widget has asked nothing yet: the chat waits for their first words.
      if (chat.visitorWroteAt === null) return false;
      const agent = await pick(team, chat, team.autoAssign);
      if (!agent) return false;
      const claimed = await store.conversations.claim(chat.id, agent.id, unit.now);
      if (!claimed) return false; // someone took it meanwhile
      await store.teams.markAssigned(teamId, agent.id);
      await joinChat(unit, { team }, agent, chat, claimed);
      return true;
    });

  /** Works the team's queue until nobody can take its oldest chat. */
  function work(teamId: string): Promise<void> {
    const running = working.get(teamId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          for (let i = 0; i < MAX_PER_PASS && (await assignOne(teamId)); i++);
        } while (entry.again);
      } finally {
        working.delete(teamId);
      }
    })();
    working.set(teamId, entry);
    return entry.done;
  }

  const workAgentsTeams = async (agentId: string) => {
    for (const teamId of await store.teams.teamIdsOf(agentId)) await work(teamId);
  };
  /** Work started in the background, until it settles (tests and shutdown wait for it). */
  const inFlight = new Set<Promise<unknown>>();
  const background = (p: Promise<unknown>) => {
    const tracked = p.catch(onError).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  // Someone can take a chat now: an agent switched to available, or a chat they held closed or moved on.
  events.subscribe((event: DomainEvent) => {
    if (event.type === 'agent.updated' && event.agent.available && event.agent.active)
      background(workAgentsTeams(event.agent.id));
    else if (event.type === 'conversation.updated') {
      const { conversation: after, before } = event;
      const freed = before?.assigneeId && (after.status !== 'open' || after.assigneeId !== before.assigneeId);
      if (freed) background(workAgentsTeams(before.assigneeId!));
      // Back in a team's queue without a new route (its agent was deactivated): the team works it.
      if (freed && after.status === 'open' && after.assigneeId === null && after.teamId)
        background(work(after.teamId));
    }
  });

  return {
    /**
     * The chat was put in a team's queue in this unit: once it commits, it is offered to the contact's last agent
     * (returning contacts), then to the team's round (automatic assignment).
     */
    queued(unit: WriteUnit, chat: Conversation): void {
      const teamId = chat.teamId;
      if (teamId === null) return;
      unit.afterCommit(() =>
        background(assignOne(teamId, chat.id).then((assigned) => (assigned ? undefined : work(teamId)))),
      );
    },

    /** Work the team's queue now (its settings or members changed). */
    work: (teamId: string) => work(teamId),

    /** An agent's dashboard connected: they may be available now. */
    agentConnected: (agentId: string) => background(workAgentsTeams(agentId)),

    /** Every node works every automatic team's queue now and then: triggers that ran on a node that died. */
    start(): void {
      sweep ??= setInterval(
        () =>
          background(
            (async () => {
              for (const teamId of await store.teams.autoTeamsWithQueue()) await work(teamId);
            })(),
          ),
        SWEEP_MS,
      );
      sweep.unref();
    },
    stop(): void {
      if (sweep) clearInterval(sweep);
      sweep = null;
    },
    /** Resolves once no assignment is running or asked for here (tests, shutdown). */
    idle: async () => {
      while (working.size > 0 || inFlight.size > 0)
        await Promise.allSettled([...inFlight, ...[...working.values()].map((w) => w.done)]);
    },
  };
}
export type Routing = ReturnType<typeof createRouting>;
