import type { StepDraft } from './draft.js';
import { useFieldError } from './field-errors.js';
import { RichTextInput } from './fields.js';
import { NotInstalledNote } from './installation-badge.js';
import { LiveChatEditor } from './live-chat-editor.js';
import { QuestionEditor } from './question-editor.js';

interface Props {
  index: number;
  step: StepDraft;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onChange: (step: StepDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const KIND_LABELS: Record<StepDraft['kind'], string> = {
  message: 'Message',
  question: 'Question',
  live_chat: 'Live Chat card',
};

export function StepCard({ index, step, canMoveUp, canMoveDown, onChange, onMove, onRemove }: Props) {
  const base = `steps.${index}`;
  const n = index + 1;
  const stepError = useFieldError(base).error;
  return (
    <li>
      <fieldset class={`step step--${step.kind}`}>
        <legend class="step__legend">
          Step {n}: {KIND_LABELS[step.kind]}
        </legend>
        {step.kind === 'live_chat' && <NotInstalledNote />}
        {/* Visible "Move up", named "Move step 2 up" so each step's buttons differ for screen readers. */}
        <div class="step__tools">
          <button type="button" class="button button--small" disabled={!canMoveUp} onClick={() => onMove(-1)}>
            Move <span class="visually-hidden">step {n} </span>up
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={!canMoveDown}
            onClick={() => onMove(1)}
          >
            Move <span class="visually-hidden">step {n} </span>down
          </button>
          <button type="button" class="button button--small" onClick={onRemove}>
            Remove<span class="visually-hidden"> step {n}</span>
          </button>
        </div>
        {stepError && <p class="field__error">{stepError}</p>}
        {step.kind === 'message' && (
          <RichTextInput
            fieldKey={`${base}.text`}
            label="Message text"
            value={step.text}
            onValue={(text) => onChange({ ...step, text })}
          />
        )}
        {step.kind === 'question' && (
          <QuestionEditor base={base} value={step} onChange={(q) => onChange({ ...step, ...q })} />
        )}
        {step.kind === 'live_chat' && <LiveChatEditor base={base} value={step} onChange={onChange} />}
      </fieldset>
    </li>
  );
}
