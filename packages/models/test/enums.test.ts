/** The enum const objects hold exactly the values of boto3's response syntax, keyed as in the AWS SDK v3. */
import { readFileSync } from "node:fs";
import { describeWithReference, referenceFile } from "@dx/test-support";
import { expect, it } from "vitest";
import * as models from "../src/index.js";

const BOTO3_PAGE = "boto3-dataexchange-paginator-listjobs.rst";
/** boto3's page is beside the clone in CI only (its prose is not copied into the repo). */
const pagePath = referenceFile(BOTO3_PAGE, { factsOnly: false });
const page = pagePath === undefined ? "" : readFileSync(pagePath, "utf8");
const syntax = page.slice(page.indexOf("**Response Syntax**"), page.indexOf("**Response Structure**"));

/** Each enum of the response syntax, as member name and values: 'State': 'WAITING'|'IN_PROGRESS'|... and ['DESCRIBE', ...]. */
const referenceEnums = [...syntax.matchAll(/'(\w+)': \[?\s*((?:'[^']*'\|?)+)/g)]
  .map((m) => ({ member: m[1] as string, values: (m[2] as string).split("|").map((v) => v.slice(1, -1)) }))
  .filter((e) => !(e.values.length === 1 && e.values[0] === "string"));

const enumObjects = Object.entries(models).filter(([, v]) => typeof v === "object" && v !== null) as [
  string,
  Record<string, string>,
][];

describeWithReference(
  "@dx/models enums against the reference",
  [BOTO3_PAGE],
  () => {
    it("finds the reference's enum-typed members", () => {
      expect(referenceEnums.map((e) => e.member)).toEqual([
        "Type",
        "Type",
        "ProtocolType",
        "Permissions",
        "Permissions",
        "Code",
        "LimitName",
        "ResourceType",
        "State",
        "Type",
      ]);
    });

    it.each(referenceEnums.map((e) => [e.member, e.values] as const))(
      "%s: some exported enum has exactly the values %j",
      (_, values) => {
        const matches = enumObjects.filter(
          ([, o]) => JSON.stringify(Object.values(o).sort()) === JSON.stringify([...values].sort()),
        );
        expect(matches.map(([name]) => name)).toHaveLength(1);
      },
    );

    it("every enum of the package is in the reference, but for the two only errors use", () => {
      const inReference = new Set(referenceEnums.map((e) => JSON.stringify([...e.values].sort())));
      const missing = enumObjects
        .filter(([, o]) => !inReference.has(JSON.stringify(Object.values(o).sort())))
        .map(([name]) => name);
      expect(missing.sort()).toEqual(["ExceptionCause", "ResourceType"]);
    });

    it("keys each value by its Smithy enum name, sorted, as the AWS SDK v3 does", () => {
      expect(models.ServerSideEncryptionTypes).toEqual({ AES256: "AES256", aws_kms: "aws:kms" });
      expect(models.JobErrorLimitName.Assets_per_revision).toBe("Assets per revision");
      for (const [name, o] of enumObjects) expect(Object.keys(o), name).toEqual(Object.keys(o).sort());
      expect(Object.keys(models.State)).toEqual([
        "CANCELLED",
        "COMPLETED",
        "ERROR",
        "IN_PROGRESS",
        "TIMED_OUT",
        "WAITING",
      ]);
    });

    it("exports nothing at run time but the 11 enum objects of the facts (the rest are types)", () => {
      expect(Object.keys(models).length).toBe(enumObjects.length);
      expect(enumObjects.length).toBe(11);
    });
  },
  { factsOnly: false },
);
