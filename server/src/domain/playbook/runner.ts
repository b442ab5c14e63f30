// Runs each conversation's playbook: loads the run and the playbook version it started with, asks the pure engine
// what happens next, and carries it out inside the caller's unit of work (messages, inbox state, answers, the
// stored deadline), so a conversation's messages and its bot state commit together.
import {
  liveChatCard,
  type Conversation,
  type ContactField,
  type Locale,
  type Playbook,
} from '@livechat/shared/model';
import type { PlaybookRun, Store } from '../store.js';
import type { Timeline, WriteUnit } from '../timeline.js';
import { createDeadlineTimers } from './deadline-timers.js';
import { fullerValue, localizePlaybook } from '@livechat/shared/playbook';
import * as engine from './engine.js';

/** How often stored deadlines are looked for (those another node set and may not live to fire). */
const SWEEP_MS = 5_000;

export interface RunnerOptions {
  store: Store;
  timeline: Timeline;
  /**
   * Whether someone can take the chat right now: a member of the team the Live Chat card routes to, or (null) any
   * agent.
   */
  agentsAvailable: (teamId: string | null, siteId: string, at: number) => boolean | Promise<boolean>;
  /**
   * What the visitor reads after the offline message, as a system message (outside business hours: when the team is
   * back, in the playbook's language); null: nothing more.
   */
  awayNotice?: (siteId: string, at: number, locale: Locale) => Promise<string | null>;
  now: () => number;
  onError: (err: unknown) => void;
  /** The offline flow finished: its capture becomes a lead (in the same unit of work). */
  onLeadCaptured?: (unit: WriteUnit, conversation: Conversation, botName: string) => Promise<void>;
  /** The Live Chat card put the chat in a team's queue (in this unit): the team's routing takes it from there. */
  onQueuedToTeam?: (unit: WriteUnit, conversation: Conversation) => void;
}

