/**
 * Launching Firefox here: Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (a
 * Firefox that Playwright drives is its own patched build, from a CDN this machine can't reach).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Firefox found for the Firefox tests. Install Debian's: `apt-get install -y firefox-esr`, or set FIREFOX_PATH to a Firefox binary.",
    );
  }
  return found;
}

export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
}
