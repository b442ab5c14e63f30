// The playbook engine: a pure, deterministic function of (playbook, run, event, clock, availability) to the next
// run and what the bot does. No I/O and no timers: the runner stores the run, posts the messages and arms the
// deadline, all in one transaction, so a crash or restart never leaves the two out of step.
import type { FieldRef, MessageContent, Playbook, Step } from '@livechat/shared/model';
import { answerKind, branchSteps, checkAnswer, type Branch } from '@livechat/shared/playbook';
import { plainText } from '@livechat/shared/rich-text';
import type { PlaybookRun } from '../store.js';

export type RunState = Pick<PlaybookRun, 'branch' | 'position' | 'phase' | 'deadline'>;

export interface EngineContext {
  now: number;
  /** At least one agent has the switch on and a live dashboard. */
  agentsAvailable: boolean;
  /**
   * Fields already known (`contact.email` of a returning visitor, `custom.topic` answered earlier in this
   * conversation): their questions are skipped, in the main flow and the offline flow alike.
   */
  known?: ReadonlySet<string>;
}

/** What the bot does, in order. */
export type BotAction =
  /** Post a message as the bot (`bot`) or as a timeline event (`system`). `body` is its plain-text fallback. */
  | { type: 'say'; as: 'bot' | 'system'; body: string; content: MessageContent }
  /** Put the conversation in the agents' inbox (Unassigned). */
  | { type: 'queue' }
  /** The visitor waits for an agent until `until`. */
  | { type: 'wait'; until: number }
  /** Nobody took it: the offline flow starts. */
  | { type: 'missed' }
  /** Save a valid answer to its field. */
  | { type: 'answer'; stepId: string; question: string; field: FieldRef; value: string }
  /** The offline flow ran to its end: what it captured becomes a lead (once per conversation). */
  | { type: 'lead' };

export interface Outcome {
  run: RunState;
  actions: BotAction[];
}

/** English fallbacks for texts the widget shows in the visitor's language (see MessageContent). */
const INVALID_ANSWER_TEXT = {
  text: 'Please write an answer.',
  name: 'Please enter your name.',
  email: 'Please enter a valid email address.',
  phone: 'Please enter a valid phone number.',
  choice: 'Please choose one of the options.',
} as const;
export const WAITING_TEXT = 'Waiting for an agent';

const stepsOf = (playbook: Playbook, branch: Branch) => branchSteps(playbook.steps, branch);

const rich = (text: Extract<MessageContent, { type: 'rich' }>['text']): BotAction => ({
  type: 'say',
  as: 'bot',
  body: plainText(text),
  content: { type: 'rich', text },
});

/** The offline message: marked, so the widget stops saying the team is online. */
const away = (text: Extract<MessageContent, { type: 'rich' }>['text']): BotAction => ({
  type: 'say',
  as: 'bot',
  body: plainText(text),
  content: { type: 'rich', text, away: true },
});

function questionText(step: Extract<Step, { kind: 'question' }>): string {
  const prompt = plainText(step.text);
  return step.choices ? `${prompt}\n${step.choices.join(' · ')}` : prompt;
}

/**
 * Walks from the run's position: says messages, stops at a question (asking) or the Live Chat card (waiting, or
 * straight into the offline branch when nobody is available), and ends `done` after the last step.
 */
function walk(playbook: Playbook, from: RunState, ctx: EngineContext, actions: BotAction[]): RunState {
  let { branch, position } = from;
  for (;;) {
    const step = stepsOf(playbook, branch)[position];
    if (!step) {
      if (branch === 'offline') actions.push({ type: 'lead' });
      return { branch, position, phase: 'done', deadline: null };
    }
    switch (step.kind) {
      case 'message':
        actions.push(rich(step.text));
        position++;
        break;
      case 'question':
        if (ctx.known?.has(step.field)) {
          position++;
          break;
        }
        actions.push({
          type: 'say',
          as: 'bot',
          body: questionText(step),
          content: {
            type: 'question',
            stepId: step.id,
            text: step.text,
            input: step.input,
            ...(step.choices && { choices: step.choices }),
          },
        });
        return { branch, position, phase: 'asking', deadline: null };
      case 'live_chat': {
        actions.push({ type: 'queue' });
        if (ctx.agentsAvailable) {
          const until = ctx.now + step.waitSeconds * 1000;
          actions.push(rich(step.onlineMessage), { type: 'wait', until });
          actions.push({
            type: 'say',
            as: 'system',
            body: WAITING_TEXT,
            content: { type: 'waiting', until },
          });
          return { branch, position, phase: 'waiting', deadline: until };
        }
        actions.push({ type: 'missed' }, away(step.offlineMessage));
        branch = 'offline';
        position = 0;
        break;
      }
    }
  }
}

export const START: RunState = { branch: 'main', position: 0, phase: 'asking', deadline: null };

/**
 * A new conversation: the bot greets and runs until its first question, the card or the end. `visitorWrote`: it
 * was opened by a visitor's message (not by opening the chat), which then reaches the inbox if the bot has nothing
 * to ask.
 */
export function start(playbook: Playbook, ctx: EngineContext, visitorWrote = false): Outcome {
  const actions: BotAction[] = [];
  const run = walk(playbook, START, ctx, actions);
  if (visitorWrote && run.phase === 'done' && run.branch === 'main') actions.push({ type: 'queue' });
  return { run, actions };
}

/** The visitor wrote. While the bot asks, that is the answer: saved when valid, else the bot says why. */
export function visitorMessage(playbook: Playbook, run: RunState, body: string, ctx: EngineContext): Outcome {
  const actions: BotAction[] = [];
  if (run.phase === 'asking') {
    const step = stepsOf(playbook, run.branch)[run.position];
    if (step?.kind === 'question') {
      const kind = answerKind(step);
      const check = checkAnswer(kind, body, step.choices);
      if (!check.ok) {
        actions.push({
          type: 'say',
          as: 'bot',
          body: INVALID_ANSWER_TEXT[kind],
          content: { type: 'invalid_answer', input: kind },
        });
        return { run, actions };
      }
      actions.push({
        type: 'answer',
        stepId: step.id,
        question: plainText(step.text),
        field: step.field,
        value: check.value,
      });
      const known = new Set(ctx.known).add(step.field);
      run = walk(playbook, { ...run, position: run.position + 1 }, { ...ctx, known }, actions);
    }
  }
  // A playbook without a Live Chat card hands the chat to the inbox once the visitor has written after it.
  if (run.phase === 'done' && run.branch === 'main') actions.push({ type: 'queue' });
  return { run, actions };
}

/** The wait timer fired: when nobody took the chat, the offline message and flow run. Early calls change nothing. */
export function deadline(playbook: Playbook, run: RunState, ctx: EngineContext): Outcome {
  if (run.phase !== 'waiting' || run.deadline === null || ctx.now < run.deadline) return { run, actions: [] };
  const card = playbook.steps[run.position];
  if (card?.kind !== 'live_chat') return { run: { ...run, phase: 'done', deadline: null }, actions: [] };
  const actions: BotAction[] = [{ type: 'missed' }, away(card.offlineMessage)];
  return {
    run: walk(playbook, { branch: 'offline', position: 0, phase: 'asking', deadline: null }, ctx, actions),
    actions,
  };
}

/** An agent took the chat: the bot stops (a pending question or wait is dropped). */
export function agentJoined(run: RunState): Outcome {
  return { run: { ...run, phase: 'human', deadline: null }, actions: [] };
}
