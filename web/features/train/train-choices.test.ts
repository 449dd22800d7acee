import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_TRAIN_CHOICES,
  readTrainChoices,
  saveTrainChoices,
  type TrainChoices,
} from "./train-choices";

const KEY = "spotter:train-choices";

const chosen: TrainChoices = {
  exercise: "push_up",
  cameraId: "back-camera-id",
  resolution: "720p",
  model: "full",
  soundOn: true,
  countdownS: 10,
};

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe("Train choices", () => {
  it("are the defaults on a first visit", () => {
    expect(readTrainChoices("")).toEqual(DEFAULT_TRAIN_CHOICES);
  });

  it("come back as they were saved", () => {
    saveTrainChoices({ ...chosen, delegate: "GPU" } as TrainChoices);
    expect(readTrainChoices("")).toEqual(chosen);
  });

  it("let a link's exercise win over the saved one, but not an unknown one", () => {
    saveTrainChoices(chosen);
    expect(readTrainChoices("?exercise=squat")).toEqual({ ...chosen, exercise: "squat" });
    expect(readTrainChoices("?exercise=moonwalk")).toEqual(chosen);
  });

  it("replace only the values that are no longer valid", () => {
    localStorage.setItem(KEY, JSON.stringify({ ...chosen, exercise: "moonwalk", resolution: 4 }));
    expect(readTrainChoices("")).toEqual({ ...chosen, exercise: "auto", resolution: "480p" });
  });

  it.each(["{not json", "[1,2]", '"squat"', "null"])("fall back to the defaults for %s", (raw) => {
    localStorage.setItem(KEY, raw);
    expect(readTrainChoices("")).toEqual(DEFAULT_TRAIN_CHOICES);
  });

  it("survive storage the browser refuses", () => {
    vi.spyOn(localStorage, "getItem").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    vi.spyOn(localStorage, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(() => saveTrainChoices(chosen)).not.toThrow();
    expect(readTrainChoices("")).toEqual(DEFAULT_TRAIN_CHOICES);
  });
});
