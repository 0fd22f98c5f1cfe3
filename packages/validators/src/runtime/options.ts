/** `strict` rejects members and enum values the spec does not know; `tolerant` accepts them and reports drift. */
export type ValidationMode = "strict" | "tolerant";

export interface ValidateOptions {
  /** Default "strict". */
  mode?: ValidationMode;
  /** Called once per unknown member or enum value that tolerant mode accepted. */
  onDrift?: (drift: Drift) => void;
}

/** Something the service sent that the spec does not know yet: a sign to update the spec. */
export interface Drift {
  /** JSON pointer of the unknown member or value. */
  pointer: string;
  kind: "unknown-member" | "unknown-enum-value";
  value: unknown;
}
