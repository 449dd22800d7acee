import { startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import * as v from "valibot";
import { DeviceSchema, UserSchema, type Device, type User } from "../../shared/schemas/user";
import { createApiClient } from "./client";
import { ApiRequestError, errorFromResponse, reach, readJson, type ResponseLike } from "./errors";
import { CreationOptionsSchema, OptionsResponseSchema, RequestOptionsSchema } from "./webauthn-options";

const SignedInSchema = v.object({ user: UserSchema, recoveryCode: v.string() });
const MeSchema = v.object({ user: UserSchema, deviceId: v.string() });
const DevicesSchema = v.object({ devices: v.array(DeviceSchema) });

/** An account just opened or recovered, with the one-time recovery code to show once. */
export interface SignedInWithCode {
  user: User;
  recoveryCode: string;
}

const auth = () => createApiClient().api.auth;

async function ok<R extends ResponseLike>(res: R): Promise<R> {
  if (!res.ok) throw await errorFromResponse(res);
  return res;
}

/** The browser's extension outputs as the plain record the API takes. */
const extensionResults = (credential: { clientExtensionResults: object }): Record<string, unknown> =>
  Object.fromEntries(Object.entries(credential.clientExtensionResults));

/** Turns a cancelled or refused passkey prompt into words. */
function passkeyError(err: unknown): Error {
  if (err instanceof ApiRequestError) return err;
  if (err instanceof WebAuthnError || (err instanceof Error && err.name === "NotAllowedError")) {
    return new ApiRequestError("passkey_cancelled", "The passkey request was cancelled or timed out.", 0);
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Creates an account protected by a new passkey on this device. */
export async function signUpWithPasskey(username: string): Promise<SignedInWithCode> {
  try {
    const res = await reach(() => auth().register.options.$post({ json: { username } }));
    const { challengeId, options } = await readJson(res, OptionsResponseSchema(CreationOptionsSchema));
    const credential = await startRegistration({ optionsJSON: options });
    const response = { ...credential, clientExtensionResults: extensionResults(credential) };
    const verified = await reach(() => auth().register.verify.$post({ json: { challengeId, response } }));
    return await readJson(verified, SignedInSchema);
  } catch (err) {
    throw passkeyError(err);
  }
}

/** Signs in with a passkey (the browser offers the ones it has for this site). */
export async function signInWithPasskey(username?: string): Promise<User> {
  try {
    const json = username ? { username } : {};
    const res = await reach(() => auth().login.options.$post({ json }));
    const { challengeId, options } = await readJson(res, OptionsResponseSchema(RequestOptionsSchema));
    const credential = await startAuthentication({ optionsJSON: options });
    const response = { ...credential, clientExtensionResults: extensionResults(credential) };
    const verified = await reach(() => auth().login.verify.$post({ json: { challengeId, response } }));
    return (await readJson(verified, v.object({ user: UserSchema }))).user;
  } catch (err) {
    throw passkeyError(err);
  }
}

/** Signs in with the username and recovery code; the answer carries the replacement code. */
export async function signInWithRecoveryCode(username: string, code: string): Promise<SignedInWithCode> {
  const res = await reach(() => auth().recover.$post({ json: { username, code } }));
  return readJson(res, SignedInSchema);
}

/** Who is signed in here, or null when nobody is (a 401). Throws when the server cannot be reached. */
export async function currentAccount(): Promise<{ user: User; deviceId: string } | null> {
  const res = await reach(() => auth().me.$get());
  if (res.status === 401) return null;
  return readJson(res, MeSchema);
}

export async function signOut(): Promise<void> {
  await ok(await reach(() => auth().logout.$post()));
}

export async function listDevices(): Promise<Device[]> {
  return (await readJson(await reach(() => auth().devices.$get()), DevicesSchema)).devices;
}

export async function revokeDevice(id: string): Promise<void> {
  await ok(await reach(() => auth().devices[":id"].$delete({ param: { id } })));
}
