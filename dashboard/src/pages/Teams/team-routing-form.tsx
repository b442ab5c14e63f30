import { MAX_OPEN_CHATS_LIMIT, TeamRoutingSchema, type Team, type TeamRouting } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { InvalidFields } from '../../components/form-errors.js';
import { SwitchField } from '../../components/switch-field.js';
import { TextField } from '../../components/text-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';

interface Props {
  team: Team;
  /** Throws the server's refusal, shown in the form. */
  onSave: (routing: TeamRouting) => Promise<void>;
}

/** How the team's queue is worked: by hand or round-robin, each agent's maximum, and returning contacts. */
export function TeamRoutingForm({ team, onSave }: Props) {
  const [autoAssign, setAutoAssign] = useState(team.autoAssign);
  const [maxOpenChats, setMaxOpenChats] = useState(String(team.maxOpenChats));
  const [returningContacts, setReturningContacts] = useState(team.returningContacts);
  const [saved, setSaved] = useState(false);
  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      setSaved(false);
      const parsed = TeamRoutingSchema.safeParse({
        autoAssign,
        maxOpenChats: maxOpenChats.trim() === '' ? NaN : Number(maxOpenChats),
        returningContacts,
      });
      if (!parsed.success)
        throw new InvalidFields({ maxOpenChats: parsed.error.issues[0]?.message ?? 'Enter a number.' });
      await onSave(parsed.data);
      setSaved(true);
    },
    undefined,
    ['maxOpenChats'],
  );
  return (
    <form
      class="team-routing-form"
      aria-label={`Routing of ${team.name}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <fieldset class="fieldset">
        <legend>Routing</legend>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <SwitchField
          label="Automatic assignment"
          checked={autoAssign}
          onValue={setAutoAssign}
          hint={
            autoAssign
              ? 'New chats go round-robin to available members.'
              : 'Members take chats from the queue with "Assign to me".'
          }
        />
        <TextField
          label="Maximum open chats"
          type="number"
          min={1}
          max={MAX_OPEN_CHATS_LIMIT}
          step={1}
          inputMode="numeric"
          hint="Automatic assignment gives an agent no more chats while they hold this many."
          value={maxOpenChats}
          error={fieldErrors.maxOpenChats}
          onValue={(v) => {
            setMaxOpenChats(v);
            clearField('maxOpenChats');
          }}
        />
        <SwitchField
          label="Returning contacts"
          checked={returningContacts}
          onValue={setReturningContacts}
          hint="A contact who comes back goes to the agent who had their last chat, when that agent is available."
        />
      </fieldset>
      <div class="form-actions">
        <button class="button button--primary" type="submit" disabled={busy}>
          Save routing
        </button>
        {saved && (
          <span class="notice" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
