import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mountEachTest } from "../../testing/test-root";
import { RestTimer } from "./RestTimer";
import { startRest } from "./rest-timer";
import { playRestTone, showRestNotification, vibrateRestOver } from "./rest-signals";

// The tone, vibration and notification are where the browser takes over: counted here instead.
vi.mock("./rest-signals", () => ({
  playRestTone: vi.fn(),
  vibrateRestOver: vi.fn(),
  showRestNotification: vi.fn(() => Promise.resolve()),
}));

const view = mountEachTest();

function pageShown(visible: boolean) {
  Object.defineProperty(document, "visibilityState", {
    value: visible ? "visible" : "hidden",
    configurable: true,
  });
  document.dispatchEvent(new Event("visibilitychange"));
}

/** Lets time pass as the browser's timers would, half a second at a time. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

const status = () => view.host.querySelector('[role="status"]')?.textContent ?? "";
const clock = () => view.host.querySelector(".rest-clock")?.textContent ?? "";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout", "Date"] });
  vi.mocked(playRestTone).mockClear();
  vi.mocked(vibrateRestOver).mockClear();
  vi.mocked(showRestNotification).mockClear();
  localStorage.clear();
  Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe("rest timer ending", () => {
  it("while the page is hidden: a notification then, and one tone and vibration when the page is seen again", async () => {
    startRest(3_000);
    act(() => view.root.render(<RestTimer />));
    act(() => pageShown(false));
    // The rest ends and a minute more passes unseen: each tick finds it over.
    await wait(63_000);
    expect(showRestNotification).toHaveBeenCalledTimes(1);
    expect(showRestNotification).toHaveBeenCalledWith("Rest over", "Time for your next set.");
    expect(playRestTone).not.toHaveBeenCalled();
    expect(vibrateRestOver).not.toHaveBeenCalled();
    expect(status()).toBe("");

    act(() => pageShown(true));
    await wait(0);
    expect(playRestTone).toHaveBeenCalledTimes(1);
    expect(vibrateRestOver).toHaveBeenCalledTimes(1);
    expect(status()).toBe("Rest over: time for your next set");
    expect(clock()).toBe("Rest over: next set");

    // Not once per missed second, nor again on every later look at the page.
    await wait(10_000);
    act(() => pageShown(false));
    act(() => pageShown(true));
    await wait(1_000);
    expect(playRestTone).toHaveBeenCalledTimes(1);
    expect(vibrateRestOver).toHaveBeenCalledTimes(1);
    expect(showRestNotification).toHaveBeenCalledTimes(1);
  });

  it("while the page is in view: one tone and vibration, no notification", async () => {
    startRest(2_000);
    act(() => view.root.render(<RestTimer />));
    await wait(1_000);
    expect(clock()).toBe("Rest 0:01");
    expect(playRestTone).not.toHaveBeenCalled();
    await wait(20_000);
    expect(playRestTone).toHaveBeenCalledTimes(1);
    expect(vibrateRestOver).toHaveBeenCalledTimes(1);
    expect(showRestNotification).not.toHaveBeenCalled();
    expect(status()).toBe("Rest over: time for your next set");
  });

  it("says it again after more rest is added", async () => {
    startRest(1_000);
    act(() => view.root.render(<RestTimer />));
    await wait(2_000);
    expect(playRestTone).toHaveBeenCalledTimes(1);
    act(() => view.host.querySelector<HTMLButtonElement>("button")!.click());
    expect(status()).toBe("");
    await wait(28_000);
    expect(playRestTone).toHaveBeenCalledTimes(1);
    await wait(2_000);
    expect(playRestTone).toHaveBeenCalledTimes(2);
  });
});
