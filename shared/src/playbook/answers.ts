// Checking a visitor's answer against the question's input type (and a name answer for looking like a name).
// Zod-free: the widget checks as the visitor types (and says why in its own language), the server checks again
// before saving, with the same rules.
import type { AnswerKind, ContactField, QuestionInput } from '../model/playbook.js';
import { MAX_ANSWER_LENGTH } from './answer-limit.js';

export { MAX_ANSWER_LENGTH };

export type AnswerCheck = { ok: true; value: string } | { ok: false };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** Digits with an optional leading +, after removing the usual separators: 6 to 15 digits (E.164 allows 15). */
const PHONE_SEPARATORS = /[\s().\-/]/g;
const PHONE = /^\+?\d{6,15}$/;

/** The longest name accepted, and its most words ("Maria del Carmen García López" has five). */
export const MAX_NAME_LENGTH = 60;
const MAX_NAME_WORDS = 5;
/** Letters (with their accents), spaces and what names use between them: - ' ’ . , */
const NAME_CHARACTERS = /^[\p{L}\p{M}][\p{L}\p{M} '’.,-]*$/u;
/** A web address inside the text ("www.example.com", "example.co"), which is no name. */
const DOMAIN_LIKE = /\p{L}\.\p{L}{2,}/u;

/**
 * Whether a free-text answer looks like a person's name rather than a sentence, a question, a number, a web
 * address or an email: letters first, at most five words and 60 characters.
 */
export function looksLikeName(raw: string): boolean {
  const value = raw.trim().replace(/\s+/g, ' ');
  return (
    value.length > 0 &&
    value.length <= MAX_NAME_LENGTH &&
    value.split(' ').length <= MAX_NAME_WORDS &&
    NAME_CHARACTERS.test(value) &&
    !DOMAIN_LIKE.test(value)
  );
}

/** How a question's answer is checked: a free-text question saved to contact.name checks for a name. */
export function answerKind(question: { input: QuestionInput; field: string }): AnswerKind {
  return question.input === 'text' && question.field === 'contact.name' ? 'name' : question.input;
}

/** The answer as it is saved (trimmed, the email lowercased, a choice spelled as the option), or not ok. */
export function checkAnswer(input: AnswerKind, raw: string, choices: readonly string[] = []): AnswerCheck {
  const value = raw.trim();
  if (!value || value.length > MAX_ANSWER_LENGTH) return { ok: false };
  switch (input) {
    case 'text':
      return { ok: true, value };
    case 'name':
      return looksLikeName(value) ? { ok: true, value: value.replace(/\s+/g, ' ') } : { ok: false };
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

/**
 * The value a contact field keeps when an answer arrives for it: the answer, unless it is a shorter form of what is
 * known ("Jane" after "Jane Doe"), which would lose detail.
 */
export function fullerValue(known: string | null | undefined, answer: string): string {
  if (!known) return answer;
  const norm = (v: string) => v.trim().replace(/\s+/g, ' ').toLowerCase();
  const k = norm(known);
  const a = norm(answer);
  return a.length < k.length && k.includes(a) ? known : answer;
}
