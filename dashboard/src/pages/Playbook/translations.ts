// Bot texts per language in the editor. The draft keeps each object's translations beside its default texts; the
// "Bot text language" combobox shows the step editors a view of the draft whose texts are one language's, and edits
// made in that view go back into that language's translations (the default texts stay as they were).
import type { Locale, RichText } from '@livechat/shared/model';
import { hasWords } from '@livechat/shared/playbook';
import { parseMarkdown, toMarkdown } from '@livechat/shared/rich-text';
import type { CaptureDraft, DraftTranslations, LiveChatDraft, QuestionDraft, StepDraft } from './draft.js';

type Stored = Partial<Record<Locale, Partial<Record<string, RichText>>>> | undefined;

/** Stored translations as markdown for the draft; nothing when there are none. */
export function draftTranslations(stored: Stored): { translations?: DraftTranslations } {
  const out: DraftTranslations = {};
  for (const [locale, texts] of Object.entries(stored ?? {}) as [
    Locale,
    Partial<Record<string, RichText>>,
  ][]) {
    const entries = Object.entries(texts).filter(([, t]) => hasWords(t));
    if (entries.length) out[locale] = Object.fromEntries(entries.map(([k, t]) => [k, toMarkdown(t!)]));
  }
  return Object.keys(out).length ? { translations: out } : {};
}

/** The draft's translations for the playbook: empty boxes are no translation (the default text is read). */
export function candidateTranslations(draft: DraftTranslations | undefined): {
  translations?: Partial<Record<Locale, Record<string, RichText>>>;
} {
  const out: Partial<Record<Locale, Record<string, RichText>>> = {};
  for (const [locale, texts] of Object.entries(draft ?? {}) as [Locale, Record<string, string>][]) {
    const entries = Object.entries(texts).filter(([, t]) => t.trim() !== '');
    if (entries.length) out[locale] = Object.fromEntries(entries.map(([k, t]) => [k, parseMarkdown(t)]));
  }
  return Object.keys(out).length ? { translations: out } : {};
}

type Texted = { translations?: DraftTranslations };

/** `item` with its texts in `locale` ('' where there is none, or the default text with `fallback`). */
function show<T extends Texted>(
  item: T,
  keys: readonly (keyof T & string)[],
  locale: Locale,
  fallback: boolean,
): T {
  const own = item.translations?.[locale] ?? {};
  const out = { ...item };
  for (const key of keys) {
    const text = own[key] ?? '';
    (out as Record<string, unknown>)[key] = fallback && text.trim() === '' ? item[key] : text;
  }
  return out;
}

/** `edited` (a view in `locale`) with its texts moved into `locale`'s translations, the default ones from `before`. */
function keep<T extends Texted>(
  edited: T,
  before: T | undefined,
  keys: readonly (keyof T & string)[],
  locale: Locale,
): T {
  const out = { ...edited };
  const mine: Record<string, string> = { ...before?.translations?.[locale] };
  for (const key of keys) {
    mine[key] = edited[key] as string;
    // A step added in this view has no default text yet: the admin is told to fill it in the default texts.
    (out as Record<string, unknown>)[key] = before ? before[key] : '';
  }
  out.translations = { ...before?.translations, [locale]: mine };
  return out;
}

const QUESTION = ['text'] as const;
const CARD = ['onlineMessage', 'offlineMessage'] as const;
const FLOW = ['thankYou'] as const;
type Flow = LiveChatDraft['offlineFlow'];
type Capture = Flow['capture'];
type SimpleStep = Exclude<StepDraft, LiveChatDraft>;

function mapCapture(capture: Capture, f: (c: CaptureDraft, field: keyof Capture) => CaptureDraft): Capture {
  return {
    name: f(capture.name, 'name'),
    email: f(capture.email, 'email'),
    phone: f(capture.phone, 'phone'),
    organization: f(capture.organization, 'organization'),
  };
}

/** The steps with their texts in `locale`: empty where untranslated, or (`fallback`, the preview) the default. */
export function stepsIn(steps: StepDraft[], locale: Locale, fallback = false): StepDraft[] {
  const question = (q: QuestionDraft) => show(q, QUESTION, locale, fallback);
  return steps.map((step) => {
    if (step.kind !== 'live_chat') return show<SimpleStep>(step, QUESTION, locale, fallback);
    const flow = step.offlineFlow;
    return {
      ...show(step, CARD, locale, fallback),
      offlineFlow: {
        ...show(flow, FLOW, locale, fallback),
        questions: flow.questions.map(question),
        capture: mapCapture(flow.capture, (c) => show(c, QUESTION, locale, fallback)),
      },
    };
  });
}

/** The draft's steps after an edit made in `locale`'s view: texts into translations, structure as edited. */
export function keepTranslated(before: StepDraft[], edited: StepDraft[], locale: Locale): StepDraft[] {
  const byId = new Map(before.map((s) => [s.id, s]));
  return edited.map((step) => {
    const old = byId.get(step.id);
    const prior = old?.kind === step.kind ? old : undefined;
    if (step.kind !== 'live_chat')
      return keep<SimpleStep>(step, prior as SimpleStep | undefined, QUESTION, locale);
    const card = prior as LiveChatDraft | undefined;
    const questions = new Map(card?.offlineFlow.questions.map((q) => [q.id, q]));
    const flow = step.offlineFlow;
    return {
      ...keep(step, card, CARD, locale),
      offlineFlow: {
        ...keep(flow, card?.offlineFlow, FLOW, locale),
        questions: flow.questions.map((q) => keep(q, questions.get(q.id), QUESTION, locale)),
        capture: mapCapture(flow.capture, (c, field) =>
          keep(c, card?.offlineFlow.capture[field], QUESTION, locale),
        ),
      },
    };
  });
}
