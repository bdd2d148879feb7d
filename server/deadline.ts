/** Waits for a promise at most `ms`; what is still running then is logged and left behind. */
export async function within<T>(ms: number, what: string, work: Promise<T> | undefined): Promise<T | undefined> {
  if (!work) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, ms));
    timer.unref();
  });
  try {
    const outcome = await Promise.race([work.then((value) => ({ value })), late]);
    if (outcome === 'late') {
      console.error(`shutdown: ${what} did not finish within ${ms} ms; going on without it`);
      return undefined;
    }
    return outcome.value;
  } catch (error) {
    console.error(`shutdown: ${what} failed:`, (error as Error).message);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
