// The agent's notification settings: fetched once after sign-in, changed by the Settings page, read by the notifier.
import type { NotificationSettings } from '@livechat/shared/model';
import { errorMessage, notificationSettingsApi, type NotificationSettingsApi } from '../api/index.js';
import type { Subscribable } from '../state/use-store.js';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'ready'; settings: NotificationSettings }
  | { status: 'error'; message: string };

export class NotificationSettingsStore implements Subscribable<SettingsState> {
  private state: SettingsState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  /** What the server last confirmed; a refused save goes back to it. */
  private confirmed: NotificationSettings | null = null;
  /** Bumped per save, so only the latest save's answer is applied. */
  private generation = 0;

  constructor(private readonly api: NotificationSettingsApi = notificationSettingsApi) {}

  getState(): SettingsState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The settings in force, or null while they are not known. */
  current(): NotificationSettings | null {
    return this.state.status === 'ready' ? this.state.settings : null;
  }

  async load(): Promise<void> {
    this.set({ status: 'loading' });
    try {
      this.confirmed = await this.api.get();
      this.set({ status: 'ready', settings: this.confirmed });
    } catch (error) {
      this.set({ status: 'error', message: errorMessage(error) });
    }
  }

  /** Applies at once, then stores. Throws the server's refusal after going back to what it last stored. */
  async save(settings: NotificationSettings): Promise<void> {
    const generation = ++this.generation;
    this.set({ status: 'ready', settings });
    try {
      const stored = await this.api.save(settings);
      if (generation !== this.generation) return;
      this.confirmed = stored;
      this.set({ status: 'ready', settings: stored });
    } catch (error) {
      if (generation === this.generation && this.confirmed)
        this.set({ status: 'ready', settings: this.confirmed });
      throw error;
    }
  }

  private set(state: SettingsState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
