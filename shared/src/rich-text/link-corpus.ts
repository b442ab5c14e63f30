// Test data, imported by tests only (never by the widget or dashboard).
/** Payloads that must never become a link (the XSS corpus of GUIDE.md row 11, for links). */
export const UNSAFE_LINK_CORPUS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://%0aalert(1)',
  'javascript:https://x.test',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://x.test/uuid',
  '<a href="javascript:alert(1)">x</a>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '"><script>alert(1)</script>',
  'https://',
  'mailto:',
  'mailto:.',
  'https://).',
  'http://<script>',
];
