import { afterEach, describe, expect, it } from "vitest";
import { chooseLanguage } from "../../i18n";
import { formatChartValue } from "./chart-format";

afterEach(async () => {
  await chooseLanguage("en");
  localStorage.clear();
});

describe("Diagnostics figures", () => {
  it("write fewer decimals the larger the value, with the unit, in English", () => {
    expect(formatChartValue(1234.4, "ms")).toMatch(/^1,234\sms$/);
    expect(formatChartValue(45.64, "ms")).toMatch(/^45\.6\sms$/);
    expect(formatChartValue(0.123, "none")).toBe("0.12");
    expect(formatChartValue(83.3, "percent")).toBe("83.3%");
    expect(formatChartValue(12, "requestsPerSecond")).toBe("12 req/s");
  });

  it("follow the language on screen: German decimal commas and words", async () => {
    await chooseLanguage("de");
    expect(formatChartValue(45.64, "ms")).toMatch(/^45,6\sms$/);
    expect(formatChartValue(312.5, "MB")).toMatch(/^313\sMB$/);
    expect(formatChartValue(2.5, "requestsPerSecond")).toBe("2,5 Anfr./s");
  });
});
