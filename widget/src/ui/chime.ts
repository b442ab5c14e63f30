// The sound of a reply that arrives while the panel is closed, played by one tab only: every open tab of the site
// holds its own socket and counts the reply, so each asks for the same Web Lock, and inside it the first to come
// notes the reply in storage and plays; the others find it noted and stay quiet. Per reply, not a fixed leader
// tab: a tab that missed the reply (its panel open, or its chat not loaded) cannot swallow the sound.
// Without Web Locks (browsers before 2022) every tab plays: a double sound beats none.

/** The newest message one tab has counted: its conversation and seq. */
export interface Reply {
  c: string;
  s: number;
}

export function chime(storage: Storage | null, siteKey: string, reply: Reply): void {
  const key = `livechat:${siteKey}:chime`;
  const once = (): void => {
    let last: Partial<Reply> | null = null;
    try {
      last = JSON.parse(storage?.getItem(key) ?? 'null') as Partial<Reply> | null;
      if (last?.c === reply.c && Number(last.s) >= reply.s) return; // another tab played it
      storage?.setItem(key, JSON.stringify(reply));
    } catch {
      // Storage blocked: play (this tab cannot know about the others).
    }
    play();
  };
  if (navigator.locks) void navigator.locks.request(key, once);
  else once();
}

/** A soft two-note ding, synthesised (no audio file to download). Browsers may keep it silent before a gesture. */
function play(): void {
  try {
    const audio = new AudioContext();
    const now = audio.currentTime;
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.15, now);
    gain.gain.exponentialRampToValueAtTime(0.001, now + 0.5);
    for (const [i, hz] of [660, 880].entries()) {
      const tone = audio.createOscillator();
      tone.frequency.value = hz;
      tone.connect(gain);
      tone.start(now + i * 0.12);
      tone.stop(now + 0.5);
    }
    setTimeout(() => void audio.close(), 800);
  } catch {
    // No Web Audio: no sound.
  }
}
