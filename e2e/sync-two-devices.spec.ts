import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { logSet, squat, syncStatus, syncUntilClean } from "./support/log";
import { addPasskeyAuthenticator } from "./support/passkey";

async function setLines(page: Page): Promise<string[]> {
  return (await squat(page).getByRole("listitem").allTextContents()).map((t) =>
    t.replace(/Edit|Delete/g, ""),
  );
}

async function newDevice(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("two devices of one user, one offline while both edit, converge to the same log", async ({
  browser,
}) => {
  // Device A trains before having an account; signing up later uploads what is there.
  const a = await newDevice(browser);
  await addPasskeyAuthenticator(a.page);
  await a.page.goto("/log");
  await a.page.getByRole("button", { name: "Start workout" }).click();
  await a.page.getByRole("searchbox", { name: "Find an exercise to add" }).fill("barbell full squat");
  await a.page.getByRole("button", { name: "Barbell Full Squat" }).click();
  await logSet(a.page, "100", "5");

  await a.page.getByRole("link", { name: "Profile" }).click();
  const username = `pair-${Date.now() % 1_000_000}`;
  await a.page.getByRole("region", { name: "Account" }).getByLabel("Username").first().fill(username);
  await a.page.getByRole("button", { name: "Create account with a passkey" }).click();
  const code = (await a.page.getByLabel("Recovery code value").textContent())?.trim() ?? "";
  await a.page.getByRole("button", { name: "I have stored it" }).click();
  await a.page.getByRole("link", { name: "Log" }).click();
  await syncUntilClean(a.page);

  // Device B signs in with the recovery code and gets A's log.
  const b = await newDevice(browser);
  await b.page.goto("/profile");
  const recover = b.page.getByRole("region", { name: "Account" }).locator("details");
  await recover.getByText("Sign in with a recovery code").click();
  await recover.getByLabel("Username").fill(username);
  await recover.getByLabel("Recovery code").fill(code);
  await recover.getByRole("button", { name: "Sign in with recovery code" }).click();
  await expect(b.page.getByRole("region", { name: "Account" })).toContainText(`Signed in as ${username}`);
  await b.page.getByRole("button", { name: "I have stored it" }).click();
  await b.page.getByRole("link", { name: "Log" }).click();
  await expect(squat(b.page).getByRole("listitem")).toHaveCount(1);

  // B loses the network; both keep editing.
  await b.context.route("**/api/**", (route) => route.abort("internetdisconnected"));
  await squat(b.page).getByRole("listitem").first().getByRole("button", { name: "Edit" }).click();
  await squat(b.page).getByRole("form", { name: "Edit set" }).getByLabel("Reps").fill("6");
  await squat(b.page).getByRole("button", { name: "Save", exact: true }).click();
  await expect(b.page.getByRole("status", { name: "Save status" })).toContainText("6 reps at 100 kg");
  await logSet(b.page, "90", "8");
  await logSet(a.page, "110", "3");
  await syncUntilClean(a.page);
  await syncStatus(b.page).getByRole("button", { name: "Sync now" }).click();
  await expect(syncStatus(b.page)).toHaveAttribute("data-state", "offline");
  await expect(syncStatus(b.page)).toContainText("2 changes waiting to sync");

  // The network returns: the online event starts B's sync by itself.
  await b.context.unroute("**/api/**");
  await b.page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(syncStatus(b.page)).toHaveAttribute("data-pending", "0");
  await expect(syncStatus(b.page)).toHaveAttribute("data-state", "idle");
  await syncUntilClean(a.page);
  await syncUntilClean(b.page);

  const expected = [/^6 × 100 kg/, /^8 × 90 kg|^3 × 110 kg/, /^8 × 90 kg|^3 × 110 kg/];
  await expect(squat(a.page).getByRole("listitem")).toHaveText(expected);
  expect(await setLines(b.page)).toEqual(await setLines(a.page));
  await a.context.close();
  await b.context.close();
});
