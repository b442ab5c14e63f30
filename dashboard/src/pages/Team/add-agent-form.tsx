import type { Role } from '@livechat/shared/model';
import type { CreateAgentBody } from '@livechat/shared/api';
import { useState } from 'preact/hooks';

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

  const field = (key: keyof typeof blank) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.currentTarget.value }));

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
        <label class="field">
          <span class="field__label">Name</span>
          <input class="input" required value={form.name} onInput={field('name')} />
        </label>
        <label class="field">
          <span class="field__label">Email</span>
          <input
            class="input"
            type="email"
            required
            autocomplete="off"
            value={form.email}
            onInput={field('email')}
          />
        </label>
        <label class="field">
          <span class="field__label">Role</span>
          <select class="input" value={form.role} onChange={field('role')}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">Initial password</span>
          <input
            class="input"
            type="password"
            required
            minLength={8}
            autocomplete="new-password"
            value={form.password}
            onInput={field('password')}
          />
        </label>
      </div>
      <button class="button button--primary" type="submit" disabled={busy}>
        Add agent
      </button>
    </form>
  );
}
