import { initials } from '../state/playbook-view.js';
import type { Speaker } from '../state/playbook-view.js';

// Decorative: the name is always shown beside it.
export function Avatar({ name, avatarUrl }: Speaker) {
  return avatarUrl ? (
    <img class="avatar" src={avatarUrl} alt="" />
  ) : (
    <span class="avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
