import { useState } from 'preact/hooks';

interface Props {
  /** Nobody has the conversation yet. */
  canAssign: boolean;
  /** Resolves to the server's refusal (e.g. "Already taken by Bob."), or null once assigned. */
  onAssign: () => Promise<string | null>;
}

/** "Assign to me", and why it failed. The message stays after the refresh that hides the button. */
export function AssignBar({ canAssign, onAssign }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const assign = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setError(await onAssign());
    setBusy(false);
  };

  if (!canAssign && !error) return null;
  return (
    <div class="assign-bar">
      {canAssign && (
        <button type="button" class="button button--primary" disabled={busy} onClick={() => void assign()}>
          Assign to me
        </button>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
