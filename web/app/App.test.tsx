import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as RoutesModule from "./routes";
import type { AppRoute } from "./routes";
import { mountEachTest } from "../testing/test-root";

const view = mountEachTest();

// The shell's status widgets need a service worker and IndexedDB; they are not what is tested here.
vi.mock("./PwaStatus", () => ({ PwaStatus: () => null }));
vi.mock("../sync/SyncStatus", () => ({ SyncStatus: () => null }));

// While set, the Log page throws and the Plan page's code cannot be downloaded.
const failing = vi.hoisted(() => ({ render: true, download: true }));

vi.mock("./routes", async (importOriginal) => {
  const { retryableLazy } = await import("./retryable-lazy");
  const Broken = () => {
    if (failing.render) throw new Error("render failed");
    return <h1>Log</h1>;
  };
  const routes: AppRoute[] = [
    { path: "/train", label: "train", icon: "●", place: "tab", page: () => <h1>Train</h1> },
    { path: "/log", label: "log", icon: "☰", place: "tab", page: Broken },
    {
      path: "/plan",
      label: "plan",
      icon: "▦",
      place: "tab",
      page: retryableLazy(async () => {
        if (failing.download) {
          throw new TypeError("Failed to fetch dynamically imported module: /assets/PlanPage.js");
        }
        return { default: () => <h1>Plan</h1> };
      }),
    },
  ];
  const original = await importOriginal<typeof RoutesModule>();
  return { ...original, ROUTES: routes };
});

const { App } = await import("./App");

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function open(path: string) {
  history.replaceState(null, "", path);
  await act(async () => view.root.render(<App />));
}

const heading = () => view.host.querySelector("h1")?.textContent;
const button = (name: string) =>
  [...view.host.querySelectorAll<HTMLElement>("button, a")].find((el) => el.textContent === name);

describe("a page that fails", () => {
  it("shows what happened and keeps the tab bar; Try again shows the page", async () => {
    await open("/log");
    expect(view.host.querySelector('[role="alert"]')?.textContent).toContain("stopped working");
    const tabs = view.host.querySelector('nav[aria-label="Main"]');
    expect([...tabs!.querySelectorAll("a")].map((a) => a.textContent)).toEqual(["●Train", "☰Log", "▦Plan"]);

    failing.render = false;
    await act(async () => button("Try again")!.click());
    expect(heading()).toBe("Log");
  });

  it("says a page that did not download could not be loaded, and Try again downloads it again", async () => {
    await open("/plan");
    expect(heading()).toBe("This page could not be loaded");
    await act(async () => button("Try again")!.click());
    expect(heading()).toBe("This page could not be loaded");
    failing.download = false;
    await act(async () => button("Try again")!.click());
    expect(heading()).toBe("Plan");
  });

  it("leads back to Train", async () => {
    failing.render = true;
    await open("/log");
    await act(async () => button("Back to Train")!.click());
    expect(location.pathname).toBe("/train");
    expect(heading()).toBe("Train");
  });
});
