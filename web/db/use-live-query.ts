import { liveQuery } from "dexie";
import { useEffect, useState } from "react";

/** The latest result of `query`, re-run whenever the tables it read change (any tab). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: setError });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  // Surfaces a failed read to the nearest error boundary instead of showing stale data.
  if (error) throw error;
  return value;
}
