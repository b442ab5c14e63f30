// Validation issues, from PlaybookSchema here or from the server's `details`, mapped to the editor's fields.
// A field's key is its path in the playbook ("steps.2.text"), except that capture prompts are named by field
// ("steps.3.offlineFlow.capture.email.text") because the editor lists all four, checked or not.
import { PlaybookSchema, type Playbook } from '@livechat/shared/model';
import type { ErrorDetail } from '../../api/index.js';
import { capturedFields, toCandidate, type PlaybookDraft } from './draft.js';

/** Messages by field key; the key "" is the form as a whole. */
export type FieldErrors = ReadonlyMap<string, string>;

export type Validation = { ok: true; playbook: Playbook } | { ok: false; errors: FieldErrors };

type Issue = NonNullable<ReturnType<typeof PlaybookSchema.safeParse>['error']>['issues'][number];

function questionKeys(base: string): string[] {
  return [base, ...['text', 'input', 'choices', 'field'].map((f) => `${base}.${f}`)];
}

/** Every key the editor shows an error on. */
export function fieldKeys(draft: PlaybookDraft): Set<string> {
  const keys = ['', 'botName', 'botAvatarUrl', 'locale', 'steps'];
  draft.steps.forEach((step, i) => {
    const base = `steps.${i}`;
    if (step.kind === 'message') keys.push(base, `${base}.text`);
    else if (step.kind === 'question') keys.push(...questionKeys(base));
    else {
      const flow = `${base}.offlineFlow`;
      keys.push(base, `${base}.onlineMessage`, `${base}.waitSeconds`, `${base}.offlineMessage`);
      keys.push(`${flow}.questions`, `${flow}.capture`, `${flow}.thankYou`);
      step.offlineFlow.questions.forEach((_, k) => keys.push(...questionKeys(`${flow}.questions.${k}`)));
      for (const field of capturedFields(step.offlineFlow.capture))
        keys.push(`${flow}.capture.${field}.text`);
    }
  });
  return new Set(keys);
}

/** The key of the field an issue at `path` belongs to: its nearest ancestor the editor shows. */
export function fieldKey(
  path: readonly PropertyKey[],
  draft: PlaybookDraft,
  known = fieldKeys(draft),
): string {
  const parts = path.map(String);
  // offlineFlow.capture.<index> counts the checked fields only; name the field instead.
  const at = parts.indexOf('capture');
  if (at > 0 && parts[at - 1] === 'offlineFlow' && parts[at + 1] !== undefined) {
    const step = draft.steps[Number(parts[1])];
    const field =
      step?.kind === 'live_chat'
        ? capturedFields(step.offlineFlow.capture)[Number(parts[at + 1])]
        : undefined;
    if (field) parts[at + 1] = field;
  }
  while (parts.length > 0 && !known.has(parts.join('.'))) parts.pop();
  return parts.join('.');
}

/** The first message per field wins: it is the one to fix first. */
function collect(
  entries: { path: readonly PropertyKey[]; message: string }[],
  draft: PlaybookDraft,
): FieldErrors {
  const known = fieldKeys(draft);
  const errors = new Map<string, string>();
  for (const { path, message } of entries) {
    const key = fieldKey(path, draft, known);
    if (!errors.has(key)) errors.set(key, message);
  }
  return errors;
}

/**
 * The issue's message: the schema's own, or zod's stock ones in plain words (shared installs them). A wait that
 * is empty or not a number reads as the whole number of seconds it must be.
 */
export function issueMessage(issue: Issue): string {
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int'))
    return 'Enter a whole number.';
  return issue.message;
}

export function validateDraft(draft: PlaybookDraft): Validation {
  const result = PlaybookSchema.safeParse(toCandidate(draft));
  if (result.success) return { ok: true, playbook: result.data };
  return {
    ok: false,
    errors: collect(
      result.error.issues.map((issue) => ({ path: issue.path, message: issueMessage(issue) })),
      draft,
    ),
  };
}

/** The server's `details` ("body.steps.2.text.0.children.1.href"), against the draft that was sent. */
export function serverFieldErrors(details: readonly ErrorDetail[], draft: PlaybookDraft): FieldErrors {
  return collect(
    details.map((d) => ({
      path: d.path
        .replace(/^body\.?/, '')
        .split('.')
        .filter(Boolean),
      message: d.message,
    })),
    draft,
  );
}
