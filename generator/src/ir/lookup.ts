import type { Ir, IrShape } from "./types.js";

/** Shape lookup by id, built once per IR and shared by every emitter (the IR itself stays plain JSON). */
export interface IrLookup {
  shape(id: string): IrShape;
  find(id: string): IrShape | undefined;
}

const cache = new WeakMap<Ir, IrLookup>();

export function lookup(ir: Ir): IrLookup {
  let found = cache.get(ir);
  if (found === undefined) {
    const byId = new Map(ir.shapes.map((s) => [s.id, s]));
    found = {
      find: (id) => byId.get(id),
      shape(id) {
        const shape = byId.get(id);
        // The check stage guarantees every target exists: a miss is a bug of ours, not of the spec.
        if (shape === undefined) throw new Error(`internal: no shape ${id} in the IR`);
        return shape;
      },
    };
    cache.set(ir, found);
  }
  return found;
}
