/**
 * Every property test (fast-check) of a run draws from one seed: the commit's, so a run of the same
 * commit draws the same cases (a CI failure can be replayed on any machine, and a run before pushing
 * foretells CI's), while each new commit explores new ones. `FC_SEED=<n>` replays a printed seed;
 * `FC_SEED=random` draws a new one. Under load a property stops after a minute with the runs it
 * made (not a timeout that hides the seed); a failure still fails.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';

function commitSeed(): number {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return Number.parseInt(head.slice(0, 8), 16) | 0;
  } catch {
    return 20_261_202; // not a git checkout
  }
}

const asked = process.env.FC_SEED;
const seed = asked === 'random' ? undefined : asked ? Number(asked) : commitSeed();
fc.configureGlobal({ ...(seed !== undefined && { seed }), interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false });
