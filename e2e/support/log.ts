import { expect, type Page } from "@playwright/test";

/** The Log page's card for the barbell squat. */
export const squat = (page: Page) => page.getByRole("article", { name: "Barbell Full Squat" });
/** The sync status in the top bar. */
export const syncStatus = (page: Page) => page.getByRole("status", { name: "Sync" });

/** Logs one squat set on the Log page and waits until the page says it is saved. */
export async function logSet(page: Page, weightKg: string, reps: string) {
  await squat(page).getByLabel("Weight (kg)").fill(weightKg);
  await squat(page).getByLabel("Reps").fill(reps);
  await squat(page).getByRole("button", { name: "Save set" }).click();
  await expect(page.getByRole("status", { name: "Save status" })).toContainText(
    `${reps} reps at ${weightKg} kg`,
  );
}

/** Syncs now and waits until nothing is pending and the last sync succeeded. */
export async function syncUntilClean(page: Page) {
  await syncStatus(page).getByRole("button", { name: "Sync now" }).click();
  await expect(syncStatus(page)).toHaveAttribute("data-state", "idle");
  await expect(syncStatus(page)).toHaveAttribute("data-pending", "0");
}
