export declare const repoRoot: string;
export declare const sharedReferenceDir: string;
export declare const fixtureReferenceDir: string;
export interface ReferenceOptions {
  /** Whether the repo's facts-only copy (no documentation) will do; default true. */
  factsOnly?: boolean;
}
export declare function referenceFile(relative: string, options?: ReferenceOptions): string | undefined;
export declare function awsModelFiles(): string[];
export declare function findReference(
  files: readonly string[],
  options?: ReferenceOptions,
): { paths: (string | undefined)[]; missing: string[] };
export declare function describeWithReference(
  title: string,
  files: readonly string[],
  body: (paths: string[]) => void,
  options?: ReferenceOptions,
): void;
export declare const inCi: () => boolean;
export declare function itWithReference(
  title: string,
  files: readonly string[],
  body: (paths: string[]) => void | Promise<void>,
  options?: ReferenceOptions,
): void;
