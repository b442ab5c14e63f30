import { PLAYBOOK_LIMITS } from '@livechat/shared/model';
import type { LiveChatDraft, QuestionDraft } from './draft.js';
import { CaptureEditor } from './capture-editor.js';
import { useFieldError } from './field-errors.js';
import { RichTextInput, TextInput } from './fields.js';
import { QuestionEditor } from './question-editor.js';
import { TeamRouteField } from './team-route-field.js';
import { newQuestion, removeAt, replaceAt } from './steps.js';

interface Props {
  /** Validation key of the card, e.g. "steps.4". */
  base: string;
  value: LiveChatDraft;
  onChange: (value: LiveChatDraft) => void;
}

/** The hand-over to a person, and what the bot does when nobody is available or nobody takes the chat in time. */
export function LiveChatEditor({ base, value, onChange }: Props) {
  const flow = `${base}.offlineFlow`;
  const set = (patch: Partial<LiveChatDraft>) => onChange({ ...value, ...patch });
  const setFlow = (patch: Partial<LiveChatDraft['offlineFlow']>) =>
    set({ offlineFlow: { ...value.offlineFlow, ...patch } });
  const questions = value.offlineFlow.questions;
  const setQuestions = (next: QuestionDraft[]) => setFlow({ questions: next });
  const listError = useFieldError(`${flow}.questions`).error;

  return (
    <div class="live-chat-editor">
      <RichTextInput
        fieldKey={`${base}.onlineMessage`}
        label="Online message"
        value={value.onlineMessage}
        onValue={(onlineMessage) => set({ onlineMessage })}
      />
      <TextInput
        fieldKey={`${base}.waitSeconds`}
        label="Wait time (seconds)"
        type="number"
        inputMode="numeric"
        min={PLAYBOOK_LIMITS.minWaitSeconds}
        max={PLAYBOOK_LIMITS.maxWaitSeconds}
        hint="How long the visitor waits for an agent to take the chat before the offline flow runs."
        value={value.waitSeconds}
        onValue={(waitSeconds) => set({ waitSeconds })}
      />
      <TeamRouteField
        fieldKey={`${base}.teamId`}
        value={value.teamId}
        onValue={(teamId) => set({ teamId })}
      />
      <fieldset class="offline-flow">
        <legend class="offline-flow__legend">If nobody is available</legend>
        <RichTextInput
          fieldKey={`${base}.offlineMessage`}
          label="Offline message"
          value={value.offlineMessage}
          onValue={(offlineMessage) => set({ offlineMessage })}
        />
        {listError && <p class="field__error">{listError}</p>}
        <ol class="offline-flow__questions">
          {questions.map((q, k) => (
            <li key={q.id}>
              <fieldset class="step step--nested">
                <legend class="step__legend">Offline question {k + 1}</legend>
                <div class="step__tools">
                  <button
                    type="button"
                    class="button button--small"
                    onClick={() => setQuestions(removeAt(questions, k))}
                  >
                    Remove<span class="visually-hidden"> offline question {k + 1}</span>
                  </button>
                </div>
                <QuestionEditor
                  base={`${flow}.questions.${k}`}
                  value={q}
                  onChange={(next) => setQuestions(replaceAt(questions, k, next))}
                />
              </fieldset>
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            class="button"
            disabled={questions.length >= PLAYBOOK_LIMITS.maxOfflineQuestions}
            onClick={() => setQuestions([...questions, newQuestion()])}
          >
            Add offline question
          </button>
        </div>
        <CaptureEditor
          base={flow}
          value={value.offlineFlow.capture}
          onChange={(capture) => setFlow({ capture })}
        />
        <RichTextInput
          fieldKey={`${flow}.thankYou`}
          label="Thank-you message"
          value={value.offlineFlow.thankYou}
          onValue={(thankYou) => setFlow({ thankYou })}
        />
      </fieldset>
    </div>
  );
}
