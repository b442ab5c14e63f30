import type { Site } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { sitesApi, errorMessage } from '../../api/index.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields } from '../../components/form-errors.js';
import { checkOrigin } from './origin.js';

interface Props {
  site: Site;
  onSaved: (site: Site) => void;
}

/** The websites allowed to run the widget with this site's key. */
export function AllowedOrigins({ site, onSaved }: Props) {
  const [input, setInput] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const save = async (allowedOrigins: string[]) =>
    onSaved(await sitesApi.update(site.id, { allowedOrigins }));

  // A refused origin, by this page's check or by the server, is shown on the input.
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      const check = checkOrigin(input, site.allowedOrigins);
      if (!check.ok) throw new InvalidFields({ allowedOrigins: check.error });
      await save([...site.allowedOrigins, check.origin]);
      setInput('');
    },
    undefined,
    ['allowedOrigins'],
  );

  const remove = async (origin: string) => {
    setRemoving(origin);
    setRemoveError(null);
    try {
      await save(site.allowedOrigins.filter((o) => o !== origin));
    } catch (err) {
      setRemoveError(errorMessage(err));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <section class="card" aria-labelledby="origins-title">
      <h2 class="card__title" id="origins-title">
        Allowed origins
      </h2>
      <p class="muted">
        The widget connects only from these websites. Use the address as the browser shows it.
      </p>
      {removeError && (
        <p class="form-error" role="alert">
          {removeError}
        </p>
      )}
      {site.allowedOrigins.length === 0 ? (
        <p class="muted">None yet: the widget works on no website until you add one.</p>
      ) : (
        <ul class="origins" aria-labelledby="origins-title">
          {site.allowedOrigins.map((origin) => (
            <li key={origin} class="origins__item">
              <span class="origins__value">{origin}</span>
              <button
                type="button"
                class="button button--small"
                disabled={removing !== null}
                onClick={() => void remove(origin)}
              >
                Remove<span class="visually-hidden"> {origin}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form class="origins__add" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label="Allowed origin"
          placeholder="https://www.example.com"
          hint="You may paste any page of the website: only its origin is kept."
          autocomplete="off"
          spellcheck={false}
          error={fieldErrors.allowedOrigins}
          value={input}
          onValue={(value) => {
            setInput(value);
            clearField('allowedOrigins');
          }}
        />
        <button type="submit" class="button" disabled={busy}>
          Add origin
        </button>
      </form>
    </section>
  );
}
