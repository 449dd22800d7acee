import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ean13Y4m } from "../scripts/nutrition/ean13";
import { launchWithFakeCamera } from "./support/fake-camera";
import { addPasskeyAuthenticator } from "./support/passkey";

const meal = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const dayEnergy = (page: Page) => page.getByTestId("total-energyKcal");

/** Searches in a meal's add panel and picks the first result, which must be `expected`. */
async function pickFirst(page: Page, mealName: string, query: string, expected: string) {
  await meal(page, mealName)
    .getByRole("button", { name: `Add food to ${mealName}` })
    .click();
  await meal(page, mealName).getByRole("searchbox", { name: "Search foods" }).fill(query);
  const first = meal(page, mealName).getByRole("list", { name: "Food results" }).getByRole("button").first();
  await expect(first).toContainText(expected);
  await first.click();
}

test("log foods from the offline database, see totals against targets, find it all again offline", async ({
  page,
  context,
}) => {
  await page.goto("/nutrition");
  await expect(page.getByTestId("food-index-status")).toHaveAttribute("data-ready", "true", {
    timeout: 60_000,
  });
  await expect(page.getByTestId("food-index-status")).toContainText("8,790 foods ready offline");
  await expect(page.getByText(/USDA National Nutrient Database for Standard Reference/)).toBeVisible();

  // Targets by hand.
  const targets = page.getByRole("form", { name: "Targets" });
  await targets.getByRole("combobox", { name: /^Energy/ }).selectOption("manual");
  await targets.getByRole("combobox", { name: /^Protein, carbohydrate, fat/ }).selectOption("manual");
  await targets.getByLabel("Energy (kcal)").fill("2200");
  await targets.getByLabel("Protein (g)").fill("150");
  await targets.getByLabel("Carbohydrate (g)").fill("220");
  await targets.getByLabel("Fat (g)").fill("70");
  await targets.getByRole("button", { name: "Save targets" }).click();
  await expect(dayEnergy(page)).toContainText("0 / 2,200 kcal");

  // Breakfast: two large eggs by household portion (USDA: 143 kcal per 100 g, 1 large = 50 g).
  await pickFirst(page, "Breakfast", "eggs", "Egg, whole, raw, fresh");
  await meal(page, "Breakfast").getByLabel("Unit").selectOption({ label: "1 large (50 g)" });
  await meal(page, "Breakfast").getByLabel("Amount").fill("2");
  await meal(page, "Breakfast").getByRole("button", { name: "Add to Breakfast" }).click();
  await meal(page, "Breakfast").getByRole("button", { name: "Done" }).click();
  await expect(meal(page, "Breakfast").getByRole("listitem")).toContainText(["2 × 1 large (100 g)"]);

  // Lunch: 120 g of banana, typed with a typo (USDA: 89 kcal per 100 g).
  await pickFirst(page, "Lunch", "bananna", "Bananas, raw");
  await meal(page, "Lunch").getByLabel("Amount").fill("120");
  await meal(page, "Lunch").getByRole("button", { name: "Add to Lunch" }).click();
  await meal(page, "Lunch").getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("meal-kcal-lunch")).toHaveText("107 kcal");
  await expect(dayEnergy(page)).toContainText("250 / 2,200 kcal");
  await expect(page.getByTestId("total-proteinG")).toContainText("14 / 150 g");

  // A food of one's own, created from an unknown barcode (typed: no camera here).
  const barcode = page.getByRole("region", { name: "Barcode" });
  await barcode.getByLabel("Barcode number").fill("4006381333931");
  await barcode.getByRole("button", { name: "Find" }).click();
  await expect(barcode.getByRole("status")).toContainText("No food of yours has barcode 4006381333931");
  await barcode.getByRole("button", { name: "Create it" }).click();
  const form = barcode.getByRole("form", { name: "New food" });
  await form.getByLabel("Name", { exact: true }).fill("Oat protein bar");
  await form.getByLabel("Portion weight (g)").fill("60");
  await form.getByLabel("Energy (kcal)").fill("350");
  await form.getByLabel("Protein (g)").fill("33");
  await form.getByLabel("Carbohydrate (g)").fill("40");
  await form.getByLabel("Fat (g)").fill("9");
  await form.getByRole("button", { name: "Save food" }).click();
  await expect(barcode.getByRole("status")).toContainText("Found “Oat protein bar”");
  const found = page.getByRole("group", { name: "Add the found food" });
  await found.getByLabel("Unit").selectOption({ label: "1 serving (60 g)" });
  await found.getByLabel("Amount").fill("1");
  await found.getByRole("button", { name: "Add to Snacks" }).click();
  await expect(page.getByTestId("meal-kcal-snacks")).toHaveText("210 kcal");
  await expect(dayEnergy(page)).toContainText("460 / 2,200 kcal");

  // Edit an amount: one egg instead of two.
  await meal(page, "Breakfast").getByRole("button", { name: "Edit Egg, whole, raw, fresh" }).click();
  await meal(page, "Breakfast").getByLabel("Amount").fill("1");
  await meal(page, "Breakfast").getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("meal-kcal-breakfast")).toHaveText("72 kcal");

  // Lunch saved as a recipe of two servings, found again by name as one's own food.
  await meal(page, "Lunch").getByRole("button", { name: "Save as recipe" }).click();
  const recipe = meal(page, "Lunch").getByRole("form", { name: "Save Lunch as a recipe" });
  await recipe.getByLabel("Recipe name").fill("Banana snack");
  await recipe.getByLabel("Servings").fill("2");
  await recipe.getByRole("button", { name: "Save recipe" }).click();
  await expect(meal(page, "Lunch").getByRole("status")).toContainText(
    "Saved recipe “Banana snack”: 60 g a serving.",
  );

  // Offline: the service worker holds the shell and the food index.
  await expect(page.getByRole("status").filter({ hasText: "Ready to work offline" })).toBeVisible({
    timeout: 90_000,
  });
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open("spotter-food-index")).keys()).length))
    .toBe(1);
  // The index's name carries its content hash, so it is served to be kept forever.
  const indexUrl = await page.evaluate(
    async () => (await (await caches.open("spotter-food-index")).keys())[0]?.url ?? "",
  );
  expect(indexUrl).toMatch(/\/nutrition\/foods-v1\.[0-9a-f]{12}\.json$/);
  expect((await page.request.get(indexUrl)).headers()["cache-control"]).toContain("immutable");
  await context.route("**/*", (route) => route.abort("internetdisconnected"));
  await page.reload();

  await expect(meal(page, "Breakfast").getByRole("listitem")).toContainText(["1 × 1 large (50 g)"]);
  await expect(meal(page, "Lunch").getByRole("listitem")).toContainText(["Bananas, raw"]);
  await expect(meal(page, "Snacks").getByRole("listitem")).toContainText(["Oat protein bar"]);
  await expect(dayEnergy(page)).toContainText("388 / 2,200 kcal");
  await expect(page.getByTestId("food-index-status")).toHaveAttribute("data-ready", "true");
  await pickFirst(page, "Dinner", "brocoli", "Broccoli, raw");
  await meal(page, "Dinner").getByRole("button", { name: "Cancel" }).click();
  await meal(page, "Dinner").getByRole("searchbox", { name: "Search foods" }).fill("protein oat");
  await expect(
    meal(page, "Dinner").getByRole("list", { name: "Food results" }).getByRole("button").first(),
  ).toContainText("Oat protein bar");
  await meal(page, "Dinner").getByRole("searchbox", { name: "Search foods" }).fill("banana snack");
  await meal(page, "Dinner").getByRole("list", { name: "Food results" }).getByRole("button").first().click();
  await meal(page, "Dinner").getByLabel("Unit").selectOption({ label: "1 serving (60 g)" });
  await meal(page, "Dinner").getByLabel("Amount").fill("1");
  await meal(page, "Dinner").getByRole("button", { name: "Add to Dinner" }).click();
  await expect(page.getByTestId("meal-kcal-dinner")).toHaveText("53 kcal");
  await barcode.getByLabel("Barcode number").fill("4006381333931");
  await barcode.getByRole("button", { name: "Find" }).click();
  await expect(barcode.getByRole("status")).toContainText("Found “Oat protein bar”");

  // Intake and body weight over 90 days.
  await page.getByRole("form", { name: "Body weight" }).getByLabel("Body weight (kg)").fill("81.5");
  await page.getByRole("button", { name: "Log weight" }).click();
  await expect(page.getByRole("form", { name: "Body weight" })).toContainText("Logged 81.5 kg.");
  await page.getByLabel("Trend over").selectOption("90");
  await expect(page.getByTestId("week-trend")).toHaveAttribute("data-days", "90");

  // Delete an entry.
  await meal(page, "Lunch").getByRole("button", { name: "Delete Bananas, raw" }).click();
  await expect(meal(page, "Lunch").getByRole("listitem")).toHaveCount(0);
});

