import { expect, test } from "@playwright/test";

test("the app opens on Train; tabs for training, Library and Profile one tap away, Diagnostics in Profile", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/train$/);
  const tabs = page.getByRole("navigation", { name: "Main" });
  await expect(tabs.getByRole("link")).toHaveText(
    ["Train", "Analyze", "Log", "Plan", "Nutrition"].map((t) => new RegExp(t)),
  );
  const top = page.getByRole("navigation", { name: "Library and profile" });
  for (const [nav, label] of [
    ...["Train", "Analyze", "Log", "Plan", "Nutrition"].map((l) => [tabs, l] as const),
    [top, "Library"] as const,
    [top, "Profile"] as const,
  ]) {
    await nav.getByRole("link", { name: label }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/${label.toLowerCase()}$`));
  }
  await page.getByRole("link", { name: "Diagnostics" }).click();
  await expect(page).toHaveURL(/\/performance$/);
  await expect(page.getByRole("heading", { name: "Diagnostics", level: 1 })).toBeVisible();
  await expect(top.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
});

test("the app is installable: manifest with icons, and a service worker", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    icons: { sizes: string }[];
    display: string;
  };
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as unknown as { src: string }[]) {
    expect((await request.get(icon.src)).ok()).toBe(true);
  }
  await expect(page.getByRole("status").filter({ hasText: "Ready to work offline" })).toBeVisible({
    timeout: 60_000,
  });
});

test("the same origin serves the API and the page with a strict policy", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  const page = await request.get("/train");
  expect(page.ok()).toBe(true);
  const csp = page.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(page.headers()["permissions-policy"]).toContain("camera=(self)");
});

// What the page showed, in order, from before its first script: "Loading" placeholder or Train.
const RECORD_FIRST_CONTENT = `
  window.__shown = [];
  new MutationObserver(() => {
    const root = document.getElementById("root");
    if (!root) return;
    const now = root.querySelector("h1")?.textContent === "Train" ? "train" : root.textContent.includes("Loading…") ? "loading" : null;
    if (now && window.__shown.at(-1) !== now) window.__shown.push(now);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;
const shown = () => (window as unknown as { __shown: string[] }).__shown;

test("started again on Train, the first thing shown is the Train page, never a Loading placeholder", async ({
  page,
}) => {
  await page.addInitScript(RECORD_FIRST_CONTENT);
  await page.goto("/");
  await page.getByRole("status").filter({ hasText: "Ready to work offline" }).waitFor({ timeout: 90_000 });
  // Started again, as on any later day: the page comes from the service worker.
  await page.reload();
  await expect(page.getByRole("button", { name: "Start" })).toBeEnabled();
  expect(await page.evaluate(shown)).toEqual(["train"]);
});

test("a Train page whose code is slow to come still shows the app at once, then Train when it arrives", async ({
  browser,
  baseURL,
}) => {
  // No service worker, so the test holds the page's code itself.
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  try {
    await context.addInitScript(RECORD_FIRST_CONTENT);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route("**/assets/TrainPage-*.js", async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto("/train");
    // The shell and its tabs are there while Train's code is held.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByText("Loading…")).toBeVisible();
    release();
    await expect(page.getByRole("button", { name: "Start" })).toBeEnabled();
    expect(await page.evaluate(shown)).toEqual(["loading", "train"]);
  } finally {
    await context.close();
  }
});
