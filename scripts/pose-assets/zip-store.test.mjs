import { crc32 as zlibCrc32 } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, createStoredZip, readZipDirectory } from "./zip-store.mjs";

const encode = (/** @type {string} */ text) => new TextEncoder().encode(text);

describe("crc32", () => {
  it("matches the standard check value and zlib", () => {
    expect(crc32(encode("123456789"))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
  });
});

describe("createStoredZip", () => {
  it("lists every entry as stored, with its bytes intact and 16-byte aligned", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z_]{1,20}\.tflite$/), { minLength: 1, maxLength: 4 }),
        fc.array(fc.uint8Array({ maxLength: 200 }), { minLength: 4, maxLength: 4 }),
        (names, payloads) => {
          const inputs = names.map((name, i) => ({ name, data: payloads[i] }));
          const zip = createStoredZip(inputs);
          const entries = readZipDirectory(zip);
          expect(entries.map((e) => e.name)).toEqual(names);
          entries.forEach((entry, i) => {
            expect(entry.method).toBe(0);
            expect(entry.compressedBytes).toBe(inputs[i].data.length);
            expect(entry.uncompressedBytes).toBe(inputs[i].data.length);
            expect(entry.crc32).toBe(zlibCrc32(inputs[i].data));
            expect(entry.dataOffset % 16).toBe(0);
            expect(zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedBytes)).toEqual(
              inputs[i].data,
            );
          });
        },
      ),
    );
  });

  it("gives identical bytes for identical inputs, so rebuilds are reproducible", () => {
    const inputs = [{ name: "a.tflite", data: encode("same") }];
    expect(createStoredZip(inputs)).toEqual(createStoredZip(inputs));
  });

  it("rejects bytes that are not a zip", () => {
    expect(() => readZipDirectory(encode("definitely not a zip archive"))).toThrow(
      expect.objectContaining({ code: "ZIP_INVALID" }),
    );
  });
});
