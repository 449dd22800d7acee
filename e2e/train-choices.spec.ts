import { expect, test } from "@playwright/test";

test("Train keeps the chosen exercise and resolution after a reload", async ({ page }) => {
  await page.goto("/train");
  const exercise = page.getByLabel("Exercise");
  const resolution = page.getByLabel("Resolution");
  await exercise.selectOption({ label: "Push-up" });
  await resolution.selectOption("720p");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Train", level: 1 })).toBeVisible();
  await expect(exercise.locator("option:checked")).toHaveText("Push-up");
  await expect(resolution).toHaveValue("720p");
});

test("Train in German: the page, its choices and the model's status speak the chosen language", async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem("spotter.language", "de"));
  await page.goto("/train?exercise=squat");
  await expect(page.getByRole("heading", { name: "Training", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Übung").locator("option:checked")).toHaveText("Kniebeuge");
  await expect(page.getByLabel("Countdown").locator("option", { hasText: "Aus" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Start" })).toBeEnabled();
  await expect(page.getByText("Stell dich so hin, dass die Kamera deinen ganzen Körper sieht")).toBeVisible();
  await expect(page.locator("[data-pose-status]")).toContainText(/Posen|Modell|bereit/);
});
