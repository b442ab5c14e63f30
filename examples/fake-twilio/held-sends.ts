// Sends whose answer the fake holds back: Twilio has created the message (it is in `sent` and the list, its status
// callbacks go out) but the client has not heard so. This is the window in which an outbox that crashes, or loses
// its connection, cannot know whether its text went out; tests put it there on purpose.

import type { FetchedMedia } from './media.js';

/** A message the fake accepted for sending. */
export interface SentMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  statusCallback?: string;
  /** An MMS: every MediaUrl of the send, in order. */
  mediaUrls?: string[];
  /** Each MediaUrl as the fake fetched it, in order, once it has (before the first status callback). */
  media?: FetchedMedia[];
}

/** The handle `holdSends()` returns, for the next send the fake accepts. */
export interface HeldSend {
  /** Resolves once that send is accepted and its answer held: from then on, the text exists at "Twilio". */
  readonly arrived: Promise<SentMessage>;
  /** Writes the held answer (201 and the message), if the client is still connected; never, if it has gone. */
  release(): void;
  /** Cuts the connection instead of answering: the client sees a network error, though the text was accepted. */
  drop(): void;
}

export type HoldDecision = 'release' | 'drop';

/** The fake's side of a held send. */
export interface Hold {
  arrive(message: SentMessage): void;
  readonly decision: Promise<HoldDecision>;
}

/** Holds, first asked first used: each applies to one accepted send. */
export class SendHolds {
  private readonly waiting: Hold[] = [];

  hold(): HeldSend {
    let arrive!: (message: SentMessage) => void;
    let decide!: (decision: HoldDecision) => void;
    const arrived = new Promise<SentMessage>((resolve) => (arrive = resolve));
    const decision = new Promise<HoldDecision>((resolve) => (decide = resolve));
    this.waiting.push({ arrive, decision });
    // Deciding before the send arrives is allowed: the send then gets that treatment as soon as it is accepted.
    return { arrived, release: () => decide('release'), drop: () => decide('drop') };
  }

  /** The hold for the send just accepted, if a test asked for one. */
  next(): Hold | undefined {
    return this.waiting.shift();
  }
}
