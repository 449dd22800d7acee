import { describe, expect, it } from "vitest";
import { sniffContainer } from "../../video/sniff-container";
import { sniffImage } from "./sniff-image";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("file sniffing", () => {
  it("tells images from their first bytes, whatever the file is called", () => {
    expect(sniffImage(bytes([0x89], "PNG", [13, 10, 26, 10]))).toBe("png");
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImage(bytes("RIFF", [0, 0, 0, 0], "WEBP"))).toBe("webp");
    expect(sniffImage(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
  });

  it("tells WebM from MP4/MOV and refuses anything else", () => {
    expect(sniffContainer(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe("webm");
    expect(sniffContainer(bytes([0, 0, 0, 0x20], "ftypisom"))).toBe("mp4");
    expect(sniffContainer(bytes([0, 0, 0, 0x14], "ftypqt  "))).toBe("mp4");
    expect(sniffContainer(bytes("hello, this is text"))).toBe("unknown");
  });
});
