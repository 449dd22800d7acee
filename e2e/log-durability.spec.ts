import { expect, test, type Page } from "@playwright/test";

async function logSet(page: Page, exercise: string, weightKg: string, reps: string) {
  const block = page.getByRole("article", { name: exercise });
  await block.getByLabel("Weight (kg)").fill(weightKg);
  await block.getByLabel("Reps").fill(reps);
  await block.getByLabel("RPE").fill("8");
  await block.getByRole("button", { name: "Save set" }).click();
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText(
    `Saved: ${exercise}, ${reps} reps at ${weightKg} kg`,
  );
}

test("sets the UI called saved survive the page closing right away", async ({ context }) => {
  const page = await context.newPage();
  await page.goto("/log");
  await page.getByRole("button", { name: "Start workout" }).click();
  await page.getByRole("searchbox", { name: "Find an exercise to add" }).fill("barbell full squat");
  await page.getByRole("button", { name: "Barbell Full Squat" }).click();
  await logSet(page, "Barbell Full Squat", "100", "5");
  await logSet(page, "Barbell Full Squat", "102.5", "4");
  await logSet(page, "Barbell Full Squat", "105", "3");
  // Closed the moment the last "Saved" appears: no chance for a late write to finish.
  await page.close();

  const again = await context.newPage();
  await again.goto("/log");
  const sets = again.getByRole("article", { name: "Barbell Full Squat" }).getByRole("listitem");
  await expect(sets).toHaveText([/^5 × 100 kg @ RPE 8/, /^4 × 102.5 kg @ RPE 8/, /^3 × 105 kg @ RPE 8/]);
  // The rest timer started by the last set is still running from its stored end time.
  await expect(again.getByRole("timer", { name: "Rest timer" })).toContainText(/Rest \d:\d\d/);
  const records = again.getByRole("region", { name: "Personal records" });
  await expect(records.getByRole("row", { name: /Barbell Full Squat/ })).toContainText("105 kg");
});

test("a full disk is reported in words and nothing half-saved is left behind", async ({ page }) => {
  await page.goto("/log");
  await page.getByRole("button", { name: "Start workout" }).click();
  await page.getByRole("searchbox", { name: "Find an exercise to add" }).fill("barbell full squat");
  await page.getByRole("button", { name: "Barbell Full Squat" }).click();
  // The browser refuses to store the set, as it does when the origin's quota is used up.
  await page.evaluate(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
      if (this.name === "sets") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return add.apply(this, args);
    };
  });
  const block = page.getByRole("article", { name: "Barbell Full Squat" });
  await block.getByLabel("Weight (kg)").fill("100");
  await block.getByLabel("Reps").fill("5");
  await block.getByRole("button", { name: "Save set" }).click();
  await expect(block.getByRole("alert")).toContainText("out of storage space");
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Today's workout" })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Sync" })).toHaveAttribute("data-pending", "1");
});
