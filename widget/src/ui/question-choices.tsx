interface Props {
  choices: readonly string[];
  disabled: boolean;
  /** Sends the option as the visitor's message. */
  onPick: (choice: string) => unknown;
}

export function QuestionChoices({ choices, disabled, onPick }: Props) {
  return (
    <div class="choices">
      {choices.map((choice) => (
        <button key={choice} class="choice" type="button" disabled={disabled} onClick={() => onPick(choice)}>
          {choice}
        </button>
      ))}
    </div>
  );
}
