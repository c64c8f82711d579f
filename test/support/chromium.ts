/** Launching Chromium here: the machine's (Debian's) Chromium; downloads from a browser CDN can't be had. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install Debian's: `apt-get install -y chromium`, or set CHROME_PATH to a Chromium binary.",
    );
  }
  return found;
}

/**
 * `backForwardCache`: Chromium's back/forward cache on (Playwright turns it off: a page left is
 * then loaded again on Back, where a visitor's browser restores it as it was).
 */
export function launchChromium({ backForwardCache = false }: { backForwardCache?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    ...(backForwardCache && { ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
    executablePath: chromiumPath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    // launch() starts from a fresh temporary profile of its own.
  });
}
