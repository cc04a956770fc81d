import { describe, expect, it } from "vitest";
import { decodeText } from "../../../src/knowledge/newspaper/file.js";
import { IssueFileError } from "../../../src/knowledge/newspaper/errors.js";

const TEXT = "浙江工人日报 2024年11月7日\n户外劳动者服务驿站为快递小哥提供热饭、充电服务。\n";

function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
}

describe("UTF-16 issue files", () => {
  it("reads a real UTF-16 file with its byte-order mark", () => {
    expect(decodeText(utf16le(TEXT), "page.txt")).toBe(TEXT);
    const be = Buffer.from(TEXT, "utf16le").swap16();
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]), "page.txt")).toBe(TEXT);
  });

  it("refuses UTF-8 bytes behind a stray FF FE instead of storing mojibake, naming the file", () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from(`${TEXT}${TEXT}`, "utf8")]);
    expect(() => decodeText(bytes, "page.txt")).toThrow(IssueFileError);
    expect(() => decodeText(bytes, "page.txt")).toThrow(/page\.txt.*UTF-16LE byte-order mark but does not read as text.*save it as UTF-8/);
  });

  it("refuses a UTF-16 file cut in the middle of a character", () => {
    const bytes = utf16le(TEXT).subarray(0, 9);
    expect(() => decodeText(bytes, "cut.txt")).toThrow(/cut\.txt.*not valid UTF-16LE/);
  });
});
