import { SpecError, type Diagnostic } from "../diagnostics.js";
import type { LoadedModel } from "../load/load.js";
import { checkSelection, selectOperations, type Selection } from "./service.js";
import { checkShapes } from "./shapes.js";

/**
 * Runs every check, collects all diagnostics (independent problems are reported together), adds
 * line and column, and throws one SpecError when there is any.
 */
export function checkModel(model: LoadedModel, operationNames: readonly string[]): Selection {
  const diagnostics: Diagnostic[] = [...model.diagnostics];
  // Structural problems make later checks unreliable, so selection checks run only on a sound model.
  if (!model.incomplete) diagnostics.push(...checkShapes(model));
  let selection: Selection | undefined;
  if (diagnostics.length === 0) {
    selection = selectOperations(model, operationNames, diagnostics);
    if (selection) checkSelection(model, selection, diagnostics);
  }
  if (diagnostics.length > 0 || !selection) throw new SpecError(diagnostics.map((d) => locate(model, d)));
  return selection;
}

function locate(model: LoadedModel, d: Diagnostic): Diagnostic {
  if (d.line !== undefined) return d;
  const file = model.files.find((f) => f.file === d.file);
  return file ? { ...d, ...file.locate(d.pointer) } : d;
}