const syncStatus = (page: Page) => page.getByRole("status", { name: "Sync" });

/** Syncs now and waits until nothing is pending and the last sync succeeded. */
async function syncUntilClean(page: Page) {
  await syncStatus(page).getByRole("button", { name: "Sync now" }).click();
  await expect(syncStatus(page)).toHaveAttribute("data-state", "idle");
  await expect(syncStatus(page)).toHaveAttribute("data-pending", "0");
}

test("the meal log and custom foods sync to a second device; bad nutrition input gets a 400 naming the field", async ({
  browser,
}) => {
  const a = await browser.newContext();
  const pageA = await a.newPage();
  await addPasskeyAuthenticator(pageA);
  await pageA.goto("/profile");
  const username = `meals-${Date.now() % 1_000_000}`;
  await pageA.getByRole("region", { name: "Account" }).getByLabel("Username").first().fill(username);
  await pageA.getByRole("button", { name: "Create account with a passkey" }).click();
  const code = (await pageA.getByLabel("Recovery code value").textContent())?.trim() ?? "";
  await pageA.getByRole("button", { name: "I have stored it" }).click();

  await pageA.getByRole("link", { name: "Nutrition" }).click();
  await expect(pageA.getByTestId("food-index-status")).toHaveAttribute("data-ready", "true", {
    timeout: 60_000,
  });
  await pickFirst(pageA, "Dinner", "salmon raw", "Salmon");
  await meal(pageA, "Dinner").getByLabel("Amount").fill("150");
  await meal(pageA, "Dinner").getByRole("button", { name: "Add to Dinner" }).click();
  // The total updates once the entry is stored: wait for it rather than read it at once.
  await expect(pageA.getByTestId("meal-kcal-dinner")).not.toHaveText("0 kcal");
  const dinnerKcal = await pageA.getByTestId("meal-kcal-dinner").textContent();
  await pageA.getByRole("button", { name: "New food", exact: true }).click();
  const form = pageA.getByRole("form", { name: "New food" });
  await form.getByLabel("Name", { exact: true }).fill("Rye crispbread");
  await form.getByLabel("Barcode (optional)").fill("7300400481588");
  await form.getByLabel("Energy (kcal)").fill("334");
  await form.getByLabel("Protein (g)").fill("9");
  await form.getByLabel("Carbohydrate (g)").fill("58");
  await form.getByLabel("Fat (g)").fill("1.5");
  await form.getByRole("button", { name: "Save food" }).click();
  await expect(pageA.getByRole("status").filter({ hasText: "Saved “Rye crispbread”" })).toBeVisible();
  await syncUntilClean(pageA);

  // The API refuses impossible values with the field named, never a 5xx.
  const entry = {
    id: "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b",
    date: "2026-03-01",
    meal: "lunch",
    food: { source: "usda", ndb: "01123" },
    name: "Egg",
    grams: -50,
    portion: null,
    per100g: {
      energyKcal: 143,
      proteinG: 12,
      fatG: 9,
      carbG: 1,
      fiberG: null,
      sugarG: null,
      saturatedFatG: null,
      sodiumMg: null,
    },
    loggedAt: 1_772_000_000_000,
    updatedAt: 1_772_000_000_000,
  };
  const refused = await pageA.request.post("/api/sync/push", {
    data: {
      schemaVersion: 1,
      clientId: "0b6f7c1e-3c2a-4c1d-9f3e-2a1b0c9d8e7f",
      mutations: [{ id: 1, entity: "mealEntry", op: "put", key: entry.id, value: entry }],
    },
  });
  expect(refused.status()).toBe(400);
  const problem = (await refused.json()) as { error: { code: string; message: string } };
  expect(problem.error.code).toBe("validation_failed");
  expect(problem.error.message).toContain("grams");

  // Device B signs in with the recovery code and finds the same day and the same food.
  const b = await browser.newContext();
  const pageB = await b.newPage();
  await pageB.goto("/profile");
  const recover = pageB.getByRole("region", { name: "Account" }).locator("details");
  await recover.getByText("Sign in with a recovery code").click();
  await recover.getByLabel("Username").fill(username);
  await recover.getByLabel("Recovery code").fill(code);
  await recover.getByRole("button", { name: "Sign in with recovery code" }).click();
  await expect(pageB.getByRole("region", { name: "Account" })).toContainText(`Signed in as ${username}`);
  await pageB.getByRole("button", { name: "I have stored it" }).click();
  await pageB.getByRole("link", { name: "Nutrition" }).click();
  await syncUntilClean(pageB);
  await expect(meal(pageB, "Dinner").getByRole("listitem")).toContainText([/Salmon/]);
  await expect(pageB.getByTestId("meal-kcal-dinner")).toHaveText(dinnerKcal ?? "");
  const barcode = pageB.getByRole("region", { name: "Barcode" });
  await barcode.getByLabel("Barcode number").fill("7300400481588");
  await barcode.getByRole("button", { name: "Find" }).click();
  await expect(barcode.getByRole("status")).toContainText("Found “Rye crispbread”");
  await a.close();
  await b.close();
});

