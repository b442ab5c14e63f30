// The picture's own check before it is sent; the server checks again, by the file's bytes.
import { AVATAR_MAX_BYTES } from '@livechat/shared/api';

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** A message for a file the server would refuse; null when it may be sent. */
export function checkAvatar(file: Blob): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > AVATAR_MAX_BYTES) return 'Choose an image of at most 512 KB.';
  if (file.size === 0) return 'This file is empty. Choose another image.';
  return null;
}
