import { TagSchema } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { useAction } from './use-action.js';
import { useT } from '../../i18n/i18n.js';

interface Props {
  tags: readonly string[];
  /** Resolves to the server's refusal, or null once stored. */
  onTags: (tags: string[]) => Promise<string | null>;
}

/** The server keeps at most this many. */
const MAX_TAGS = 20;

/** The conversation's tags: each with a remove button, and a field to add one. */
export function TagEditor({ tags, onTags }: Props) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const t = useT();

  /** Why the typed tag cannot be added, or null. */
  const problem = (tag: string | null): string | null => {
    if (tag === null) return 'A tag has up to 32 letters, digits, spaces, "-" and "_".';
    if (tags.includes(tag)) return 'That tag is already there.';
    return tags.length >= MAX_TAGS ? `A conversation has at most ${MAX_TAGS} tags.` : null;
  };

  const add = async () => {
    if (!text.trim()) return;
    const parsed = TagSchema.safeParse(text);
    const tag = parsed.success ? parsed.data : null;
    const refusal = problem(tag);
    setInvalid(refusal);
    if (refusal || tag === null) return;
    if (await run(() => onTags([...tags, tag]))) setText('');
  };

  return (
    <section class="side__section tags" aria-label={t('side.tags')}>
      <h2 class="side__title">{t('side.tags')}</h2>
      {tags.length > 0 && (
        <ul class="tags__list">
          {tags.map((tag) => (
            <li key={tag} class="tag">
              <span>{tag}</span>
              <button
                type="button"
                class="tag__remove"
                aria-label={t.fn('side.removeTag')(tag)}
                disabled={busy}
                onClick={() => void run(() => onTags(tags.filter((other) => other !== tag)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tags__add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          class="input input--compact"
          aria-label={t('side.addTag')}
          placeholder={t('side.newTag')}
          aria-invalid={invalid ? true : undefined}
          maxLength={32}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setInvalid(null);
          }}
        />
        <button type="submit" class="button button--small" disabled={busy}>
          {t('side.addTag')}
        </button>
      </form>
      {(invalid ?? error) && (
        <p class="form-error" role="alert">
          {invalid ?? error}
        </p>
      )}
    </section>
  );
}
