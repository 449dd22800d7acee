type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every committed local write (the sync scheduler debounces a push on it). */
export function onLocalWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells listeners a local write has committed. */
export function notifyLocalWrite(): void {
  for (const listener of listeners) listener();
}
