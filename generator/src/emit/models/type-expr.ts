import type { IrShape } from "../../ir/types.js";

/** The TypeScript type of a value of the shape `id`, in the model (in-memory) form. */
export function typeExpr(id: string, shapes: ReadonlyMap<string, IrShape>): string {
  const shape = shapes.get(id);
  if (!shape) throw new Error(`IR has no shape ${id}`);
  switch (shape.kind) {
    case "structure":
    case "union":
    case "enum":
    case "intEnum":
      return shape.name;
    case "unit":
      return "Record<string, never>";
    case "list": {
      const item = typeExpr(shape.member.target, shapes);
      const element = shape.sparse ? `(${item} | null)` : item;
      return `${element}[]`;
    }
    case "map": {
      const key = shapes.get(shape.key.target);
      const value = typeExpr(shape.value.target, shapes) + (shape.sparse ? " | null" : "");
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
      return "Uint8Array";
    case "timestamp":
      return "Date";
    case "document":
      return "DocumentType";
  }
}
