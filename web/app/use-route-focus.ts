import { useEffect, useRef, type RefObject } from "react";

/** How long to wait for a lazy page to show its heading before giving up on moving focus. */
const HEADING_WAIT_MS = 10_000;

/**
 * After a route change (not the first load), moves focus to the new page's heading, so keyboard
 * and screen-reader users start at the top of the page they chose and hear its name. Pages load
 * lazily, so it waits for the heading to appear.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>, location: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    const focusHeading = (): boolean => {
      const heading = root.querySelector<HTMLElement>("h1");
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) stop();
    });
    const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(root, { childList: true, subtree: true });
    return stop;
  }, [main, location]);
}
