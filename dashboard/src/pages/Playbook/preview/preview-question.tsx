import type { QuestionInput } from '@livechat/shared/model';
import { choiceLines } from '../draft.js';
import { PreviewBubble } from './preview-bubble.js';

interface Props {
  text: string;
  input: QuestionInput;
  /** One option per line, for `choice`. */
  choices?: string;
}

const ANSWER_HINTS: Record<Exclude<QuestionInput, 'choice'>, string> = {
  text: 'The visitor types an answer',
  email: 'The visitor types an email address',
  phone: 'The visitor types a phone number',
};

export function PreviewQuestion({ text, input, choices = '' }: Props) {
  return (
    <PreviewBubble source={text}>
      {input === 'choice' ? (
        <div class="preview__choices">
          {choiceLines(choices).map((choice, i) => (
            // Index keys: the admin may be typing the same option twice.
            <button key={i} type="button" class="preview__choice" disabled>
              {choice}
            </button>
          ))}
        </div>
      ) : (
        <p class="preview__answer">{ANSWER_HINTS[input]}</p>
      )}
    </PreviewBubble>
  );
}
