import { describe, expect, it } from "vitest";
import { CameraError, toCameraError } from "./camera";

describe("toCameraError", () => {
  it.each([
    ["NotAllowedError", "denied", /denied/],
    ["NotFoundError", "no-camera", /No camera/],
    ["NotReadableError", "busy", /in use/],
    ["TypeError", "failed", /could not start/],
  ] as const)("explains %s", (name, code, message) => {
    const error = toCameraError(new DOMException("x", name));
    expect(error).toBeInstanceOf(CameraError);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
