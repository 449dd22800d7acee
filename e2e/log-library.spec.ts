import { expect, test } from "@playwright/test";

test("the exercise library loads as its own chunk, filters, links to coaching, and works offline", async ({
  page,
  context,
  request,
}) => {
  // The shell (entry script and what it preloads) must not carry the dataset.
  const html = await (await request.get("/")).text();
  const shellScripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(shellScripts.length).toBeGreaterThan(0);
  for (const src of shellScripts) {
    expect(await (await request.get(src)).text()).not.toContain("Barbell_Full_Squat");
  }

  await page.goto("/library");
  await expect(page.getByRole("status").filter({ hasText: "Ready to work offline" })).toBeVisible({
    timeout: 90_000,
  });
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  await page.reload();

  await expect(page.getByText(/^\d+ of \d{3,} exercises/)).toBeVisible();
  await page.getByRole("combobox", { name: "Muscle" }).selectOption("quadriceps");
  await page.getByRole("combobox", { name: "Equipment" }).selectOption("barbell");
  await page.getByRole("searchbox", { name: "Search exercises" }).fill("squat");
  const cards = page.getByRole("listitem").filter({ has: page.getByRole("button") });
  await expect(cards.first()).toBeVisible();
  for (const facts of await page.locator(".exercise-facts").allTextContents()) {
    expect(facts).toContain("barbell");
    expect(facts).toContain("quadriceps");
  }
  const fullSquat = page.locator('[data-exercise-id="Barbell_Full_Squat"]');
  await fullSquat.getByRole("button", { name: "Barbell Full Squat" }).click();
  await expect(fullSquat.getByRole("img", { name: /Muscles worked/ })).toBeVisible();
  await fullSquat.getByRole("link", { name: "Coach" }).click();
  await expect(page).toHaveURL(/\/train\?exercise=squat$/);
});
