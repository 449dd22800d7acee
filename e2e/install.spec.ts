import { expect, test, type Page } from "@playwright/test";

// Headless Chromium never offers installation itself, so the page is handed the event Chromium
// would fire: a `beforeinstallprompt` built in the page, whose prompt() records that it was called.
// Everything after it (the app's offer, the button, the browser's `appinstalled`) is the real app.
async function browserOffersInstall(page: Page, outcome: "accepted" | "dismissed" = "accepted") {
  await page.evaluate((choice) => {
    const w = window as unknown as { installPrompts?: number; keptByApp?: boolean };
    w.installPrompts ??= 0;
    const event = new Event("beforeinstallprompt", { cancelable: true });
    Object.assign(event, {
      prompt: () => {
        w.installPrompts = (w.installPrompts ?? 0) + 1;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: choice, platform: "web" }),
    });
    window.dispatchEvent(event);
    w.keptByApp = event.defaultPrevented;
  }, outcome);
}

const prompts = (page: Page) =>
  page.evaluate(() => (window as unknown as { installPrompts: number }).installPrompts);
const offer = (page: Page) => page.getByRole("complementary", { name: "Install the app" });

test.beforeEach(async ({ page }) => {
  await page.goto("/log");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("where the browser offers installation, the app offers it and Install opens the browser's dialog", async ({
  page,
}) => {
  await expect(offer(page)).toHaveCount(0);
  await browserOffersInstall(page);
  await expect(offer(page)).toBeVisible();
  await expect(offer(page)).toContainText("Install Spotter to train offline");
  // The app keeps the browser's own mini-bar away, to offer it in its own words.
  expect(await page.evaluate(() => (window as unknown as { keptByApp: boolean }).keptByApp)).toBe(true);

  await offer(page).getByRole("button", { name: "Install" }).click();
  await expect.poll(() => prompts(page)).toBe(1);
  // An offer is used once: it goes, and the installed app is announced by the browser next.
  await expect(offer(page)).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
  await expect(offer(page)).toHaveCount(0);
});

test("installed from the browser's own menu: the offer goes away", async ({ page }) => {
  await browserOffersInstall(page);
  await expect(offer(page)).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
  await expect(offer(page)).toHaveCount(0);
  expect(await prompts(page)).toBe(0);
});

test("Not now hides the offer, also after a reload", async ({ page }) => {
  await browserOffersInstall(page);
  await offer(page).getByRole("button", { name: "Not now" }).click();
  await expect(offer(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await browserOffersInstall(page);
  await expect(offer(page)).toHaveCount(0);
  expect(await prompts(page)).toBe(0);
});

test.describe("Safari on iPhone", () => {
  test.use({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
  });

  test("has no install prompt, so the app says how: Share, then Add to Home Screen", async ({ page }) => {
    await expect(offer(page)).toBeVisible();
    await expect(offer(page)).toContainText("Add to Home Screen");
    await expect(offer(page).getByRole("button", { name: "Install" })).toHaveCount(0);
  });
});

test.describe("Chrome on iPhone", () => {
  test.use({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.119 Mobile/15E148 Safari/604.1",
  });

  test("gets no Safari hint (only Safari can add to the home screen there)", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(offer(page)).toHaveCount(0);
  });
});
