// The playbook as a visitor of one language reads it: each bot text replaced by its translation in that language
// where the admin wrote one, else the default text (the site's default language). Pure: the server applies it each
// time it runs a step, with the language the run started with.
import type { Locale } from '../model/playbook.js';
import type { CaptureField, LiveChatStep, OfflineFlow, Playbook, Question, Step } from '../model/playbook.js';
import type { RichText } from '../rich-text/types.js';

/** A translation with no words in it is no translation (the editor's empty box). */
export const hasWords = (text: RichText | undefined): text is RichText =>
  !!text && JSON.stringify(text).includes('"text":"');

type Texts<K extends string> = Partial<Record<Locale, Partial<Record<K, RichText>>>> | undefined;

function texts<T extends { translations?: Texts<K> }, K extends keyof T & string>(
  item: T,
  locale: Locale,
  keys: readonly K[],
): T {
  const own = item.translations?.[locale];
  if (!own) return item;
  const out = { ...item };
  for (const key of keys) {
    const text = own[key];
    if (hasWords(text)) (out as Record<string, unknown>)[key] = text;
  }
  return out;
}

const question = <Q extends Question>(q: Q, locale: Locale): Q => texts(q, locale, ['text'] as const);
const capture = (c: CaptureField, locale: Locale): CaptureField => texts(c, locale, ['text'] as const);

function offlineFlow(flow: OfflineFlow, locale: Locale): OfflineFlow {
  return {
    ...texts(flow, locale, ['thankYou'] as const),
    questions: flow.questions.map((q) => question(q, locale)),
    capture: flow.capture.map((c) => capture(c, locale)),
  };
}

function step(s: Step, locale: Locale): Step {
  switch (s.kind) {
    case 'message':
      return texts(s, locale, ['text'] as const);
    case 'question':
      return question(s, locale);
    case 'live_chat': {
      const card: LiveChatStep = texts(s, locale, ['onlineMessage', 'offlineMessage'] as const);
      return { ...card, offlineFlow: offlineFlow(s.offlineFlow, locale) };
    }
  }
}

/** The playbook in `locale` (null: the visitor's language is unknown, so the default texts). */
export function localizePlaybook<P extends Pick<Playbook, 'steps'>>(playbook: P, locale: Locale | null): P {
  if (!locale) return playbook;
  return { ...playbook, steps: playbook.steps.map((s) => step(s, locale)) };
}
