/** Real servers for built sites: @astrojs/node standalone, `astro dev`, wrangler's workerd. Each in its own process group. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own Node (the `node` devDependency, ≥ 22.19), whatever Node started the tests. */
export const NODE = [fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url))].find(existsSync) ?? process.execPath;

export interface RunningServer {
  origin: string;
  /** The server's process id (the bench reads its CPU time). */
  pid: number;
  /** What the server printed so far. */
  log(): string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server on a free port, again on another if the port was taken in the meantime: between
 * freePort() closing it and the server binding it, another test's server or connection can get it.
 */
export async function onFreePort(start: (port: number) => Promise<RunningServer>): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE|already in use|is in use/i.test(String(error))) throw error;
    }
  }
}

/** Starts `command` in its own process group and waits until `origin` + `probe` answers. */
export async function startServer(
  command: string,
  args: string[],
  {
    cwd,
    env = {},
    port,
    probe = '/',
    timeoutMs = 60_000,
  }: { cwd: string; env?: NodeJS.ProcessEnv; port: number; probe?: string; timeoutMs?: number },
): Promise<RunningServer> {
  // Without Vitest's variables: Astro's dev server stands aside when it sees VITEST.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...inherited, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Gone.
        }
      }, 5000);
      await exited;
      clearTimeout(killer);
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(origin + probe, { signal: AbortSignal.timeout(2000) });
      // Whoever answered, ours is still running: another test's server on a port just taken answers too.
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
      return { origin, pid: child.pid!, log: () => output, close };
    } catch {
      if (Date.now() > deadline) {
        await close();
        throw new Error(`${command} did not answer at ${origin} within ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/** The @astrojs/node standalone server of a site built into `outDir`. */
export function startNodeAdapter(outDir: string): Promise<RunningServer> {
  return onFreePort((port) =>
    startServer(NODE, [join(outDir, 'server/entry.mjs')], { cwd: outDir, port, env: { HOST: '127.0.0.1', PORT: String(port) } }),
  );
}

/** `astro build` of `root` in its own process (test/support/run-build.ts); throws with its output if it fails. */
/**
 * `astro dev` of the on-demand fixture's pages (`srcDir`) from a root of its own (`test/fixtures/<name>/`),
 * in its own process (test/support/run-dev.ts). Its own root, and Vite's cache beside it (by default
 * the repository's): two of these, and the adapter tests' builds of that fixture, run at the same time.
 */
export async function startAstroDev(name: string, config: Record<string, unknown>): Promise<RunningServer> {
  const root = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
  mkdirSync(root, { recursive: true });
  const runner = fileURLToPath(new URL('./run-dev.ts', import.meta.url));
  // strictPort: Vite would move to the next port where this one is taken, and the probe would never find it.
  const full = {
    srcDir: fileURLToPath(new URL('../fixtures/on-demand/src/', import.meta.url)),
    vite: { cacheDir: `${root}.vite`, server: { strictPort: true } },
    ...config,
  };
  return onFreePort((port) =>
    startServer(NODE, [runner, root, String(port), JSON.stringify(full)], {
      cwd: root,
      port,
      env: { NODE_ENV: 'development' },
      timeoutMs: 90_000,
    }),
  );
}

export function buildInProcess(root: string, config: object, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const runner = fileURLToPath(new URL('./run-build.ts', import.meta.url));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [runner, root, JSON.stringify(config)], {
      cwd: root,
      env: { ...inherited, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`astro build of ${root} failed (${code}):\n${output}`))));
  });
}

/**
 * A page as it arrives: its text, its end (ms after the request), and its longest pause between two
 * pieces with the text that came before it. Timed between pieces, not from the request: a server
 * slow to start (a busy machine) moves every piece, not the pause a slow part of the page makes.
 */
export async function arrival(url: string): Promise<{ text: string; beforePause: string; pauseMs: number; endAt: number }> {
  const start = performance.now();
  // Uncompressed: a compressor (workerd's, for a client that accepts gzip) holds bytes back itself.
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let beforePause = '';
  let pauseMs = 0;
  let last: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const now = performance.now();
    if (last !== undefined && now - last > pauseMs) {
      pauseMs = now - last;
      beforePause = text;
    }
    last = now;
    text += value;
  }
  return { text, beforePause, pauseMs, endAt: performance.now() - start };
}
