// Admins: how chats end on a site. Whether agents may reopen closed chats, and the closing messages "Close chat"
// offers (a few built in, shown while the site speaks their language; the admins' own always).
import type { ClosingMessage } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { closingMessagesApi, errorMessage } from '../../api/index.js';
import { SiteSettingsCard } from '../../components/site-settings-card.js';
import { SiteSwitchField } from '../../components/site-switch-field.js';
import { TextAreaField } from '../../components/text-area-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { useLoad } from '../../components/use-load.js';
import './closing-settings.css';

const LANGUAGES = { en: 'English', tr: 'Turkish', sl: 'Slovenian' } as const;

/** The "Closing and reopening" card of the Settings page, for the site picked (or the only one). */
export function ClosingSettingsSection() {
  return (
    <SiteSettingsCard id="closing-title" title="Closing and reopening">
      {(site, controls) => (
        <>
          <SiteSwitchField
            class="closing-settings__reopen"
            site={site}
            setting="allowReopen"
            label="Allow reopening closed chats"
            hint="On: agents can reopen a closed chat with “Reopen”; it goes back to its agent, or to Unassigned. Off: closed chats stay closed, and the visitor’s next message starts a new one."
            onSaved={controls.replace}
          />
          <ClosingMessages key={site.id} siteId={site.id} />
        </>
      )}
    </SiteSettingsCard>
  );
}

function ClosingMessages({ siteId }: { siteId: string }) {
  const loaded = useLoad(() => closingMessagesApi.list(siteId), [siteId]);
  const [editing, setEditing] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  if (loaded.state.status === 'loading') return <p class="muted">Loading…</p>;
  if (loaded.state.status === 'error')
    return (
      <p class="form-error" role="alert">
        {loaded.state.message}
      </p>
    );
  const messages = loaded.state.data;
  const replace = (next: ClosingMessage[]) => loaded.setData(next);
  const remove = async (m: ClosingMessage) => {
    setRowError(null);
    try {
      await closingMessagesApi.remove(siteId, m.id);
      replace(messages.filter((x) => x.id !== m.id));
    } catch (err) {
      setRowError(errorMessage(err));
    }
  };
  return (
    <div class="closing-settings">
      <h3 class="closing-settings__title" id="closing-messages-title">
        Closing messages
      </h3>
      <p class="muted">
        &ldquo;Close chat&rdquo; offers these; the one an agent picks is sent to the contact as the last
        message. Built-in ones are shown in the site&rsquo;s language (the bot&rsquo;s default language).
      </p>
      {messages.length === 0 && <p class="empty">No closing messages. Agents close chats without one.</p>}
      <ul class="closing-settings__list" aria-labelledby="closing-messages-title">
        {messages.map((m) =>
          editing === m.id ? (
            <li key={m.id}>
              <ClosingMessageForm
                label="Edit closing message"
                initial={m.text}
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSubmit={async (text) => {
                  const saved = await closingMessagesApi.update(siteId, m.id, text);
                  replace(messages.map((x) => (x.id === m.id ? saved : x)));
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={m.id} class="closing-settings__item">
              <span class="closing-settings__text">{m.text}</span>
              {m.locale && <span class="badge">Built in ({LANGUAGES[m.locale]})</span>}
              <button
                type="button"
                class="button button--small"
                aria-label={`Edit “${m.text}”`}
                onClick={() => setEditing(m.id)}
              >
                Edit
              </button>
              <button
                type="button"
                class="button button--small button--danger"
                aria-label={`Delete “${m.text}”`}
                onClick={() => void remove(m)}
              >
                Delete
              </button>
            </li>
          ),
        )}
      </ul>
      {rowError && (
        <p class="form-error" role="alert">
          {rowError}
        </p>
      )}
      <ClosingMessageForm
        key={messages.length}
        label="New closing message"
        initial=""
        submitLabel="Add closing message"
        onSubmit={async (text) => replace([...messages, await closingMessagesApi.create(siteId, text)])}
      />
    </div>
  );
}

interface FormProps {
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}

function ClosingMessageForm({ label, initial, submitLabel, onSubmit, onCancel }: FormProps) {
  const [text, setText] = useState(initial);
  const form = useFormSubmit(() => onSubmit(text), undefined, ['text'] as const);
  return (
    <form class="closing-settings__form" onSubmit={(e) => void form.submit(e)} noValidate>
      <TextAreaField
        label={label}
        value={text}
        rows={2}
        error={form.fieldErrors.text}
        onValue={(value) => {
          setText(value);
          form.clearField('text');
        }}
      />
      {form.error && (
        <p class="form-error" role="alert">
          {form.error}
        </p>
      )}
      <div class="closing-settings__actions">
        <button class="button button--primary button--small" type="submit" disabled={form.busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button class="button button--small" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
