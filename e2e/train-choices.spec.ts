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
