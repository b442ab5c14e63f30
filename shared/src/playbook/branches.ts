// The two step sequences the bot walks: the playbook's own steps, and the offline flow of its Live Chat card
// spelled out as steps (its questions, one question per captured contact field, the thank-you message).
import type { LiveChatStep, MessageStep, QuestionStep, Step } from '../model/playbook.js';
import { CAPTURE_INPUT } from './answers.js';

export type Branch = 'main' | 'offline';

/** The offline flow as message and question steps. Capture steps get ids `<card id>-<field>`. */
export function offlineSteps(card: LiveChatStep): (MessageStep | QuestionStep)[] {
  const { questions, capture, thankYou } = card.offlineFlow;
  return [
    ...questions.map((q): QuestionStep => ({ ...q, kind: 'question' })),
    ...capture.map(({ field, text }): QuestionStep => ({
      kind: 'question',
      id: `${card.id}-${field}`,
      text,
      input: CAPTURE_INPUT[field],
      field: `contact.${field}`,
    })),
    { kind: 'message', id: `${card.id}-thanks`, text: thankYou },
  ];
}

/** The steps of a branch; the offline branch of a playbook without a card is empty. */
export function branchSteps(steps: readonly Step[], branch: Branch): readonly Step[] {
  if (branch === 'main') return steps;
  const card = steps.find((s): s is LiveChatStep => s.kind === 'live_chat');
  return card ? offlineSteps(card) : [];
}
