import type { StepDraft } from './draft.js';
import { useFieldError } from './field-errors.js';
import { StepCard } from './step-card.js';
import {
  addStep,
  canAddStep,
  canMove,
  moveStep,
  newStep,
  removeAt,
  replaceAt,
  type NewStepKind,
} from './steps.js';

interface Props {
  steps: StepDraft[];
  onChange: (steps: StepDraft[]) => void;
}

const ADD_BUTTONS: { kind: NewStepKind; label: string }[] = [
  { kind: 'message', label: 'Add message' },
  { kind: 'question', label: 'Add question' },
  { kind: 'live_chat', label: 'Add Live Chat card' },
];

export function StepList({ steps, onChange }: Props) {
  const listError = useFieldError('steps').error;
  return (
    <section class="card steps" aria-labelledby="steps-title">
      <h2 class="card__title" id="steps-title">
        Steps
      </h2>
      <p class="muted">
        The bot runs these in order when a visitor opens the chat. The Live Chat card hands the chat to your
        team and always comes last.
      </p>
      {listError && <p class="field__error">{listError}</p>}
      {steps.length === 0 ? (
        <p class="muted">No steps yet: visitors go straight to your team.</p>
      ) : (
        <ol class="steps__list">
          {steps.map((step, i) => (
            <StepCard
              key={step.id}
              index={i}
              step={step}
              canMoveUp={canMove(steps, i, -1)}
              canMoveDown={canMove(steps, i, 1)}
              onChange={(next) => onChange(replaceAt(steps, i, next))}
              onMove={(delta) => onChange(moveStep(steps, i, delta))}
              onRemove={() => onChange(removeAt(steps, i))}
            />
          ))}
        </ol>
      )}
      <div class="steps__add">
        {ADD_BUTTONS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            class="button"
            disabled={!canAddStep(steps, kind)}
            onClick={() => onChange(addStep(steps, newStep(kind)))}
          >
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
