/**
 * `npm pack` once, before any test file runs: its `prepack` compiles the package into
 * integration/dist/, which the other test files' builds read at the same time, so it must not run
 * beside them. Both package test files install this one tarball.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed package: its path, and the version npm gave it. */
    tarball: { path: string; version: string };
  }
}

export default function setup(project: TestProject) {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  // Our Node 22 first: the machine's own Node may be too old for Astro.
  const env = { ...process.env, PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}` };
  const work = mkdtempSync(join(tmpdir(), 'acw-tarball-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--workspace', 'integration', '--pack-destination', work, '--json'], { cwd: repo, env, encoding: 'utf8' }),
  ) as { filename: string; version: string }[];
  project.provide('tarball', { path: join(work, packed.filename), version: packed.version });
  return () => rmSync(work, { recursive: true, force: true });
}
