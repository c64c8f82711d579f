/**
 * WebKit, Safari's engine, here: Debian's WebKitGTK MiniBrowser driven by its WebDriver
 * (`WebKitWebDriver`, package webkit2gtk-driver) on a virtual display (Xvfb: MiniBrowser has no
 * headless mode). WebDriver classic only: no init scripts and no network interception, so a test
 * reads what it needs from the page after it loads. Every call has a timeout: without a display,
 * starting a session hangs rather than fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { freePort } from './servers.ts';

const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
/** In the library folder of the machine's architecture (x86_64-linux-gnu, aarch64-linux-gnu, …). */
const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER_PATH ??
  readdirSync('/usr/lib')
    .map((folder) => `/usr/lib/${folder}/webkit2gtk-4.1/MiniBrowser`)
    .find(existsSync) ??
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export interface WebKitPage {
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs `script` (a function body; `arguments` holds `args`) in the page; returns its value (a promise's, awaited). */
  evaluate<T>(script: string, ...args: unknown[]): Promise<T>;
  /** A real click (WebDriver's, at the element's centre as drawn). */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `proxy`: every request for another origin than this machine's goes there (`host:port`): a test's
 * own proxy sees what the page asks of the world, and answers as it likes.
 */
export async function launchWebKit({ proxy }: { proxy?: string } = {}): Promise<WebKitPage> {
  for (const [path, what] of [
    [DRIVER, 'WebKitWebDriver'],
    [MINIBROWSER, 'MiniBrowser'],
    [XVFB, 'Xvfb'],
  ])
    if (!existsSync(path))
      throw new Error(
        `No ${what} for the WebKit tests. Install Debian's: \`apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth\`.`,
      );
  const processes: ChildProcess[] = [];
  const display = `:${100 + Math.floor(Math.random() * 800)}`;
  processes.push(spawn(XVFB, [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display.slice(1)}`); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const port = await freePort();
  // The proxy as the environment names it, which the browser's network stack reads (its WebDriver's
  // proxy capability reaches plain HTTP only).
  const proxyEnvironment = proxy ? { http_proxy: `http://${proxy}`, https_proxy: `http://${proxy}`, no_proxy: '127.0.0.1,localhost' } : {};
  processes.push(spawn(DRIVER, [`--port=${port}`], { env: { ...process.env, ...proxyEnvironment, DISPLAY: display }, stdio: 'ignore' }));
  const stop = () => processes.forEach((child) => child.kill());

  const call = async (method: string, path: string, body?: unknown, timeout = 20_000): Promise<any> => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const answer = (await response.json()) as { value: any };
    if (!response.ok) throw new Error(`WebKit ${method} ${path}: ${response.status} ${JSON.stringify(answer.value).slice(0, 300)}`);
    return answer.value;
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await call('GET', '/status', undefined, 1000);
        break;
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const { sessionId } = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          pageLoadStrategy: 'normal',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        },
      },
    });
    const session = (path: string) => `/session/${sessionId}${path}`;
    await call('POST', session('/timeouts'), { script: 15_000, pageLoad: 20_000, implicit: 0 });
    await call('POST', session('/window/rect'), { width: 1280, height: 800 });
    return {
      goto: (url) => call('POST', session('/url'), { url }),
      evaluate: (script, ...args) =>
        call('POST', session('/execute/async'), {
          script: `const done = arguments[arguments.length - 1]; Promise.resolve((function () { ${script} }).apply(null, Array.prototype.slice.call(arguments, 0, -1))).then(done, (error) => done({ __error: String(error) }));`,
          args,
        }),
      click: async (selector) => {
        const element = await call('POST', session('/element'), { using: 'css selector', value: selector });
        await call('POST', session(`/element/${element[ELEMENT]}/click`), {});
      },
      close: async () => {
        await call('DELETE', session('')).catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
