import { createElement, lazy, type ComponentType } from "react";

type Loader = () => Promise<{ default: ComponentType }>;

// Pages whose download failed, each with how to start afresh. Only an explicit retry empties it:
// swapping in a fresh `lazy` by itself would make React download again and again while offline.
const failed = new Set<() => void>();

/** Lets every page whose code failed to download try again on its next render. */
export function retryFailedDownloads(): void {
  for (const renew of failed) renew();
  failed.clear();
}

/**
 * Like `React.lazy`, but a failed download can be retried: `lazy` keeps the rejected import for
 * good, so after going offline and back "Try again" would fail until a reload.
 */
export function retryableLazy(load: Loader): ComponentType {
  const make = () =>
    lazy(() =>
      load().catch((error: unknown) => {
        failed.add(() => (current = make()));
        throw error;
      }),
    );
  let current = make();
  return function LazyPage() {
    return createElement(current);
  };
}
