import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraries } from "../src/arbitraries.js";
import { parseJobEntry, serializeJobEntry } from "../src/index.js";
import { readDateTimeMs } from "../src/runtime/formats.js";
import { throughJson } from "./support/api.js";
import { wireJob } from "./support/fixtures.js";

/** Every valid Date of years 0001–9999 (at the millisecond). */
const anyDate = fc.date({
  min: new Date("0001-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** `date` written in RFC 3339 as a service may send it: any offset, `Z` or `z`, 0 to 9 fraction digits. */
function rfc3339(date: Date, offsetMinutes: number, digits: number, z: "Z" | "z"): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const fraction =
    digits === 0
      ? ""
      : `.${pad(local.getUTCMilliseconds(), 3)}${"0".repeat(Math.max(0, digits - 3))}`.slice(0, digits + 1);
  const zone =
    offsetMinutes === 0 && digits % 2 === 0
      ? z
      : `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${zone}`;
}

describe("round trips of timestamps", () => {
  it("serialize → JSON → parse gives back every Date of years 0001–9999", () => {
    fc.assert(
      fc.property(arbitraries.JobEntry, anyDate, anyDate, (job, created, updated) => {
        const value = { ...job, CreatedAt: created, UpdatedAt: updated };
        expect(parseJobEntry(throughJson(serializeJobEntry(value)))).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it("parses every offset form a service may send to the same instant", () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom("Z" as const, "z" as const),
        (date, offset, digits, z) => {
          const text = rfc3339(date, offset, digits, z);
          // the local time must itself be a four-digit year
          fc.pre(/^\d{4}-/.test(text));
          // fewer than three fraction digits keep the instant to that precision (offsets are whole minutes)
          const step = 10 ** Math.max(0, 3 - digits);
          const truncated = date.getTime() - (((date.getTime() % step) + step) % step);
          expect(readDateTimeMs(text), text).toBe(truncated);
          const job = parseJobEntry(wireJob({ CreatedAt: text }));
          expect(job.CreatedAt.getTime(), text).toBe(truncated);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads the edges: year 0001 with a positive offset (year 0000 in UTC), leap days and leap seconds", () => {
    expect(readDateTimeMs("0001-01-01T00:30:00+01:00")).toBe(new Date("0000-12-31T23:30:00Z").getTime());
    expect(new Date(readDateTimeMs("2024-02-29T12:00:00Z")).toISOString()).toBe("2024-02-29T12:00:00.000Z");
    expect(readDateTimeMs("2023-02-29T12:00:00Z")).toBeNaN();
    expect(new Date(readDateTimeMs("2016-12-31T23:59:60Z")).toISOString()).toBe("2017-01-01T00:00:00.000Z");
    expect(readDateTimeMs("2016-12-31T22:59:60Z")).toBeNaN();
    expect(new Date(readDateTimeMs("9999-12-31T23:59:59.999Z")).toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });
});
