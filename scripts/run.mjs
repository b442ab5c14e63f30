#!/usr/bin/env node
// The README's commands: `npm start` (install, build, run server + demo site) and `npm test` (install, build,
// typecheck, lint, every test). `npm run bench` runs the benchmarks. Plain Node, so it works before any install.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];
const bin = (name) => path.join(root, 'node_modules/.bin', name);

/**
 * better-sqlite3 compiles from source when no prebuilt binary can be downloaded. Offline machines have Node's
 * headers in /usr/include/node; point node-gyp there when they match this Node, so it never tries to download them.
 */
function buildEnv() {
  const env = { ...process.env };
  const header = '/usr/include/node/node_version.h';
  if (!env.npm_config_nodedir && fs.existsSync(header)) {
    const text = fs.readFileSync(header, 'utf8');
    const v = ['MAJOR', 'MINOR', 'PATCH'].map(
      (p) => text.match(new RegExp(`#define NODE_${p}_VERSION (\\d+)`))?.[1],
    );
    if (v.join('.') === process.versions.node) env.npm_config_nodedir = '/usr';
  }
  return env;
}

function run(cmd, args, options = {}) {
  console.log(`\n> ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: buildEnv(), ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const pnpm = (...args) => run('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args]);

function install() {
  pnpm('install', '--frozen-lockfile');
}

function build() {
  // The server's build is what production runs (node server/dist/main.js); the bench and the multi-node tests too.
  pnpm('-r', '--filter', './widget', '--filter', './dashboard', '--filter', './server', 'run', 'build');
}

/** Real-browser tests need Chromium: use one that is installed, else install Debian's package when we can. */
function ensureChromium() {
  if (findChromium()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...buildEnv(), DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    run(bin('playwright-core'), ['install', 'chromium']);
  }
}

/**
 * Without a Twilio account (TWILIO_ACCOUNT_SID unset), texts go to the fake Twilio in examples/fake-twilio: the
 * server is pointed at it, and it posts the customer's replies (from its phone page) to the server's webhook.
 */
function fakeTwilio(env) {
  if (env.TWILIO_ACCOUNT_SID) return null;
  const port = env.FAKE_TWILIO_PORT || '8090';
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${env.PORT || '8787'}`).replace(/\/$/, '');
  const account = {
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    TWILIO_AUTH_TOKEN: 'fake-twilio-auth-token',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${port}`,
  };
  Object.assign(env, account);
  // The fake serves texted pictures from 127.0.0.1, which the server refuses to fetch unless private addresses are
  // allowed (as on a developer's machine; never set this in production).
  env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS ??= 'true';
  return spawn(bin('tsx'), ['examples/fake-twilio/server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, PORT: port, SMS_INBOUND_WEBHOOK_URL: `${publicUrl}/webhooks/twilio/messages` },
  });
}

function start() {
  install();
  build();
  const env = buildEnv();
  const fake = fakeTwilio(env);
  const children = [
    ...(fake ? [fake] : []),
    spawn(bin('tsx'), ['server/src/main.ts'], { cwd: root, stdio: 'inherit', env }),
    spawn(process.execPath, ['examples/demo-server.mjs'], { cwd: root, stdio: 'inherit', env }),
  ];
  const stop = (signal) => children.forEach((c) => c.kill(signal));
  process.on('SIGINT', () => stop('SIGTERM'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const child of children) {
    child.on('exit', (code) => {
      stop('SIGTERM');
      process.exitCode = code ?? 0;
    });
  }
}

function test() {
  install();
  build();
  ensureChromium();
  run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  run(bin('eslint'), ['.', '--max-warnings=0']);
  run(bin('prettier'), ['--check', '.']);
  run(bin('vitest'), ['run']);
}

function bench() {
  install();
  build();
  run(bin('tsx'), ['bench/run.ts']);
}

const commands = { start, test, bench };
const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: node scripts/run.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command();
