import { useState } from 'preact/hooks';
import { useAction } from './use-action.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  /** Resolves to the server's refusal, or null once the note is stored. */
  onNote: (body: string) => Promise<string | null>;
}

/** Longest note the server takes. */
const MAX_NOTE = 5000;

/** An internal note: only agents see it, in the timeline. Enter adds it, Shift+Enter adds a line. */
export function NoteBox({ onNote }: Props) {
  const [text, setText] = useState('');
  const { busy, error, run } = useAction();
  const t = useT();

  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    if (await run(() => onNote(body))) setText('');
  };

  return (
    <form
      class="reply reply--note"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        class="reply__input"
        aria-label={t('note.label')}
        placeholder={t('note.placeholder')}
        rows={3}
        maxLength={MAX_NOTE}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div class="reply__bar">
        {error && (
          <span class="form-error" role="alert">
            {error}
          </span>
        )}
        <button class="button button--note" type="submit" disabled={busy}>
          {t('note.add')}
        </button>
      </div>
    </form>
  );
}
