// The voice recorder's CSS, added to the shadow root with the chunk (colours as in ui/styles.ts).
export const VOICE_CSS = `
.voice{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:10px 12px;border-top:1px solid #e2e8f0;
background:#fff}
.voice .timer{flex:1;font-variant-numeric:tabular-nums}
.voice .rec{display:inline-block;width:10px;height:10px;margin-right:8px;border-radius:50%;background:#ef4444}
.voice .paused .rec{background:#94a3b8}
.voice audio{flex:1;min-width:0;height:40px}
.voice progress{flex-basis:100%}
.voice .tool{width:36px}
`;
