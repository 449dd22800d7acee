import * as v from "valibot";
import { ENTITY_DEFINITIONS, describeIssues, safeParseRecord, type EntityKind } from "../schemas/entities";
import {
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  MIN_SUPPORTED_SCHEMA_VERSION,
  MutationSchema,
  PushRequestSchema,
  SYNC_SCHEMA_VERSION,
  type Mutation,
} from "../schemas/sync";
import { safeParseFields, type FieldPatch } from "./merge";

/** UTF-8 size of a string in bytes, without TextEncoder (shared/ has no DOM or Node APIs). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Fixed size of a push body around its mutations: `{"schemaVersion":…,"clientId":"…","mutations":[]}`. */
const PUSH_ENVELOPE_BYTES = 128;

/**
 * Splits an outbox (in mutation id order) into pushes that each respect the count and byte limits.
 * A single mutation too big to ever fit is returned in `tooLarge` so the client can surface it.
 */
export function planPushBatches(
  mutations: readonly Mutation[],
  limits = { maxMutations: MAX_PUSH_MUTATIONS, maxBytes: MAX_PUSH_BYTES },
): { batches: Mutation[][]; tooLarge: Mutation[] } {
  const batches: Mutation[][] = [];
  const tooLarge: Mutation[] = [];
  let current: Mutation[] = [];
  let currentBytes = PUSH_ENVELOPE_BYTES;
  for (const mutation of mutations) {
    const bytes = utf8ByteLength(JSON.stringify(mutation)) + 1;
    if (PUSH_ENVELOPE_BYTES + bytes > limits.maxBytes) {
      tooLarge.push(mutation);
      continue;
    }
    if (current.length >= limits.maxMutations || currentBytes + bytes > limits.maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = PUSH_ENVELOPE_BYTES;
    }
    current.push(mutation);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return { batches, tooLarge };
}

/** A mutation checked against its entity's schema and ready to store. */
export type ValidMutation = (
  | { id: number; entity: EntityKind; op: "put"; key: string; record: Record<string, unknown> }
  | { id: number; entity: EntityKind; op: "patch"; key: string; patch: FieldPatch }
  | { id: number; entity: EntityKind; op: "delete"; key: string }
) & { stamp?: string };

/** Why a push was refused as a whole; `status` is the HTTP status the server answers with. */
export type PushProblem =
  | { status: 400; code: "validation_failed"; message: string; details: unknown }
  | { status: 409; code: "unsupported_schema_version"; message: string };

/**
 * Validates a parsed push body. Any invalid mutation refuses the whole push, so nothing is ever
 * half-applied; ids must increase within the push.
 */
export function validatePush(
  body: unknown,
): { ok: true; clientId: string; mutations: ValidMutation[] } | { ok: false; problem: PushProblem } {
  const parsed = v.safeParse(PushRequestSchema, body);
  if (!parsed.success) {
    return { ok: false, problem: invalid("Invalid push.", describeIssues(parsed.issues)) };
  }
  const { schemaVersion, clientId, mutations } = parsed.output;
  if (schemaVersion < MIN_SUPPORTED_SCHEMA_VERSION || schemaVersion > SYNC_SCHEMA_VERSION) {
    return {
      ok: false,
      problem: {
        status: 409,
        code: "unsupported_schema_version",
        message: `Schema version ${schemaVersion} is not accepted; this server takes ${MIN_SUPPORTED_SCHEMA_VERSION} to ${SYNC_SCHEMA_VERSION}.`,
      },
    };
  }
  const valid: ValidMutation[] = [];
  let previousId = 0;
  for (const [index, mutation] of mutations.entries()) {
    if (mutation.id <= previousId) {
      return { ok: false, problem: invalid("Mutation ids must increase.", [{ index, id: mutation.id }]) };
    }
    previousId = mutation.id;
    const checked = validateMutation(mutation);
    if ("message" in checked) {
      return {
        ok: false,
        problem: invalid(`Mutation ${mutation.id}: ${checked.message}`, [
          { index, id: mutation.id, ...checked },
        ]),
      };
    }
    valid.push(checked);
  }
  return { ok: true, clientId, mutations: valid };
}

/**
 * Checks one outbox mutation exactly as the server will, so a client can set aside a change the
 * server would refuse instead of letting it block every push after it.
 */
export function checkMutation(mutation: unknown): { ok: true } | { ok: false; message: string } {
  const parsed = v.safeParse(MutationSchema, mutation);
  if (!parsed.success) {
    const issue = describeIssues(parsed.issues)[0];
    return {
      ok: false,
      message: issue ? `${issue.path || "(change)"}: ${issue.message}` : "Invalid change.",
    };
  }
  const checked = validateMutation(parsed.output);
  return "message" in checked ? { ok: false, message: checked.message } : { ok: true };
}

function validateMutation(mutation: Mutation): ValidMutation | { message: string } {
  const { id, entity, key } = mutation;
  const stamped = mutation.stamp === undefined ? {} : { stamp: mutation.stamp };
  if (!v.is(ENTITY_DEFINITIONS[entity].key, key)) return { message: `Bad ${entity} key.` };
  if (mutation.op === "delete") return { id, entity, op: "delete", key, ...stamped };
  if (mutation.fields !== undefined) {
    const fields = safeParseFields(entity, mutation.value, mutation.fields);
    if (!fields.ok) return { message: `${fields.field}: ${fields.message}` };
    return { id, entity, op: "patch", key, patch: fields.patch, ...stamped };
  }
  const record = safeParseRecord(entity, mutation.value);
  if (!record.ok) return { message: record.error.message };
  if (record.record.id !== key) return { message: "The record's id differs from the key." };
  return { id, entity, op: "put", key, record: record.record, ...stamped };
}

function invalid(message: string, details: unknown): PushProblem {
  return { status: 400, code: "validation_failed", message, details };
}
