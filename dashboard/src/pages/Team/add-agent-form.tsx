import type { Role } from '@livechat/shared/model';
import { CreateAgentBodySchema, type CreateAgentBody } from '@livechat/shared/api';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/index.js';
import { TextField } from '../../components/text-field.js';
import { SelectField, type SelectOption } from '../../components/select-field.js';
import { useFormSubmit } from '../../components/use-form-submit.js';
import { InvalidFields, issueFields } from '../../components/form-errors.js';
import type { CreateOutcome } from './use-agents.js';

interface Props {
  /** Throws the server's refusal. An answer with an invite is shown by the page, outside this form. */
  onCreate: (body: CreateAgentBody) => Promise<CreateOutcome>;
}

const blank = { name: '', email: '', role: 'agent' as Role, password: '' };
const FIELDS = ['name', 'email', 'role', 'password'] as const;
type AgentField = (typeof FIELDS)[number];
const ROLES: SelectOption<Role>[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'admin', label: 'Admin' },
];

/**
 * With a password the agent can sign in at once; without one the server invites them by link. Checked with the
 * server's own schema first; each refusal (a taken email too) is shown next to its field.
 */
export function AddAgentForm({ onCreate }: Props) {
  const [form, setForm] = useState(blank);
  const [added, setAdded] = useState<string | null>(null);

  const { busy, error, fieldErrors, submit, clearField } = useFormSubmit(
    async () => {
      setAdded(null);
      // An empty password is left out: that is what asks the server for an invite link.
      const { password, ...rest } = form;
      const check = CreateAgentBodySchema.safeParse({ ...rest, ...(password ? { password } : {}) });
      if (!check.success) throw new InvalidFields(issueFields(check.error.issues, FIELDS));
      let outcome: CreateOutcome;
      try {
        outcome = await onCreate(check.data);
      } catch (err) {
        if (err instanceof ApiError && err.code === ErrorCode.EmailTaken)
          throw new InvalidFields<AgentField>({ email: err.message });
        throw err;
      }
      if (!outcome.invite) setAdded(outcome.agent.name);
      setForm(blank);
    },
    undefined,
    FIELDS,
  );

  const set = (key: AgentField) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    clearField(key);
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
        <TextField label="Name" required error={fieldErrors.name} value={form.name} onValue={set('name')} />
        <TextField
          label="Email"
          type="email"
          required
          autocomplete="off"
          error={fieldErrors.email}
          value={form.email}
          onValue={set('email')}
        />
        <SelectField
          label="Role"
          value={form.role}
          options={ROLES}
          error={fieldErrors.role}
          onValue={set('role')}
        />
        <TextField
          label="Initial password"
          type="password"
          minLength={8}
          autocomplete="new-password"
          hint="Leave empty to invite them by link instead."
          error={fieldErrors.password}
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
