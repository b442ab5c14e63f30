// Rendering for component tests. @testing-library/preact at the repo root resolved its peer to preact 11, while the
// dashboard runs preact 10; two copies cannot share vnodes. So we render with the dashboard's own preact and act,
// and take only the framework-free DOM queries from testing-library.
import { render as preactRender, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { configure } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Events flush this preact's renders and effects at once. Async waits must not run inside act (it would hold
// back every render until the wait timed out), so they let preact render normally and flush what is left at the end.
/** Runs `fn` and flushes the renders and effects it caused. (preact's act returns a promise only for async work.) */
export function actSync(fn: () => void): void {
  void act(fn);
}

configure({
  eventWrapper: (cb) => {
    let result: unknown;
    actSync(() => {
      result = cb();
    });
    return result;
  },
  asyncWrapper: async (cb) => {
    const result: unknown = await cb();
    actSync(() => {});
    return result;
  },
});

const mounted = new Set<HTMLElement>();

export function render(ui: ComponentChild): { container: HTMLElement; unmount: () => void } {
  const container = document.body.appendChild(document.createElement('div'));
  mounted.add(container);
  actSync(() => preactRender(ui, container));
  return { container, unmount: () => unmount(container) };
}

function unmount(container: HTMLElement): void {
  actSync(() => preactRender(null, container));
  container.remove();
  mounted.delete(container);
}

afterEach(() => {
  for (const c of [...mounted]) unmount(c);
  location.hash = '';
});

export { screen, fireEvent, waitFor, within } from '@testing-library/preact';
