import { Component } from 'preact';
import type { Strings } from '../i18n/strings.js';

/** Time left as m:ss, rounded up so it never shows 0:00 while time remains. */
export function countdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface WaitingProps {
  t: Strings;
  /** When the wait ends, server clock (epoch ms). */
  until: number;
  /** Server clock minus this device's clock. */
  clockOffset: number;
}

/**
 * "Waiting for an agent… 0:42", gone when time is up. The panel's only role=status; the digits are aria-live=off
 * so a screen reader hears the sentence once, not every second. Mount one per wait (key it by `until`).
 */
export class WaitingStatus extends Component<WaitingProps, { now: number }> {
  override state = { now: Date.now() };
  #timer: ReturnType<typeof setInterval> | undefined;

  #left = (): number => this.props.until - this.props.clockOffset - this.state.now;

  override componentDidMount(): void {
    this.#timer = setInterval(() => this.setState({ now: Date.now() }), 1000);
  }

  override componentDidUpdate(): void {
    if (this.#left() <= 0) clearInterval(this.#timer);
  }

  override componentWillUnmount(): void {
    clearInterval(this.#timer);
  }

  override render({ t }: WaitingProps) {
    const left = this.#left();
    return left > 0 ? (
      <p class="waiting" role="status">
        {t.waiting} <span aria-live="off">{countdown(left)}</span>
      </p>
    ) : null;
  }
}
