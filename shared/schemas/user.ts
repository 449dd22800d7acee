import * as v from "valibot";
import { TimestampMsSchema } from "./common";

/** Usernames: 3 to 32 characters of lower-case letters, digits, `.`, `_` or `-`. */
export const UsernameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z0-9._-]{3,32}$/, "Use 3 to 32 letters, digits, '.', '_' or '-'."),
);

/** An account as the API shows it to its owner. */
export const UserSchema = v.object({
  id: v.string(),
  username: UsernameSchema,
  createdAt: TimestampMsSchema,
});
export type User = v.InferOutput<typeof UserSchema>;

/** A signed-in device: one session, named after the browser that opened it. */
export const DeviceSchema = v.object({
  id: v.string(),
  name: v.string(),
  createdAt: TimestampMsSchema,
  lastSeenAt: TimestampMsSchema,
  /** True for the device that asked. */
  current: v.boolean(),
});
export type Device = v.InferOutput<typeof DeviceSchema>;
