/** GET from the API for a screen: the answer (null until here), the failure, a retry; aborted when the path changes or the screen goes. */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from './api';

/** `keep`: the last answer stays on screen while another path loads (a list being filtered). `path` null: nothing is fetched. */
export function useFetched<T>(path: string | null, { keep = false } = {}) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    if (!keep) setData(null);
    if (path === null) return;
    api
      .get<T>(path, { signal: controller.signal })
      .then(setData)
      .catch((caught: unknown) => {
        if ((caught as Error).name !== 'AbortError') setError(describeError(caught));
      });
    return () => controller.abort();
  }, [path, attempt]);

  return { data, setData, error, retry: () => setAttempt((n) => n + 1) };
}
