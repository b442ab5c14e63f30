// Zod schema of the rich-text tree (types in rich-text/types.ts). Unsafe URLs are refused with a field-level error.
import { z } from 'zod';
import {
  isSafeImageSrc,
  isSafeLinkHref,
  type Block,
  type Inline,
  type RichText,
} from '../rich-text/types.js';

export const RICH_TEXT_LIMITS = {
  /** Characters of text in one rich text, summed over all nodes. */
  maxTextLength: 2000,
  maxBlocks: 40,
  maxListItems: 20,
  /** Bold inside italic inside a link is depth 3. */
  maxDepth: 4,
  maxUrlLength: 2000,
} as const;

const TextSchema = z.object({ type: z.literal('text'), text: z.string().min(1) });

const InlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    TextSchema,
    z.object({ type: z.literal('bold'), children: z.array(InlineSchema).min(1) }),
    z.object({ type: z.literal('italic'), children: z.array(InlineSchema).min(1) }),
    z.object({
      type: z.literal('link'),
      href: z
        .string()
        .max(RICH_TEXT_LIMITS.maxUrlLength)
        .refine(isSafeLinkHref, 'Links must be http://, https:// or mailto: addresses.'),
      children: z.array(InlineSchema).min(1),
    }),
  ]),
);

const BlockSchema: z.ZodType<Block> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: z.array(InlineSchema).min(1) }),
  z.object({
    type: z.literal('list'),
    items: z.array(z.array(InlineSchema).min(1)).min(1).max(RICH_TEXT_LIMITS.maxListItems),
  }),
  z.object({
    type: z.literal('image'),
    src: z
      .string()
      .max(RICH_TEXT_LIMITS.maxUrlLength)
      .refine(isSafeImageSrc, 'Images must be https:// addresses.'),
    alt: z.string().max(200),
  }),
]);

function inlineStats(nodes: Inline[], depth: number): { length: number; depth: number } {
  let length = 0;
  let deepest = depth;
  for (const node of nodes) {
    if (node.type === 'text') length += node.text.length;
    else {
      const inner = inlineStats(node.children, depth + 1);
      length += inner.length;
      deepest = Math.max(deepest, inner.depth);
    }
  }
  return { length, depth: deepest };
}

/** A non-empty rich text within RICH_TEXT_LIMITS. */
export const RichTextSchema: z.ZodType<RichText> = z
  .array(BlockSchema)
  .min(1, 'Fill in this text.')
  .max(RICH_TEXT_LIMITS.maxBlocks)
  .superRefine((blocks, ctx) => {
    let length = 0;
    let depth = 0;
    for (const block of blocks) {
      const inlines =
        block.type === 'paragraph' ? [block.children] : block.type === 'list' ? block.items : [];
      for (const nodes of inlines) {
        const stats = inlineStats(nodes, 1);
        length += stats.length;
        depth = Math.max(depth, stats.depth);
      }
    }
    if (length > RICH_TEXT_LIMITS.maxTextLength)
      ctx.addIssue({ code: 'custom', message: `Use at most ${RICH_TEXT_LIMITS.maxTextLength} characters.` });
    if (depth > RICH_TEXT_LIMITS.maxDepth)
      ctx.addIssue({
        code: 'custom',
        message: `Formatting is nested more than ${RICH_TEXT_LIMITS.maxDepth} deep.`,
      });
  });

export type { Block, Inline, RichText };
