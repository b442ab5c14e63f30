// Starts the real processes the README starts: the chat server and the demo site, on two free ports (two origins).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Playbook } from '@livechat/shared/model';
import { startFaultyProxy, type FaultyProxy } from './tcp-proxy.js';
import { NO_STEPS, savePlaybook } from './api.js';
import { freePort } from '../scripts/free-port.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms`);
}

export interface ServerProcess {
  /** Direct URL of this process. */
  url: string;
  /** The URL browsers use (through the proxy). */
  publicUrl: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `server/src/main.ts` as its own process, like `npm start` does. */
export async function startServer(opts: {
  dataDir: string;
  port?: number;
  demoPort: number;
  /** The port browsers use, when a proxy sits in front. */
  publicPort?: number;
  /** More environment (TWILIO_* pointing at a fake Twilio, say). */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const publicUrl = `http://localhost:${opts.publicPort ?? port}`;
  let log = '';
  // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the server in a child process of its own, so a
  // SIGKILL to it would leave the real server running (a kill -9 test that kills nothing).
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DEMO_PORT: String(opts.demoPort),
      DATA_DIR: opts.dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: publicUrl,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://localhost:${port}`;
  await waitForHttp(`${url}/api/health`);
  return {
    url,
    publicUrl,
    port,
    child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

export interface Stack {
  server: ServerProcess;
  proxy: FaultyProxy;
  /** What browsers use for the dashboard and widget.js: the proxy in front of the server. */
  serverUrl: string;
  demoUrl: string;
  dataDir: string;
  /** Stops the server (SIGTERM) and starts it again on the same port and data; `server` is then the new one. */
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Server + demo site, cross-origin: the demo on localhost:A embeds the widget from localhost:B, where B is a
 * proxy in front of the server that tests can use to cut visitor connections. The demo site runs `playbook`
 * (by default one without steps: most tests are about delivery, not the bot).
 */
export async function startStack({
  playbook = NO_STEPS,
  env,
}: { playbook?: Playbook; env?: Record<string, string> } = {}): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livechat-e2e-'));
  const demoPort = await freePort();
  const serverPort = await freePort();
  const proxy = await startFaultyProxy(serverPort);
  const serverOptions = { dataDir, demoPort, port: serverPort, publicPort: proxy.port, ...(env && { env }) };
  const server = await startServer(serverOptions);
  const demo = spawn(process.execPath, ['examples/demo-server.mjs'], {
    cwd: root,
    env: { ...process.env, DEMO_PORT: String(demoPort), PUBLIC_URL: server.publicUrl },
    stdio: 'ignore',
  });
  const demoUrl = `http://localhost:${demoPort}`;
  await waitForHttp(demoUrl);
  await savePlaybook(server.url, playbook);
  const stack: Stack = {
    server,
    proxy,
    serverUrl: server.publicUrl,
    demoUrl,
    dataDir,
    async restartServer() {
      await stack.server.stop();
      stack.server = await startServer(serverOptions);
    },
    async stop() {
      demo.kill('SIGTERM');
      await proxy.close();
      await stack.server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
