/** Waiting for work at most so long: what is still running then is left behind. */

/** Waits for `work` at most `ms`; true when it settled (succeeded or failed) in time. Never rejects. */
export async function settledWithin(ms: number, work: Promise<unknown> | undefined): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
    timer.unref();
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for a shutdown step at most `ms`; a step that is late or fails is logged and left behind. */
export async function within<T>(ms: number, what: string, work: Promise<T> | undefined): Promise<T | undefined> {
  if (!work) return undefined;
  let value: T | undefined;
  let failure: unknown;
  const settled = await settledWithin(
    ms,
    work.then(
      (result) => void (value = result),
      (error: unknown) => void (failure = error ?? new Error('failed')),
    ),
  );
  if (!settled) console.error(`shutdown: ${what} did not finish within ${ms} ms; going on without it`);
  else if (failure !== undefined) console.error(`shutdown: ${what} failed:`, (failure as Error).message);
  return settled && failure === undefined ? value : undefined;
}
