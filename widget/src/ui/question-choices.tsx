export interface ChoicesProps {
  choices: readonly string[];
  disabled: boolean;
  /** Sends the option as the visitor's message. */
  onPick: (choice: string) => unknown;
}

// Styled inline: this ships in the question chunk, so the panel's CSS does not carry it for chats without questions.
const ROW = 'display:flex;flex-wrap:wrap;gap:8px;padding:12px 12px 0';
const CHOICE =
  'padding:6px 14px;border:1px solid #2563eb;border-radius:16px;background:#fff;color:#2563eb;font:inherit;cursor:pointer';

export function QuestionChoices({ choices, disabled, onPick }: ChoicesProps) {
  return (
    <div class="choices" style={ROW}>
      {choices.map((choice) => (
        <button
          key={choice}
          class="choice"
          style={CHOICE}
          type="button"
          disabled={disabled}
          onClick={() => onPick(choice)}
        >
          {choice}
        </button>
      ))}
    </div>
  );
}
