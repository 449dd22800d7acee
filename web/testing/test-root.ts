import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";

// React only batches renders into act() when told it runs under a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * For a component test file: a fresh element in the page with a React root before each test,
 * unmounted and removed after it. Read `host` and `root` inside tests.
 */
export function mountEachTest(): { readonly host: HTMLElement; readonly root: Root } {
  let current: { host: HTMLElement; root: Root } | null = null;
  beforeEach(() => {
    const host = document.createElement("div");
    document.body.append(host);
    current = { host, root: createRoot(host) };
  });
  afterEach(() => {
    const done = current;
    current = null;
    if (!done) return;
    act(() => done.root.unmount());
    done.host.remove();
  });
  const now = () => {
    if (!current) throw new Error("mountEachTest: read host and root inside a test");
    return current;
  };
  return {
    get host() {
      return now().host;
    },
    get root() {
      return now().root;
    },
  };
}
