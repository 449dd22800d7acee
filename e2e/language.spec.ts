import { expect, test, type Page } from "@playwright/test";

const tabs = (page: Page) => page.locator("nav.tabs");
const topLinks = (page: Page) => page.locator("nav.toplinks");
const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
// The picker is found by its place, not its words: they change with the language.
const picker = (page: Page) => page.locator(".language-picker select");

const ENGLISH_TABS = ["Train", "Analyze", "Log", "Plan", "Nutrition"];
const GERMAN_TABS = ["Training", "Analyse", "Protokoll", "Plan", "Ernährung"];
const GERMAN_DAY = /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. \p{L}+ \d{4}$/u;

test("switched to Deutsch, the app reads and formats German, keeps it after a reload, and switches back", async ({
  page,
}) => {
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  await expect(tabs(page).getByRole("link")).toHaveText(ENGLISH_TABS.map((t) => new RegExp(t)));
  expect(await lang(page)).toBe("en");

  await picker(page).selectOption("de");
  await expect(page.getByRole("heading", { name: "Profil", level: 1 })).toBeVisible();
  await expect(tabs(page).getByRole("link")).toHaveText(GERMAN_TABS.map((t) => new RegExp(t)));
  await expect(topLinks(page).getByRole("link")).toHaveText([/Bibliothek/, /Profil/]);
  await expect(page.getByRole("navigation", { name: "Hauptmenü" })).toBeVisible();
  expect(await lang(page)).toBe("de");
  await expect(page.getByRole("button", { name: "Profil speichern" })).toBeVisible();

  // A set typed with a decimal comma, shown back in German, and the day it was done in German.
  await tabs(page)
    .getByRole("link", { name: /Protokoll/ })
    .click();
  await expect(page.getByRole("heading", { name: "Trainingsprotokoll", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Training starten" }).click();
  await page.getByRole("searchbox", { name: "Übung zum Hinzufügen suchen" }).fill("barbell full squat");
  await page.getByRole("button", { name: "Barbell Full Squat", exact: true }).click();
  const squat = page.getByRole("article", { name: "Barbell Full Squat" });
  await squat.getByLabel("Gewicht (kg)").fill("82,5");
  await squat.getByLabel("Wdh.").fill("5");
  await squat.getByRole("button", { name: "Satz speichern" }).click();
  await expect(page.getByRole("status", { name: "Speicherstatus" })).toHaveText(
    "Gespeichert: Barbell Full Squat, 5 Wiederholungen mit 82,5 kg",
  );
  await expect(squat.locator(".set-line").first()).toContainText("5 × 82,5 kg");
  await page.getByRole("button", { name: "Training beenden" }).click();
  const history = page.getByRole("region", { name: "Verlauf" });
  await expect(history.getByRole("heading", { level: 3 })).toHaveText(GERMAN_DAY);
  await expect(history.locator("summary")).toContainText(/Training um \d{2}:\d{2} · 1 Satz$/);

  // The choice is kept on this device.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Trainingsprotokoll", level: 1 })).toBeVisible();
  await expect(tabs(page).getByRole("link")).toHaveText(GERMAN_TABS.map((t) => new RegExp(t)));
  expect(await lang(page)).toBe("de");
  await expect(page.getByRole("region", { name: "Persönliche Bestleistungen" })).toContainText("82,5 kg");

  // And back.
  await topLinks(page)
    .getByRole("link", { name: /Profil/ })
    .click();
  await expect(picker(page)).toHaveValue("de");
  await picker(page).selectOption("en");
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  await expect(tabs(page).getByRole("link")).toHaveText(ENGLISH_TABS.map((t) => new RegExp(t)));
  expect(await lang(page)).toBe("en");
  await tabs(page).getByRole("link", { name: /Log/ }).click();
  await expect(page.getByRole("region", { name: "Personal records" })).toContainText("82.5 kg");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Workout log", level: 1 })).toBeVisible();
  expect(await lang(page)).toBe("en");
});
