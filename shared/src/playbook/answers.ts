// Checking a visitor's answer against the question's input type. Zod-free: the widget checks as the visitor types
// (and says why in its own language), the server checks again before saving, with the same rules.
import type { ContactField, QuestionInput } from '../model/playbook.js';

export const MAX_ANSWER_LENGTH = 500;

export type AnswerCheck = { ok: true; value: string } | { ok: false };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Digits with an optional leading +, after removing the usual separators: 6 to 15 digits (E.164 allows 15). */
const PHONE_SEPARATORS = /[\s().\-/]/g;
const PHONE = /^\+?\d{6,15}$/;

/** The answer as it is saved (trimmed, the email lowercased, a choice spelled as the option), or not ok. */
export function checkAnswer(input: QuestionInput, raw: string, choices: readonly string[] = []): AnswerCheck {
  const value = raw.trim();
  if (!value || value.length > MAX_ANSWER_LENGTH) return { ok: false };
  switch (input) {
    case 'text':
      return { ok: true, value };
    case 'email':
      return EMAIL.test(value) ? { ok: true, value: value.toLowerCase() } : { ok: false };
    case 'phone':
      return PHONE.test(value.replace(PHONE_SEPARATORS, '')) ? { ok: true, value } : { ok: false };
    case 'choice': {
      const choice = choices.find((c) => c.toLowerCase() === value.toLowerCase());
      return choice === undefined ? { ok: false } : { ok: true, value: choice };
    }
  }
}

/** The input the offline flow's capture step uses for each contact field. */
export const CAPTURE_INPUT: Record<ContactField, QuestionInput> = {
  name: 'text',
  email: 'email',
  phone: 'phone',
  organization: 'text',
};
