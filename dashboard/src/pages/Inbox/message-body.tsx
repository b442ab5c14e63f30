// Message bodies are rendered as JSX text children (text nodes) or through the rich-text views, which build elements
// from the validated tree: markup in a body stays inert.
import type { Attachment, Message } from '@livechat/shared/model';
import { LinkedRichText, LinkedText } from '@livechat/shared/rich-text/linked-view';
import { MessageAttachments } from './message-attachments.js';

/**
 * The bubble: the bot's rich text and a question's options when the message has them, else the plain body; files
 * above their caption (which may be empty).
 */
export function MessageBody({ message: m }: { message: Message }) {
  const content = m.content;
  if (content?.type === 'rich') {
    return (
      <div class="msg__body msg__body--rich">
        <LinkedRichText text={content.text} />
      </div>
    );
  }
  if (content?.type === 'question') {
    return (
      <div class="msg__body msg__body--rich">
        <LinkedRichText text={content.text} />
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
  if (m.attachments && m.attachments.length > 0)
    return <FilesAndCaption attachments={m.attachments} caption={m.body} />;
  return (
    <p class="msg__body">
      <LinkedText text={m.body} />
    </p>
  );
}

export function FilesAndCaption({
  attachments,
  caption,
}: {
  attachments: readonly Attachment[];
  caption: string;
}) {
  return (
    <>
      <MessageAttachments attachments={attachments} />
      {caption.trim() && (
        <p class="msg__body">
          <LinkedText text={caption} />
        </p>
      )}
    </>
  );
}
