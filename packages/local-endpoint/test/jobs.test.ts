import { isJobEntry } from "@dx/validators";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiText, makeJobs, toWire } from "../src/index.js";

describe("makeJobs({ ascii: true })", () => {
  const jobs = makeJobs(300, 1, { ascii: true });

  it("lists as many valid jobs, ids unique and newest first, with ASCII text only on the wire", () => {
    expect(jobs).toHaveLength(300);
    expect(new Set(jobs.map((j) => j.Id)).size).toBe(300);
    expect(jobs.every((j, i) => i === 0 || (jobs[i - 1] as { CreatedAt: Date }).CreatedAt > j.CreatedAt)).toBe(true);
    expect(jobs.every((j) => isJobEntry(j, { mode: "strict" }))).toBe(true);
    const wire = JSON.stringify(toWire(jobs));
    expect(/^\p{ASCII}*$/u.test(wire)).toBe(true);
  });

  it("keeps the mix of the Unicode jobs (the same kinds of details, in about the same numbers)", () => {
    const kinds = (list: ReturnType<typeof makeJobs>) => {
      const counts = new Map<string, number>();
      for (const j of list) for (const k of Object.keys(j.Details)) counts.set(k, (counts.get(k) ?? 0) + 1);
      return counts;
    };
    const unicode = kinds(makeJobs(300, 1));
    const ascii = kinds(jobs);
    expect([...ascii.keys()].sort()).toEqual([...unicode.keys()].sort());
    for (const [k, n] of unicode) expect(Math.abs((ascii.get(k) ?? 0) - n)).toBeLessThanOrEqual(3);
    // The default listing does hold non-ASCII text: the option is what makes the difference.
    expect(/[^\p{ASCII}]/u.test(JSON.stringify(toWire(makeJobs(50, 1))))).toBe(true);
  });

  it("asciiText maps every string to ASCII of the same length in code points, keys too, and leaves ASCII alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme-ascii" }), (text, ascii) => {
        const mapped = asciiText(text);
        expect(/^\p{ASCII}*$/u.test(mapped)).toBe(true);
        expect([...mapped].length).toBe([...text].length);
        expect(asciiText(ascii)).toBe(ascii);
        const nested = asciiText({ [text]: [text, { [ascii]: text }], at: new Date(0) });
        expect(nested).toEqual({ [mapped]: [mapped, { [ascii]: mapped }], at: new Date(0) });
      }),
    );
  });
});
