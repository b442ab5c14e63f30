// Summarises a V8 CPU profile (node --cpu-prof) of the server: where its time goes, by function (self time, and
// inclusive time of our own functions) and by area (a package or a folder of our source), with Node's internals and
// native code charged to the code that called them. Lines of server/dist/main.js are named by their source file and
// line through main.js.map. Also runnable alone: `tsx bench/profile.ts <file.cpuprofile>…`.
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_MAIN } from './targets.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line of the bundle: its segments [column, source, original line], by column. */
type SourceMap = { sources: string[]; lines: [number, number, number][][] };

function readSourceMap(): SourceMap | null {
  const file = `${SERVER_MAIN}.map`;
  if (!fs.existsSync(file)) return null;
  const map = JSON.parse(fs.readFileSync(file, 'utf8')) as { sources: string[]; mappings: string };
  const dir = path.dirname(file);
  const root = path.resolve(dir, '../..');
  const sources = map.sources.map((s) => path.relative(root, path.resolve(dir, s)));
  let source = 0;
  let line = 0;
  const lines = map.mappings.split(';').map((text) => {
    let column = 0;
    const segments: [number, number, number][] = [];
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0]!;
      if (values.length < 4) continue;
      source += values[1]!;
      line += values[2]!;
      segments.push([column, source, line]);
    }
    return segments;
  });
  return { sources, lines };
}

/** `server/src/ws/hub.ts:42` for a position in the bundle (0-based line and column). */
function original(map: SourceMap | null, line: number, column: number): string | null {
  const segments = map?.lines[line];
  if (!segments?.length) return null;
  let found = segments[0]!;
  for (const segment of segments) {
    if (segment[0] > column) break;
    found = segment;
  }
  return `${map!.sources[found[1]]}:${found[2] + 1}`;
}

type Where = { name: string; where: string; area: string; ours: boolean };

/** Where a frame's code lives: a package for dependencies, a folder of our source, or Node itself. */
function locate(map: SourceMap | null, frame: CallFrame): Where {
  const name = frame.functionName || '(anonymous)';
  const { url } = frame;
  if (!url)
    return { name, where: '', area: frame.functionName.startsWith('(') ? name : '(native)', ours: false };
  if (url.endsWith('server/dist/main.js')) {
    const where =
      original(map, frame.lineNumber, frame.columnNumber) ?? `server/dist/main.js:${frame.lineNumber + 1}`;
    return { name, where, area: path.dirname(where), ours: true };
  }
  const line = frame.lineNumber + 1;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(
    url.replace(/.*node_modules\/\.pnpm\/[^/]+\//, ''),
  );
  if (pkg) return { name, where: `${pkg[1]}/${pkg[2]}:${line}`, area: pkg[1]!, ours: false };
  if (url.startsWith('node:')) return { name, where: `${url}:${line}`, area: 'node internals', ours: false };
  return { name, where: `${url}:${line}`, area: url, ours: false };
}

export interface Ranked {
  name: string;
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by function. */
  functions: Ranked[];
  /** Inclusive time of our own functions (server/ and shared/ source). */
  ours: Ranked[];
  /** Self time by area, Node internals and native code charged to the nearest caller in a package or our code. */
  areas: Ranked[];
}

/**
 * The main thread's profile among those `--cpu-prof` wrote into `dir` (one per thread: the SQLite checkpointer is a
 * worker thread). Default names end in `.<pid>.<thread id>.<n>.cpuprofile`; the main thread's id is 0.
 */
export function mainThreadProfile(dir: string): string {
  const file = fs.readdirSync(dir).find((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name));
  if (!file) throw new Error(`no main-thread CPU profile in ${dir}`);
  return path.join(dir, file);
}

export function summarise(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const map = readSourceMap();
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const where = new Map(profile.nodes.map((n) => [n.id, locate(map, n.callFrame)]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const hits = new Map<number, number>();
  let busy = 0;
  for (const id of profile.samples) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    hits.set(id, (hits.get(id) ?? 0) + 1);
    busy++;
  }

  const self = new Map<string, { name: string; where: string; hits: number }>();
  const inclusive = new Map<string, { name: string; where: string; hits: number }>();
  const areas = new Map<string, { name: string; where: string; hits: number }>();
  const add = (table: typeof self, name: string, at: string, count: number) => {
    const key = `${name} ${at}`;
    const entry = table.get(key) ?? { name, where: at, hits: 0 };
    entry.hits += count;
    table.set(key, entry);
  };
  const isNode = (w: Where) => w.area === 'node internals' || w.area === '(native)';
  for (const [id, count] of hits) {
    const w = where.get(id)!;
    add(self, w.name, w.where, count);
    // Charged to the nearest caller that is not Node itself (a write syscall to the code that sent the frame).
    let charged = id;
    while (isNode(where.get(charged)!) && parent.has(charged)) charged = parent.get(charged)!;
    const c = where.get(charged)!;
    add(areas, isNode(c) ? w.area : c.area, '', count);
    // Each sample counts once per function of ours on its stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = where.get(at)!;
      const key = `${f.name} ${f.where}`;
      if (!f.ours || seen.has(key)) continue;
      seen.add(key);
      add(inclusive, f.name, f.where, count);
    }
  }
  const rank = (table: typeof self): Ranked[] =>
    [...table.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, top)
      .map(({ name, where: at, hits: h }) => ({ name, where: at, ms: h * msPerSample, share: h / busy }));
  return { totalMs: busy * msPerSample, functions: rank(self), ours: rank(inclusive), areas: rank(areas) };
}

export function printSummary(title: string, summary: ProfileSummary): void {
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const table = (head: string, rows: Ranked[], withWhere = true) => {
    console.log(`\n| ${head} |${withWhere ? ' where |' : ''}\n|---|---|---|${withWhere ? '---|' : ''}`);
    for (const r of rows)
      console.log(
        `| ${r.ms.toFixed(0)} ms | ${pct(r.share)} | ${r.name} |${withWhere ? ` ${r.where} |` : ''}`,
      );
  };
  console.log(`\n### ${title}: ${(summary.totalMs / 1000).toFixed(2)} s on CPU (idle excluded)`);
  table('self time | share | function', summary.functions);
  table('inclusive | share | our function', summary.ours);
  table('self time | share | area (Node internals charged to their caller)', summary.areas, false);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const file of process.argv.slice(2)) printSummary(path.basename(file), summarise(file));
}
