// The emoji picker's CSS, added to the shadow root with the chunk (colours as in ui/styles.ts).
export const EMOJI_CSS = `
.emoji{position:absolute;right:12px;bottom:68px;left:12px;z-index:1;display:flex;flex-direction:column;gap:6px;
max-height:300px;padding:8px;border:1px solid #e2e8f0;border-radius:12px;background:#fff;
box-shadow:0 8px 24px rgba(15,23,42,.18)}
.emoji input{padding:6px 10px;border:1px solid #cbd5e1;border-radius:8px;font:inherit}
.emoji .tabs{display:flex;justify-content:space-between}
.emoji button{width:32px;height:32px;padding:0;border:0;border-radius:6px;background:none;font-size:20px;
cursor:pointer}
.emoji button:hover,.emoji [aria-pressed=true]{background:#e2e8f0}
.emoji .grid{display:grid;grid-template-columns:repeat(auto-fill,32px);justify-content:space-between;
overflow-y:auto}
.emoji p{margin:8px;color:#64748b;text-align:center}
`;
