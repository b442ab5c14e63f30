import type { Locale, StoredPlaybook } from '@livechat/shared/model';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, sitesApi } from '../../api/index.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { useUnsavedGuard } from '../../components/use-unsaved-guard.js';
import { addLeaveGuard } from '../../state/leave-guard.js';
import { parseRoute } from '../../state/route.js';
import { BotSettings } from './bot-settings.js';
import { toDraft, type PlaybookDraft } from './draft.js';
import { FieldErrorsContext } from './field-errors.js';
import { PlaybookPreview } from './preview/playbook-preview.js';
import { StepList } from './step-list.js';
import { useFieldErrors } from './use-field-errors.js';
import { BotTextLanguage } from './bot-text-language.js';
import { keepTranslated, stepsIn } from './translations.js';
import { serverFieldErrors, validateDraft, type FieldErrors } from './validate.js';

interface Props {
  siteId: string;
  initial: StoredPlaybook;
}

const NO_ERRORS: FieldErrors = new Map();

export const UNSAVED_PLAYBOOK_QUESTION = 'The playbook has unsaved changes. Leave without saving them?';

export function PlaybookEditor({ siteId, initial }: Props) {
  const [draft, setDraft] = useState<PlaybookDraft>(() => toDraft(initial));
  const [savedDraft, setSavedDraft] = useState(draft);
  const [version, setVersion] = useState<number | null>(null);
  const [attempts, setAttempts] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  /** The language whose bot texts the steps show and edit; '' (or the default language): the default texts. */
  const [textLocale, setTextLocale] = useState<Locale | ''>('');
  const translating = textLocale !== '' && textLocale !== draft.locale ? textLocale : null;

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const errors = useFieldErrors(validation.ok ? NO_ERRORS : validation.errors);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(savedDraft), [draft, savedDraft]);
  useUnsavedGuard(dirty);
  // Going to another dashboard page (or signing out) would drop the edits just the same.
  useEffect(() => {
    if (!dirty) return;
    return addLeaveGuard((nextHash) =>
      parseRoute(nextHash).page === 'playbook' ? null : UNSAVED_PLAYBOOK_QUESTION,
    );
  }, [dirty]);

  const { busy, error, submit, clearError } = useFormSubmit(async () => {
    errors.showAll();
    setAttempts((n) => n + 1);
    if (!validation.ok) throw new Error('Fix the marked fields, then save again.');
    const sent = draft;
    try {
      const stored = await sitesApi.savePlaybook(siteId, validation.playbook);
      setSavedDraft(sent);
      setVersion(stored.version);
    } catch (err) {
      if (!(err instanceof ApiError) || err.details.length === 0) throw err;
      errors.setServerErrors(serverFieldErrors(err.details, sent));
      throw new Error('Fix the marked fields, then save again.');
    }
  });

  const change = (next: PlaybookDraft) => {
    setDraft(next);
    errors.clearServerErrors();
    clearError();
  };

  // After a refused save, take the keyboard to the first field to fix.
  useLayoutEffect(() => {
    if (attempts > 0 && !busy) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts, busy]);

  const formError = errors.controls.errorFor('');
  const status = dirty ? 'Unsaved changes' : version !== null ? `Saved — version ${version}` : '';

  return (
    <div class="playbook">
      <FieldErrorsContext.Provider value={errors.controls}>
        <form
          class="playbook__editor"
          ref={form}
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label="Playbook"
        >
          <BotSettings value={draft} onChange={(patch) => change({ ...draft, ...patch })} />
          <BotTextLanguage value={textLocale} defaultLocale={draft.locale} onValue={setTextLocale} />
          <StepList
            steps={translating ? stepsIn(draft.steps, translating) : draft.steps}
            onChange={(steps) =>
              change({
                ...draft,
                steps: translating ? keepTranslated(draft.steps, steps, translating) : steps,
              })
            }
          />
          <div class="playbook__bar">
            {(error ?? formError) && (
              <p class="form-error" role="alert">
                {error ?? formError}
              </p>
            )}
            <p class="playbook__status" role="status">
              {status}
            </p>
            <button type="submit" class="button button--primary" disabled={busy}>
              Save playbook
            </button>
          </div>
        </form>
      </FieldErrorsContext.Provider>
      <PlaybookPreview
        draft={translating ? { ...draft, steps: stepsIn(draft.steps, translating, true) } : draft}
      />
    </div>
  );
}
