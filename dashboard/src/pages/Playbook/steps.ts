// Editing the step list. The Live Chat card, when there is one, always stays last: nothing after it would run.
import { PLAYBOOK_LIMITS } from '@livechat/shared/model';
import { DEFAULT_CAPTURE_PROMPTS, type LiveChatDraft, type QuestionDraft, type StepDraft } from './draft.js';
import { newStepId } from './step-id.js';

export type NewStepKind = StepDraft['kind'];

export function newQuestion(): QuestionDraft {
  return { id: newStepId(), text: '', input: 'text', choices: '', field: 'custom.' };
}

function newLiveChat(): LiveChatDraft {
  return {
    kind: 'live_chat',
    id: newStepId(),
    teamId: '',
    onlineMessage: 'Let me connect you with someone from our team.',
    waitSeconds: '120',
    offlineMessage: "Everyone is busy right now. Leave your details and we'll get back to you.",
    offlineFlow: {
      questions: [],
      capture: {
        name: { enabled: true, text: DEFAULT_CAPTURE_PROMPTS.name },
        email: { enabled: true, text: DEFAULT_CAPTURE_PROMPTS.email },
        phone: { enabled: false, text: DEFAULT_CAPTURE_PROMPTS.phone },
        organization: { enabled: false, text: DEFAULT_CAPTURE_PROMPTS.organization },
      },
      thankYou: "Thank you! We'll be in touch soon.",
    },
  };
}

export function newStep(kind: NewStepKind): StepDraft {
  if (kind === 'message') return { kind: 'message', id: newStepId(), text: '' };
  if (kind === 'question') return { kind: 'question', ...newQuestion() };
  return newLiveChat();
}

export const hasLiveChat = (steps: readonly StepDraft[]) => steps.some((s) => s.kind === 'live_chat');

export const canAddStep = (steps: readonly StepDraft[], kind: NewStepKind) =>
  steps.length < PLAYBOOK_LIMITS.maxSteps && !(kind === 'live_chat' && hasLiveChat(steps));

/** Adds at the end, but before the Live Chat card. */
export function addStep(steps: readonly StepDraft[], step: StepDraft): StepDraft[] {
  const card = steps.findIndex((s) => s.kind === 'live_chat');
  if (card === -1 || step.kind === 'live_chat') return [...steps, step];
  return [...steps.slice(0, card), step, ...steps.slice(card)];
}

/** Whether the step at `index` can move by `delta` (±1) without moving the card or passing it. */
export function canMove(steps: readonly StepDraft[], index: number, delta: -1 | 1): boolean {
  const target = index + delta;
  if (target < 0 || target >= steps.length) return false;
  return steps[index]!.kind !== 'live_chat' && steps[target]!.kind !== 'live_chat';
}

export function moveStep(steps: readonly StepDraft[], index: number, delta: -1 | 1): StepDraft[] {
  if (!canMove(steps, index, delta)) return [...steps];
  const next = [...steps];
  [next[index], next[index + delta]] = [next[index + delta]!, next[index]!];
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}
