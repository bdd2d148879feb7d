/** Re-renders a component whenever a store (components/composer/ui/store.ts) changes. */
import { useEffect, useState } from 'preact/hooks';
import type { Store } from './store';

export function useStore<T extends object>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(() => setValue(store.get()));
  }, [store]);
  return value;
}
