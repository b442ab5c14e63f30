import type { Role } from '@livechat/shared/model';
import type { CreateAgentBody } from '@livechat/shared/api';
import { useState } from 'preact/hooks';
import { TextField } from '../../components/text-field.js';

interface Props {
  onCreate: (body: CreateAgentBody) => Promise<string | null>;
}

const blank = { name: '', email: '', role: 'agent' as Role, password: '' };

/** The server validates (email format, password length, taken email); its message is shown as is. */
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
    const failure = await onCreate({ ...form, name: form.name.trim(), email: form.email.trim() });
    setBusy(false);
    if (failure) {
      setError(failure);
      return;
    }
    setAdded(form.name.trim());
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
        <label class="field">
          <span class="field__label">Role</span>
          <select class="input" value={form.role} onChange={(e) => set('role')(e.currentTarget.value)}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <TextField
          label="Initial password"
          type="password"
          required
          minLength={8}
          autocomplete="new-password"
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
