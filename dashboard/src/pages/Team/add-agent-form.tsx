import type { Role } from '@livechat/shared/model';
import type { CreateAgentBody } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { TextField } from '../../components/text-field.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import type { CreateOutcome } from './use-agents.js';

interface Props {
  /** An answer with an invite is shown by the page, outside this form. */
  onCreate: (body: CreateAgentBody) => Promise<CreateOutcome>;
}

const blank = { name: '', email: '', role: 'agent' as Role, password: '' };
const ROLES: SelectOption<Role>[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'admin', label: 'Admin' },
];

/**
 * With a password the agent can sign in at once; without one the server invites them by link.
 * The server validates (email format, password length, taken email); its message is shown as is.
 */
export function AddAgentForm({ onCreate }: Props) {
  const [form, setForm] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const set = (key: keyof typeof blank) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setAdded(null);
    // An empty password is left out: that is what asks the server for an invite link.
    const { password, ...rest } = form;
    const outcome = await onCreate({
      ...rest,
      name: rest.name.trim(),
      email: rest.email.trim(),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if ('error' in outcome) {
      setError(outcome.error);
      return;
    }
    if (!outcome.invite) setAdded(outcome.agent.name);
    setForm(blank);
  };

  return (
    <form class="card add-agent" onSubmit={(e) => void submit(e)} noValidate aria-label="Add an agent">
      <h2 class="card__title">Add an agent</h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {added && (
        <p class="notice" role="status">
          Added {added}. Share the initial password with them privately.
        </p>
      )}
      <div class="add-agent__fields">
        <TextField label="Name" required value={form.name} onValue={set('name')} />
        <TextField
          label="Email"
          type="email"
          required
          autocomplete="off"
          value={form.email}
          onValue={set('email')}
        />
        <SelectField label="Role" value={form.role} options={ROLES} onValue={set('role')} />
        <TextField
          label="Initial password"
          type="password"
          minLength={8}
          autocomplete="new-password"
          hint="Leave empty to invite them by link instead."
          value={form.password}
          onValue={set('password')}
        />
      </div>
      <button class="button button--primary" type="submit" disabled={busy}>
        Add agent
      </button>
    </form>
  );
}
