// The panel's CSS, put into the loader's shadow root next to the launcher styles. Written as joined strings, not one
// template: the minifier folds them into one string without the newlines a template would keep.
const accent = '#2563eb';

export const PANEL_CSS =
  '.panel{position:fixed;right:20px;bottom:20px;display:flex;flex-direction:column;width:370px;' +
  'height:min(600px,100vh - 40px);overflow:hidden;border-radius:16px;background:#fff;color:#0f172a;' +
  'box-shadow:0 12px 48px #0f172a40;font:15px/1.45 system-ui,sans-serif;' +
  'text-align:left}' +
  '.panel[hidden]{display:none}' +
  '.panel *{box-sizing:border-box}' +
  '.head{display:flex;align-items:center;gap:12px;padding:16px 12px 14px 20px;background:' +
  accent +
  ';color:#fff}' +
  '.title{margin:0;font-size:17px;font-weight:600}' +
  '.sub{display:flex;align-items:center;gap:6px;margin:2px 0 0;font-size:13px}' +
  '.dot{flex:none;width:8px;height:8px;border-radius:50%;background:#4ade80}' +
  '.dot.off{background:#fbbf24}' +
  '.avatar{display:grid;flex:none;place-items:center;width:40px;height:40px;border-radius:50%;' +
  'background:#fff3;font-weight:600;object-fit:cover}' +
  '.close{display:grid;place-items:center;width:36px;height:36px;margin-left:auto;padding:0;border:0;' +
  'border-radius:50%;background:none;color:inherit;cursor:pointer}' +
  '.close:hover{background:#fff2}' +
  'button:focus-visible,textarea:focus-visible{outline:2px solid #93c5fd;outline-offset:2px}' +
  '.banner{margin:0;padding:8px 16px;background:#fef3c7;color:#92400e;font-size:13px;text-align:center}' +
  '.log{display:flex;flex:1;flex-direction:column;gap:4px;padding:16px;overflow-y:auto;background:#f8fafc;' +
  'overscroll-behavior:contain}' +
  '.empty{max-width:240px;margin:auto;color:#64748b;text-align:center}' +
  '.msg{display:flex;flex-direction:column;align-items:flex-start;max-width:80%}' +
  '.mine{align-self:flex-end;align-items:flex-end}' +
  '.author{margin:8px 4px 2px;color:#64748b;font-size:12px}' +
  '.bubble{margin:0;padding:8px 12px;border:1px solid #e2e8f0;border-radius:16px 16px 16px 4px;background:#fff;' +
  'white-space:pre-wrap;overflow-wrap:anywhere}' +
  '.mine .bubble{border-color:' +
  accent +
  ';border-radius:16px 16px 4px 16px;background:' +
  accent +
  ';color:#fff}' +
  '.rt>*{margin:0}' +
  '.rt>*+*{margin-top:8px}' +
  '.rt img{max-width:100%}' +
  '.event{align-self:center;margin:8px 0;color:#64748b;font-size:13px;text-align:center}' +
  '.waiting{margin:0;padding:8px 16px;border-top:1px solid #e2e8f0;color:#334155;font-size:13px;text-align:center}' +
  '.error,.count{flex-basis:100%;margin:0 8px;color:#b91c1c;font-size:13px}' +
  '.count{color:#64748b;font-size:12px;text-align:right}' +
  '.count.over{color:#b91c1c}' +
  '.state{margin:2px 4px 0;color:#64748b;font-size:12px}' +
  // Each message's time, shown while it is hovered or focused (messages are focusable).
  '.msg:not(:hover,:focus-within) time{display:none}.bubble a{color:inherit}' +
  '.failed{color:#b91c1c}' +
  '.state button{padding:0;border:0;background:none;color:inherit;font:inherit;text-decoration:underline;cursor:pointer}' +
  '.composer{display:flex;flex-wrap:wrap;align-items:flex-end;gap:8px;padding:12px;border-top:1px solid #e2e8f0;background:#fff}' +
  'textarea{flex:1;min-height:40px;max-height:120px;padding:9px 14px;border:1px solid #cbd5e1;border-radius:20px;' +
  'background:#fff;color:inherit;font:inherit;resize:none;field-sizing:content}' +
  'textarea:focus{border-color:' +
  accent +
  ';outline:0}' +
  'textarea[aria-invalid=true]{border-color:#b91c1c}' +
  '.send{display:grid;flex:none;place-items:center;width:40px;height:40px;padding:0;border:0;border-radius:50%;' +
  'background:' +
  accent +
  ';color:#fff;cursor:pointer}' +
  '.tool{flex:none;width:28px;height:40px;padding:0;border:0;background:none;color:#64748b;cursor:pointer}' +
  '.send:disabled{background:#cbd5e1;cursor:default}' +
  '@media (max-width:480px){' +
  '.panel{inset:0;width:auto;height:auto;border-radius:0}' +
  'textarea{font-size:16px}' +
  '}';
