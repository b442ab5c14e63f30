// The preview renders what the admin is still typing, before validation: links and images with addresses the
// schema would refuse (javascript:, data:, http images) must not become live elements in the dashboard.
import {
  isSafeImageSrc,
  isSafeLinkHref,
  type Block,
  type Inline,
  type RichText,
} from '@livechat/shared/rich-text';

function safeInlines(nodes: readonly Inline[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    if (node.type === 'text') return [node];
    if (node.type === 'link' && !isSafeLinkHref(node.href)) return safeInlines(node.children);
    return [{ ...node, children: safeInlines(node.children) }];
  });
}

/** The tree with unsafe links reduced to their text and unsafe images left out. */
export function safeTree(text: RichText): RichText {
  return text.flatMap((block): Block[] => {
    if (block.type === 'image') return isSafeImageSrc(block.src) ? [block] : [];
    if (block.type === 'paragraph') return [{ ...block, children: safeInlines(block.children) }];
    return [{ ...block, items: block.items.map(safeInlines) }];
  });
}
