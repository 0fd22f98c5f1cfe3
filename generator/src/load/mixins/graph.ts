/** The graph of `mixins` entries, and the walks over it that flattening takes (none recurses). */

export interface Edge {
  target: string;
  /** Index in the `mixins` array. */
  index: number;
}

/** Edges pruned to the mixins that give something, see contentEdges. */
export interface ContentEdges {
  /** Each shape's edges, pruned; none for a leaf. */
  out: Map<string, Edge[]>;
  /** A leaf's own pruned edges (what it resolves itself from). */
  below: Map<string, Edge[]>;
}

/**
 * The mixins edges that lead to something (`holds`): an edge to a mixin whose mixins hold nothing
 * is dropped, and one to a mixin that holds nothing itself and passes on a single such edge goes
 * where that edge goes. A walk (below) then visits only mixins that give something, so a long
 * chain of mixins that add nothing of a kind costs the shapes that use it nothing of that kind. A
 * `leaf` is visited but not walked through (its mixins reach its users through it only).
 */
export function contentEdges(
  edges: ReadonlyMap<string, readonly Edge[]>,
  holds: (id: string) => boolean,
  leaf: (id: string) => boolean = () => false,
): ContentEdges {
  /** Where a walk reaching the mixin goes instead: itself, a mixin below it, or nowhere (null). */
  const jump = new Map<string, string | null>();
  const out = new Map<string, Edge[]>();
  const below = new Map<string, Edge[]>();
  for (const start of edges.keys()) {
    if (jump.has(start)) continue;
    const stack = [{ id: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const list = edges.get(top.id) ?? [];
      const edge = list[top.next++];
      if (edge !== undefined) {
        if (jump.has(edge.target)) continue;
        if (edges.has(edge.target)) stack.push({ id: edge.target, next: 0 });
        else jump.set(edge.target, holds(edge.target) ? edge.target : null);
        continue;
      }
      stack.pop();
      const kept: Edge[] = [];
      for (const e of list) {
        const to = jump.get(e.target);
        if (to !== null && to !== undefined) kept.push({ target: to, index: e.index });
      }
      if (leaf(top.id)) {
        below.set(top.id, kept);
        out.set(top.id, []);
        jump.set(top.id, holds(top.id) || kept.length > 0 ? top.id : null);
      } else {
        out.set(top.id, kept);
        jump.set(top.id, holds(top.id) || kept.length > 1 ? top.id : (kept[0]?.target ?? null));
      }
    }
  }
  return { out, below };
}

/** The walks over the mixins a shape reaches, with each mixin once. */
export interface Walk {
  /** Children before parents, mixins in their order, the shape last: the order of members. */
  post: string[];
  /** Parents before children, later mixins first: the precedence of traits (first wins). */
  precedence: string[];
  /** The tree of the walk: each mixin's parent and its index in the parent's `mixins`. */
  parent: Map<string, { id: string; index: number }>;
}

export function walk(root: string, edgesOf: (id: string) => readonly Edge[]): Walk {
  const post: string[] = [];
  const parent = new Map<string, { id: string; index: number }>();
  const seen = new Set([root]);
  const stack = [{ id: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const edge = edgesOf(top.id)[top.next++];
    if (edge === undefined) {
      post.push(top.id);
      stack.pop();
    } else if (!seen.has(edge.target)) {
      seen.add(edge.target);
      parent.set(edge.target, { id: top.id, index: edge.index });
      stack.push({ id: edge.target, next: 0 });
    }
  }
  // Smithy copies each mixin's resolved traits over the earlier ones: the last copy of a trait in the
  // tree of mixins (each mixin expanded wherever it is used) wins, that is the first one met in a
  // walk that takes later mixins first and visits each parent before its mixins.
  const precedence: string[] = [];
  const met = new Set<string>();
  const todo = [root];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (met.has(id)) continue;
    met.add(id);
    precedence.push(id);
    for (const edge of edgesOf(id)) if (!met.has(edge.target)) todo.push(edge.target);
  }
  return { post, precedence, parent };
}

/**
 * Resolves `root` once every leaf its walk meets is resolved, each leaf once and after the leaves
 * its own walk meets (bottom up, without recursion). A leaf is a mixin resolved on its own, whose
 * result its users take as a whole: one used by several shapes (so a chain of such mixins costs
 * each of them one step), or one whose localTraits filter what is below it.
 */
export function bottomUp<T>(
  root: string,
  graph: ContentEdges,
  isLeaf: (id: string) => boolean,
  memo: Map<string, T>,
  resolve: (id: string, w: Walk, forUsers: boolean) => T,
): T {
  const walkFrom = (from: string): Walk =>
    walk(from, (id) => (id === from && isLeaf(id) ? graph.below.get(id) : graph.out.get(id)) ?? []);
  const stack = [root];
  for (;;) {
    const id = stack[stack.length - 1] as string;
    const w = walkFrom(id);
    const missing = w.precedence.filter((l) => l !== id && isLeaf(l) && !memo.has(l));
    if (missing.length > 0) {
      for (const l of missing) stack.push(l);
      continue;
    }
    stack.pop();
    if (id === root) return resolve(root, w, false);
    if (!memo.has(id)) memo.set(id, resolve(id, w, true));
  }
}
