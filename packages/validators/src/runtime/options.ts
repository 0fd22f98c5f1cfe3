/**
 * `strict` rejects members and enum values the spec does not know, and values outside its constraints;
 * `tolerant` accepts them and reports drift. Both reject a value of the wrong type.
 */
export type ValidationMode = "strict" | "tolerant";

export interface ValidateOptions {
  /** Default "strict". */
  mode?: ValidationMode;
  /** Called once per unknown member or enum value, or value outside a constraint, that tolerant mode accepted. */
  onDrift?: (drift: Drift) => void;
}

/** Something the service sent that the spec does not know yet: a sign to update the spec. */
export interface Drift {
  /** JSON pointer of the unknown member or value. */
  pointer: string;
  /** `constraint`: a value of the right type outside the spec's length, pattern, range or unique items. */
  kind: "unknown-member" | "unknown-enum-value" | "constraint";
  value: unknown;
  /** For a `constraint` drift, what the spec asks there (`at most 40 characters`). */
  expected?: string;
}
