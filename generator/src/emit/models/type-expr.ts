import { lookup, type IrLookup } from "../../ir/lookup.js";
import type { Ir, IrMember, IrShape, IrStructure, IrUnion } from "../../ir/types.js";

/** The AWS SDK v3's names of the streaming blob types, declared by the models when a closure has one. */
export const STREAMING_INPUT = "StreamingBlobPayloadInputTypes";
export const STREAMING_OUTPUT = "StreamingBlobPayloadOutputTypes";

/**
 * The TypeScript type of each shape in the model (in-memory) form, computed once per shape. Lists
 * and maps nest without a name of their own, so their types are resolved bottom-up with an explicit
 * stack: a chain of any depth cannot overflow the call stack.
 */
export class TypeExprs {
  private readonly shapes: IrLookup;
  private readonly cache = new Map<string, string>();
  private readonly inputs = new Set<string>();
  private readonly outputs = new Set<string>();
  /** Whether some member was typed with the streaming blob types (so the file must declare them). */
  usesStreamingBlobs = false;

  constructor(ir: Ir) {
    this.shapes = lookup(ir);
    for (const op of ir.operations) {
      if (op.input !== undefined) this.inputs.add(op.input);
      if (op.output !== undefined) this.outputs.add(op.output);
    }
  }

  shapeName(id: string): string {
    return this.shapes.shape(id).name;
  }

  /**
   * A member's type. A streaming blob is what the AWS SDK v3 takes in a request or gives in a
   * response (both where the structure is neither or both); an event stream is an async iterable of
   * its union's events, as in the SDK.
   */
  member(owner: IrStructure | IrUnion, m: IrMember): string {
    const target = this.shapes.shape(m.target);
    if (target.kind === "blob" && target.streaming) {
      this.usesStreamingBlobs = true;
      const input = this.inputs.has(owner.id);
      const output = this.outputs.has(owner.id);
      if (input && !output) return STREAMING_INPUT;
      if (output && !input) return STREAMING_OUTPUT;
      return `${STREAMING_INPUT} | ${STREAMING_OUTPUT}`;
    }
    if (target.kind === "union" && target.eventStream) return `AsyncIterable<${target.name}>`;
    return this.of(m.target);
  }

  /** The type of a value of the shape `id`. */
  of(id: string): string {
    const known = this.cache.get(id);
    if (known !== undefined) return known;
    // Resolve the anonymous (list and map) chain under `id` from its bottom up.
    const stack = [id];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as string;
      if (this.cache.has(top)) {
        stack.pop();
        continue;
      }
      const pending = this.inner(this.shapes.shape(top)).filter((t) => !this.cache.has(t));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      this.cache.set(top, this.direct(this.shapes.shape(top)));
      stack.pop();
    }
    return this.cache.get(id) as string;
  }

  /** The shapes whose types `shape`'s type is written with. */
  private inner(shape: IrShape): string[] {
    if (shape.kind === "list") return [shape.member.target];
    if (shape.kind === "map") return [shape.value.target];
    return [];
  }

  private direct(shape: IrShape): string {
    switch (shape.kind) {
      case "structure":
      case "union":
      case "enum":
      case "intEnum":
        return shape.name;
      case "unit":
        return "Record<string, never>";
      case "list": {
        const item = this.elementOf(shape.member.target);
        return `${shape.sparse ? `(${item} | null)` : item}[]`;
      }
      case "map": {
        const key = this.shapes.find(shape.key.target);
        const value = this.elementOf(shape.value.target) + (shape.sparse ? " | null" : "");
        // An enum key does not promise every key is present, as in the AWS SDK v3.
        return key?.kind === "enum" ? `Partial<Record<${key.name}, ${value}>>` : `Record<string, ${value}>`;
      }
      case "string":
        return "string";
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "blob":
        // A streaming blob inside a list or map is not valid Smithy; typed as bytes if it ever gets here.
        return "Uint8Array";
      case "timestamp":
        return "Date";
      case "document":
        return "DocumentType";
    }
  }

  /** The type of a list item or map value (already cached by `of`; never a bare union). */
  private elementOf(id: string): string {
    return this.cache.get(id) as string;
  }
}
