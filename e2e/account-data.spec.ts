import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { addPasskeyAuthenticator } from "./support/passkey";

test("the owner downloads everything, gets a new recovery code, then deletes the account", async ({
  page,
}) => {
  await addPasskeyAuthenticator(page);
  await page.goto("/profile");
  const account = page.getByRole("region", { name: "Account" });
  const username = `owner-${Date.now() % 1_000_000}`;
  await account.getByLabel("Username").first().fill(username);
  await account.getByRole("button", { name: "Create account with a passkey" }).click();
  const firstCode = (await page.getByLabel("Recovery code value").textContent())?.trim();
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(account).toContainText(`Signed in as ${username}`);

  // One passkey, listed by date, never by its id.
  const safety = account.getByRole("region", { name: "Passkeys and sign-in" });
  await expect(safety.getByRole("listitem")).toHaveCount(1);
  await expect(safety.getByRole("listitem")).toContainText("Passkey 1");

  await safety.getByRole("button", { name: "New recovery code" }).click();
  const nextCode = (await page.getByLabel("Recovery code value").textContent())?.trim();
  expect(nextCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
  expect(nextCode).not.toBe(firstCode);
  await page.getByRole("button", { name: "I have stored it" }).click();

  const data = account.getByRole("region", { name: "Your data" });
  const downloading = page.waitForEvent("download");
  await data.getByRole("button", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^spotter-export-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile((await download.path()) ?? "", "utf8")) as {
    format: string;
    account: { username: string };
    records: unknown[];
  };
  expect(file.format).toBe("spotter-account-export");
  expect(file.account.username).toBe(username);
  expect(Array.isArray(file.records)).toBe(true);

  await data.getByText("Delete my account").click();
  const remove = data.getByRole("button", { name: "Delete account and server data" });
  await expect(remove).toBeDisabled();
  await data.getByLabel(/Type your username/).fill(username);
  await remove.click();
  await expect(account).toContainText("all its data on Spotter's server are deleted");
  await expect(account.getByRole("button", { name: "Create account with a passkey" })).toBeVisible();
  // The name is free again: nothing of the account is left on the server.
  const reuse = await page.request.post("/api/auth/register/options", { data: { username } });
  expect(reuse.status()).toBe(200);
});