export function createPlaybookRunner({
  store,
  timeline,
  agentsAvailable,
  awayNotice,
  now,
  onError,
  onLeadCaptured,
  onQueuedToTeam,
}: RunnerOptions) {
  /**
   * Conversations whose bot has nothing left to do (an agent joined, or it finished and the chat is in the inbox):
   * their messages skip the run lookup. Memory only, so a restart just reads each run once more.
   */
  const finished = new Set<string>();
  const FINISHED_CAP = 100_000;
  let sweep: ReturnType<typeof setInterval> | null = null;
  /** Arms a timer for every stored deadline not armed here yet (late ones fire at once). */
  const armStored = async () => {
    for (const run of await store.playbookRuns.withDeadline())
      if (!timers.has(run.conversationId)) timers.arm(run.conversationId, run.deadline!);
  };
  const timers = createDeadlineTimers(
    now,
    (conversationId) =>
      timeline.commit(
        async (unit) => {
          // Another node may fire the same deadline, or a message may arrive: one unit at a time decides.
          await store.conversations.lock(conversationId);
          const run = await store.playbookRuns.get(conversationId);
          const conversation = await store.conversations.byId(conversationId);
          if (!run || !conversation || conversation.status !== 'open') return;
          await apply(unit, conversation, run, (playbook, ctx) => engine.deadline(playbook, run, ctx));
        },
        { conversationId },
      ),
    onError,
  );

  /** What the bot need not ask again: the contact's known details, and what this conversation answered. */
  async function knownFields(conversation: Conversation): Promise<Set<string>> {
    const contact = await store.visitors.contact(conversation.visitorId);
    const known = new Set((await store.answers.of(conversation.id)).map((a) => a.field));
    for (const [field, value] of Object.entries(contact)) if (value) known.add(`contact.${field}`);
    return known;
  }

  /** The team the Live Chat card routes to, while it exists (a deleted team's chats go to everyone's queue). */
  async function teamOfCard(playbook: Playbook): Promise<string | null> {
    const teamId = liveChatCard(playbook)?.teamId;
    return teamId && (await store.teams.byId(teamId)) ? teamId : null;
  }

  async function apply(
    unit: WriteUnit,
    conversation: Conversation,
    run: PlaybookRun,
    step: (playbook: Playbook, ctx: engine.EngineContext) => engine.Outcome,
  ): Promise<engine.RunState | null> {
    const stored = await store.playbooks.byVersion(run.siteId, run.version);
    if (!stored) return null;
    // The bot speaks the visitor's language where the admin translated its texts.
    const playbook = localizePlaybook(stored, run.locale ?? null);
    const ctx = {
      now: unit.now,
      agentsAvailable: await agentsAvailable(await teamOfCard(playbook), playbook.siteId, unit.now),
      known: await knownFields(conversation),
    };
    const { run: next, actions } = step(playbook, ctx);
    const bot = { kind: 'bot' as const, id: null, name: playbook.botName };
    const system = { kind: 'system' as const, id: null, name: '' };
    let current = conversation;
    for (const action of actions) {
      switch (action.type) {
        case 'say':
          await unit.post(conversation.id, action.as === 'bot' ? bot : system, action.body, {
            content: action.content,
          });
          if (action.content.type === 'rich' && action.content.away) {
            const notice = await awayNotice?.(playbook.siteId, unit.now, run.locale ?? playbook.locale);
            if (notice) await unit.post(conversation.id, system, notice);
          }
          break;
        case 'queue':
          if (current.queuedAt === null) {
            const teamId = await teamOfCard(playbook);
            current = teamId
              ? (await store.conversations.setQueue(current.id, teamId, unit.now))!
              : (await store.conversations.queue(current.id, unit.now))!;
            unit.changed(current);
            if (teamId) onQueuedToTeam?.(unit, current);
          }
          break;
        case 'wait':
          unit.changed((current = (await store.conversations.setWaiting(current.id, action.until))!));
          break;
        case 'missed':
          unit.changed((current = (await store.conversations.markMissed(current.id, unit.now))!));
          break;
        case 'lead':
          await onLeadCaptured?.(unit, current, playbook.botName);
          break;
        case 'answer': {
          const { type: _type, ...answer } = action;
          await store.answers.save(conversation.id, { ...answer, answeredAt: unit.now });
          const [scope, name] = action.field.split('.') as [string, string];
          if (scope === 'contact') {
            const field = name as ContactField;
            const known = (await store.visitors.contact(conversation.visitorId))[field];
            const value = fullerValue(known, action.value);
            if (value !== known) {
              await store.visitors.setContactField(conversation.visitorId, field, value);
              // The list shows the captured name instead of "Visitor 1234".
              if (field === 'name') unit.changed((current = (await store.conversations.byId(current.id))!));
            }
          }
          break;
        }
      }
    }
    const moved = next.branch !== run.branch || next.position !== run.position || next.phase !== run.phase;
    if (moved || next.deadline !== run.deadline) await store.playbookRuns.save({ ...run, ...next }, unit.now);
    if (next.deadline !== run.deadline) {
      const at = next.deadline;
      unit.afterCommit(() =>
        at === null ? timers.cancel(run.conversationId) : timers.arm(run.conversationId, at),
      );
    }
    return next;
  }

  return {
    /**
     * A new conversation runs the site's current playbook. `visitorWrote`: a visitor's message opened it. `locale`:
     * the visitor's language (null: unknown), kept with the run so every later bot text is in it.
     */
    async start(
      unit: WriteUnit,
      conversation: Conversation,
      visitorWrote = false,
      locale: Locale | null = null,
    ): Promise<void> {
      const playbook = await store.playbooks.latest(conversation.siteId);
      if (!playbook) {
        if (visitorWrote) unit.changed((await store.conversations.queue(conversation.id, unit.now))!);
        return;
      }
      const run: PlaybookRun = {
        conversationId: conversation.id,
        siteId: playbook.siteId,
        version: playbook.version,
        ...engine.START,
        locale,
      };
      await store.playbookRuns.save(run, unit.now);
      await apply(unit, conversation, run, (p, ctx) => engine.start(p, ctx, visitorWrote));
    },

    /** The visitor wrote in their conversation (the message is already stored in this unit). */
    async visitorMessage(unit: WriteUnit, conversation: Conversation, body: string): Promise<void> {
      if (finished.has(conversation.id)) return;
      const run = await store.playbookRuns.get(conversation.id);
      if (!run) {
        // No playbook ran (none configured): the conversation goes to the inbox on the visitor's first message.
        if (conversation.queuedAt === null)
          unit.changed((await store.conversations.queue(conversation.id, unit.now))!);
        return;
      }
      const phase =
        run.phase === 'human'
          ? run.phase
          : (await apply(unit, conversation, run, (p, ctx) => engine.visitorMessage(p, run, body, ctx)))
              ?.phase;
      const queued = unit.current(conversation.id)?.queuedAt ?? conversation.queuedAt;
      if (phase === 'human' || (phase === 'done' && queued !== null)) {
        // Recorded after COMMIT: a rolled-back unit must not mark anything.
        unit.afterCommit(() => {
          if (finished.size >= FINISHED_CAP) finished.clear();
          finished.add(conversation.id);
        });
      }
    },

    /** An agent took the conversation: the bot stops and its wait timer is dropped. */
    async agentJoined(unit: WriteUnit, conversation: Conversation): Promise<void> {
      const run = await store.playbookRuns.get(conversation.id);
      if (run && run.phase !== 'human') await apply(unit, conversation, run, () => engine.agentJoined(run));
    },

    /** Re-arms every stored deadline (at start): late ones fire at once. */
    async resume(): Promise<void> {
      await armStored();
      // Several nodes: a node that dies takes its timers with it, so every node also arms the stored deadlines it
      // did not set. Whichever fires first carries the deadline out; the others find it gone (the unit locks the
      // conversation and the engine acts only on a deadline that is still stored and due).
      sweep ??= setInterval(() => void armStored().catch(onError), SWEEP_MS);
      sweep.unref();
    },

    /** Waits currently armed (tests, metrics). */
    pendingTimers: () => timers.pending(),
    stop: () => {
      clearInterval(sweep ?? undefined);
      sweep = null;
      timers.stop();
    },
  };
}
export type PlaybookRunner = ReturnType<typeof createPlaybookRunner>;