test("a first-ever barcode scan works offline: the WebAssembly reader is kept on the Nutrition visit, where the browser has no BarcodeDetector", async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  // The camera films an EAN-13 symbol rendered here, bar by bar, from the code's digits.
  const clipPath = test.info().outputPath("ean13-4006381333931.y4m");
  writeFileSync(clipPath, ean13Y4m("4006381333931"));
  const browser = await launchWithFakeCamera(playwright, launchOptions, clipPath);
  const page = await browser.newPage({ baseURL });
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  // Said if the reader is not kept in time: why, in the page's own words.
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto("/nutrition");
  // Chromium on Linux has no native detector: this scan can only go through the fallback.
  expect(await page.evaluate(() => "BarcodeDetector" in globalThis)).toBe(false);

  await page.getByRole("button", { name: "New food", exact: true }).click();
  const form = page.getByRole("form", { name: "New food" });
  await form.getByLabel("Name", { exact: true }).fill("Oat protein bar");
  await form.getByLabel("Barcode (optional)").fill("4006381333931");
  await form.getByLabel("Energy (kcal)").fill("350");
  await form.getByLabel("Protein (g)").fill("33");
  await form.getByLabel("Carbohydrate (g)").fill("40");
  await form.getByLabel("Fat (g)").fill("9");
  await form.getByRole("button", { name: "Save food" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Oat protein bar”" })).toBeVisible();

  // No scan yet: the visit alone keeps the reader (in idle time), next to the shell the service
  // worker holds.
  await expect(page.getByRole("status").filter({ hasText: "Ready to work offline" })).toBeVisible({
    timeout: 90_000,
  });
  await expect
    .poll(
      () => page.evaluate(async () => (await (await caches.open("spotter-barcode-reader")).keys()).length),
      { message: `the barcode reader is kept (page warnings: ${warnings.join(" | ") || "none"})` },
    )
    .toBe(1);
  // The reader's WebAssembly came from this origin, never from the library's default CDN.
  const wasm = requested.filter((url) => url.endsWith(".wasm"));
  expect(wasm.length).toBeGreaterThan(0);
  for (const url of wasm)
    expect(url).toMatch(/^http:\/\/localhost:\d+\/nutrition\/barcode-reader\.[0-9a-f]{12}\.wasm$/);
  expect(requested.filter((url) => !url.startsWith(baseURL ?? ""))).toEqual([]);

  // Offline, after a reload: the first scan ever reads the code.
  await page.context().route("**/*", (route) => route.abort("internetdisconnected"));
  await page.reload();
  const barcode = page.getByRole("region", { name: "Barcode" });
  await barcode.getByRole("button", { name: "Scan" }).click();
  await expect(barcode.getByRole("status").filter({ hasText: "Found “Oat protein bar”" })).toBeVisible();
  await expect(barcode.getByLabel("Barcode number")).toHaveValue("4006381333931");
  await expect(barcode).toHaveAttribute("data-scan-reader", "zxing-wasm");
  // The camera is released once the code is read.
  await expect(barcode.locator("video")).toHaveCount(0);
  await browser.close();
});

test("the page in German: its words from the catalogue, numbers and lists through Intl", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("spotter.language", "de"));
  await page.goto("/nutrition");
  await expect(page.getByRole("heading", { name: "Ernährung", level: 1 })).toBeVisible();
  await expect(page.getByTestId("food-index-status")).toContainText("8.790 Lebensmittel offline bereit", {
    timeout: 60_000,
  });
  // Default targets: energy by hand until the profile has the facts the formula needs.
  await expect(dayEnergy(page)).toHaveText(/Energie\s*0 \/ 2\.000 kcal/);
  await expect(page.getByRole("form", { name: "Ziele" })).toContainText(
    "Trag auf der Profilseite dein Gewicht, deine Größe und dein Geburtsjahr ein",
  );
  // Food names are USDA's and stay English; the numbers around them are German.
  const breakfast = meal(page, "Frühstück");
  await breakfast.getByRole("button", { name: "Lebensmittel zu Frühstück hinzufügen" }).click();
  await breakfast.getByRole("searchbox", { name: "Lebensmittel suchen" }).fill("eggs");
  const first = breakfast.getByRole("list", { name: "Suchergebnisse" }).getByRole("button").first();
  await expect(first).toContainText("Egg, whole, raw, fresh");
  await expect(first).toContainText("143 kcal/100 g");
  await first.click();
  await breakfast.getByLabel("Menge").fill("1000");
  await breakfast.getByRole("button", { name: "Zu Frühstück hinzufügen" }).click();
  await expect(page.getByTestId("meal-kcal-breakfast")).toHaveText("1.430 kcal");
  await expect(breakfast.getByRole("listitem")).toContainText(["1.000 g"]);
});
