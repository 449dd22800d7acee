import { afterEach, describe, expect, it } from "vitest";
import { chooseLanguage, i18n, languageChoice, systemLanguage } from "./index";
import { formatDecimal, formatWeight } from "./format";

afterEach(async () => {
  await chooseLanguage("en");
  localStorage.clear();
});

describe("language", () => {
  it("follows the first supported system language", () => {
    expect(systemLanguage(["fr-FR", "de-AT", "en"])).toBe("de");
    expect(systemLanguage(["fr", "es"])).toBe("en");
  });

  it("remembers a chosen language, shows its words and formats numbers in it", async () => {
    await chooseLanguage("de");
    expect(languageChoice()).toBe("de");
    expect(document.documentElement.lang).toBe("de");
    expect(i18n.t("language.label")).toBe("Sprache");
    expect(formatDecimal(82.5)).toBe("82,5");
    expect(formatWeight(100, "kg")).toMatch(/^100\skg$/);
    await chooseLanguage("system");
    expect(languageChoice()).toBe("system");
  });
});

describe("errorMessage", () => {
  it("words known errors in the language on screen and keeps the server's own English words", async () => {
    const { errorMessage } = await import("./errors");
    const { ApiRequestError } = await import("../api/errors");
    const { LocalWriteError } = await import("../db/errors");
    const full = new LocalWriteError("storage_full", "x");
    const limited = new ApiRequestError("rate_limited", "Slow down: 30 pushes a minute.", 429);
    expect(errorMessage(full)).toMatch(/out of storage space/);
    expect(errorMessage(limited)).toBe("Slow down: 30 pushes a minute.");
    await chooseLanguage("de");
    expect(errorMessage(full)).toMatch(/kein Speicherplatz/);
    expect(errorMessage(limited)).toMatch(/Zu viele Anfragen/);
    expect(errorMessage(new ApiRequestError("network", "Could not reach the server (x).", 0))).toMatch(
      /nicht erreichbar/,
    );
  });
});
