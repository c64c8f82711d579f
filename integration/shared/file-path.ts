/**
 * A file path in the form Vite and Astro's Markdown pipeline give it, for comparing: forward slashes
 * on every system (Vite's `normalizePath`: on Windows `C:/site/…` where Node says `C:\site\…`), and
 * on Windows in one letter case, since Node keeps the case a folder was typed in and Vite the case
 * on disk. `platform` is Node's `process.platform` (passed in: this folder uses Web APIs only).
 */
export function comparablePath(path: string, platform: string): string {
  const slashed = path.replace(/\\/g, '/');
  return platform === 'win32' ? slashed.toLowerCase() : slashed;
}
