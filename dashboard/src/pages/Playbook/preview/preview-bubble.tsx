import { parseMarkdown } from '@livechat/shared/rich-text';
import { LinkedRichText } from '@livechat/shared/rich-text/linked-view';
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';

interface Props {
  /** Markdown as the admin typed it. */
  source: string;
  children?: ComponentChildren;
}

/** One bot message as the widget shows it; `children` go under the text (a question's options). */
export function PreviewBubble({ source, children }: Props) {
  // The view shows a link the schema would refuse (javascript:, …) as plain text, and leaves out non-https images.
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return (
    <li class="preview__item">
      <div class="preview__bubble">
        {tree.length > 0 ? <LinkedRichText text={tree} /> : <span class="muted">(empty)</span>}
      </div>
      {children}
    </li>
  );
}
