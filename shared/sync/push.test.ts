import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SYNC_SCHEMA_VERSION, type Mutation } from "../schemas/sync";
import { checkMutation, planPushBatches, utf8ByteLength, validatePush } from "./push";

const clientId = "0f8fad5b-d9cb-469f-a165-70867728950e";
const workout = (id: string) => ({ id, startedAt: 1_760_000_000_000, updatedAt: 1_760_000_000_000 });
const keyA = "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b";
const keyB = "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6c";

/** Reference: bytes per code point as the UTF-8 table gives them. */
const referenceUtf8Bytes = (text: string) =>
  [...text].reduce((sum, ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return sum + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
  }, 0);

describe("utf8ByteLength", () => {
  it("matches the real UTF-8 encoding of any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(utf8ByteLength(text)).toBe(referenceUtf8Bytes(text));
      }),
    );
  });

  it("counts a lone surrogate as the 3-byte replacement character", () => {
    expect(utf8ByteLength("\ud800")).toBe(3);
    expect(utf8ByteLength("a\ud83d\ude00")).toBe(5);
  });
});

describe("validatePush", () => {
  const push = (mutations: unknown[], schemaVersion = SYNC_SCHEMA_VERSION) => ({
    schemaVersion,
    clientId,
    mutations,
  });

  it("accepts puts, partial puts and deletes", () => {
    const result = validatePush(
      push([
        { id: 1, entity: "workout", op: "put", key: keyA, value: workout(keyA) },
        {
          id: 2,
          entity: "workout",
          op: "put",
          key: keyA,
          value: { notes: "felt strong" },
          fields: ["notes"],
        },
        { id: 3, entity: "workout", op: "delete", key: keyB },
      ]),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.mutations.map((m) => m.op)).toEqual(["put", "patch", "delete"]);
  });

  it("refuses the whole push when one mutation is invalid", () => {
    const result = validatePush(
      push([
        { id: 1, entity: "workout", op: "put", key: keyA, value: workout(keyA) },
        {
          id: 2,
          entity: "workout",
          op: "put",
          key: keyB,
          value: { ...workout(keyB), startedAt: "yesterday" },
        },
      ]),
    );
    expect(result).toMatchObject({ ok: false, problem: { status: 400, code: "validation_failed" } });
  });

  it("refuses a record whose id differs from its key, so a key cannot smuggle another id", () => {
    const result = validatePush(
      push([{ id: 1, entity: "workout", op: "put", key: keyA, value: workout(keyB) }]),
    );
    expect(result.ok).toBe(false);
  });

  it("refuses decreasing or repeated mutation ids", () => {
    const m = (id: number) => ({ id, entity: "workout", op: "delete", key: keyA });
    expect(validatePush(push([m(2), m(2)])).ok).toBe(false);
    expect(validatePush(push([m(3), m(1)])).ok).toBe(false);
  });

  it("refuses more than 100 mutations", () => {
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: i + 1,
      entity: "workout",
      op: "delete",
      key: keyA,
    }));
    expect(validatePush(push(many))).toMatchObject({ ok: false, problem: { status: 400 } });
  });

  it("answers an unsupported schema version with its own code", () => {
    expect(validatePush(push([], 999))).toMatchObject({
      ok: false,
      problem: { status: 409, code: "unsupported_schema_version" },
    });
  });

  it("ignores ownership fields by refusing unknown mutation properties", () => {
    const result = validatePush(
      push([{ id: 1, entity: "workout", op: "delete", key: keyA, userId: "someone" }]),
    );
    expect(result.ok).toBe(false);
  });
});

describe("checkMutation", () => {
  it("refuses one change the way the server would, naming the problem", () => {
    const good = { id: 1, entity: "workout", op: "put", key: keyA, value: workout(keyA) };
    expect(checkMutation(good)).toEqual({ ok: true });
    const bad = { ...good, value: { ...workout(keyA), startedAt: "yesterday" } };
    expect(checkMutation(bad)).toMatchObject({ ok: false, message: expect.stringContaining("startedAt") });
    expect(checkMutation({ ...good, entity: "secrets" })).toMatchObject({ ok: false });
    expect(checkMutation({ ...good, key: keyB })).toMatchObject({ ok: false });
  });
});

describe("planPushBatches", () => {
  const put = (id: number, notesLength: number): Mutation => ({
    id,
    entity: "workout",
    op: "put",
    key: keyA,
    value: { ...workout(keyA), notes: "x".repeat(notesLength) },
  });

  it("keeps order and respects both limits in every batch", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 60 }), (sizes) => {
        const mutations = sizes.map((size, i) => put(i + 1, size));
        const limits = { maxMutations: 7, maxBytes: 8000 };
        const { batches, tooLarge } = planPushBatches(mutations, limits);
        expect(tooLarge).toEqual([]);
        expect(batches.flat().map((m) => m.id)).toEqual(mutations.map((m) => m.id));
        for (const batch of batches) {
          expect(batch.length).toBeLessThanOrEqual(limits.maxMutations);
          const body = JSON.stringify({ schemaVersion: 1, clientId, mutations: batch });
          expect(utf8ByteLength(body)).toBeLessThanOrEqual(limits.maxBytes);
        }
      }),
    );
  });

  it("sets aside a mutation too large for any push", () => {
    const { batches, tooLarge } = planPushBatches([put(1, 10), put(2, 20_000)], {
      maxMutations: 100,
      maxBytes: 8000,
    });
    expect(batches.flat().map((m) => m.id)).toEqual([1]);
    expect(tooLarge.map((m) => m.id)).toEqual([2]);
  });
});
