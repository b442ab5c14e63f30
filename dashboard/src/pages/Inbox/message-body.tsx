// Message bodies are rendered as JSX text children (text nodes) or through RichTextView, which builds elements
// from the validated tree: markup in a body stays inert.
import type { Message } from '@livechat/shared/model';
import { RichTextView } from '@livechat/shared/rich-text/view';

/** The bubble: the bot's rich text and a question's options when the message has them, else the plain body. */
export function MessageBody({ message: m }: { message: Message }) {
  const content = m.content;
  if (content?.type === 'rich') {
    return (
      <div class="msg__body msg__body--rich">
        <RichTextView text={content.text} />
      </div>
    );
  }
  if (content?.type === 'question') {
    return (
      <div class="msg__body msg__body--rich">
        <RichTextView text={content.text} />
        {content.choices && content.choices.length > 0 && (
          <ul class="msg__options" aria-label="Options">
            {content.choices.map((choice) => (
              <li key={choice} class="msg__option">
                {choice}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return <p class="msg__body">{m.body}</p>;
}
