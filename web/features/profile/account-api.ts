import * as v from "valibot";
import { PasskeySchema, type Passkey } from "../../../shared/schemas/account";
import { createApiClient } from "../../api/client";
import { errorFromResponse, reach, readJson, type ResponseLike } from "../../api/errors";

const PasskeysSchema = v.object({ passkeys: v.array(PasskeySchema) });
const RecoveryCodeSchema = v.object({ recoveryCode: v.string() });
const SignedOutSchema = v.object({ signedOutDevices: v.number() });

const api = () => createApiClient().api;

async function ok<R extends ResponseLike>(res: R): Promise<R> {
  if (!res.ok) throw await errorFromResponse(res);
  return res;
}

export async function listPasskeys(): Promise<Passkey[]> {
  return (await readJson(await reach(() => api().auth.passkeys.$get()), PasskeysSchema)).passkeys;
}

/** Removes a passkey; every device signed in with it is signed out. */
export async function removePasskey(id: string): Promise<void> {
  await ok(await reach(() => api().auth.passkeys[":id"].$delete({ param: { id } })));
}

/** Replaces the recovery code; the old one stops working at once. */
export async function rotateRecoveryCode(): Promise<string> {
  return (await readJson(await reach(() => api().auth["recovery-code"].$post()), RecoveryCodeSchema))
    .recoveryCode;
}

/** Ends every session but this one; returns how many were ended. */
export async function signOutOtherDevices(): Promise<number> {
  return (await readJson(await reach(() => api().auth["sign-out-others"].$post()), SignedOutSchema))
    .signedOutDevices;
}

/** Everything the server holds for the account, as the JSON file the server names. */
export async function downloadAccountExport(): Promise<{ blob: Blob; fileName: string }> {
  const res = await ok(await reach(() => api().account.export.$get()));
  const disposition = res.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "spotter-export.json";
  return { blob: await res.blob(), fileName };
}

/** Deletes the account and all its data on the server; `confirm` is the username typed back. */
export async function deleteAccount(confirm: string): Promise<void> {
  await ok(await reach(() => api().account.$delete({ json: { confirm } })));
}
