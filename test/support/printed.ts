/** What `run` prints to stdout and stderr (Astro's logger writes to the console), caught rather than shown. */
export async function printedDuring(run: () => Promise<unknown>): Promise<string> {
  let printed = '';
  const write = process.stdout.write.bind(process.stdout);
  const writeError = process.stderr.write.bind(process.stderr);
  const capture = (chunk: string | Uint8Array) => ((printed += String(chunk)), true);
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeError;
  }
  return printed;
}
