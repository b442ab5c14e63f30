// The file tray's and attachments' CSS, added to the shadow root with the chunk (colours as in ui/styles.ts).
export const FILES_CSS = `
.tray{padding:8px 12px 0;border-top:1px solid #e2e8f0}
.tray ul{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.chip{display:flex;align-items:center;gap:6px;max-width:100%;padding:2px 2px 2px 10px;border:1px solid #cbd5e1;
border-radius:14px;font-size:13px}
.chip.bad{border-color:#b91c1c;color:#b91c1c}
.chip .name{flex:none;overflow:hidden;max-width:140px;text-overflow:ellipsis;white-space:nowrap}
.chip progress{width:64px}
.chip button,.viewer button{display:grid;place-items:center;padding:2px 4px;border:0;background:none;
color:inherit;cursor:pointer}
.chip svg{width:16px;height:16px}
.files{display:flex;flex-direction:column;align-items:inherit;gap:4px;margin-bottom:4px}
.thumb{padding:0;border:0;border-radius:12px;overflow:hidden;background:none;cursor:zoom-in}
.thumb img{display:block;max-width:220px;max-height:160px}
.files audio{max-width:240px}
.card{display:flex;flex-direction:column;padding:8px 12px;border:1px solid #e2e8f0;border-radius:12px;
background:#fff;color:inherit;text-decoration:none;overflow-wrap:anywhere}
.card span+span{color:#64748b;font-size:12px}
.viewer{position:absolute;inset:0;z-index:2;display:grid;place-items:center;padding:48px 16px 16px;
background:rgba(15,23,42,.92)}
.viewer img{max-width:100%;max-height:100%}
.viewer button{position:absolute;top:12px;right:12px;color:#fff}
.viewer svg{width:28px;height:28px}
`;
