// Build-time constant folding for the widget bundles: `CloseCode.Unauthorized`, `ErrorCode.OutboxFull`,
// `LIMITS.maxMessageLength`… become their literal values, so the protocol's catalogues (every close and error code,
// every limit) are tree-shaken out instead of shipping whole for the few values the widget reads. Tests run on the
// sources, where the objects are used as written; only property reads of these exact names are replaced.
import type { Plugin } from 'vite';
import { CloseCode, ErrorCode, LIMITS } from '../shared/src/protocol/constants.js';

const CATALOGUES: Record<string, Record<string, unknown>> = { CloseCode, ErrorCode, LIMITS };
const READ = /\b(CloseCode|ErrorCode|LIMITS)\.([A-Za-z_$][\w$]*)\b/g;

export function inlineProtocolConstants(): Plugin {
  return {
    name: 'livechat:inline-protocol-constants',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.tsx?$/.test(id)) return null;
      let changed = false;
      const out = code.replace(READ, (read, catalogue: string, key: string) => {
        const values = CATALOGUES[catalogue]!;
        if (!Object.hasOwn(values, key)) throw new Error(`${id}: ${read} is not a protocol constant`);
        changed = true;
        return JSON.stringify(values[key]);
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
