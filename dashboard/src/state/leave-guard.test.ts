import { describe, expect, it, vi } from 'vitest';
import { addLeaveGuard, confirmLeave } from './leave-guard.js';

describe('leave guard', () => {
  it('asks each guard with something to lose, and stays on the first "no"', () => {
    const ask = vi.fn(() => true);
    expect(confirmLeave('#/inbox/c-2', ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();

    const remove = addLeaveGuard((next) => (next === '#/inbox/c-1' ? null : 'Leave without saving?'));
    expect(confirmLeave('#/inbox/c-1', ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(confirmLeave('#/inbox/c-2', ask)).toBe(true);
    expect(ask).toHaveBeenCalledWith('Leave without saving?');
    expect(confirmLeave('#/team', () => false)).toBe(false);

    remove();
    expect(confirmLeave('#/team', () => false)).toBe(true);
  });
});
