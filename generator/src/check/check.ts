import { SpecError, type Diagnostic } from "../diagnostics.js";
import type { LoadedModel } from "../load/load.js";
import type { Selection } from "../load/model.js";
import { checkSelection, selectOperations } from "./service.js";
import { checkShapes } from "./shapes.js";

/**
 * Runs every check, collects all diagnostics (independent problems are reported together), adds
 * line and column, and throws one SpecError when there is any.
 */
export function checkModel(model: LoadedModel, operationNames: readonly string[]): Selection {
  const diagnostics: Diagnostic[] = [...model.diagnostics];
  let selection: Selection | undefined;
  // A file that is not JSON lost its shapes, so checking the rest would only report consequences.
  if (!model.incomplete) {
    diagnostics.push(...checkShapes(model));
    // Selection checks skip what the structural checks already report (unknown targets, bad trait
    // values), so a bad --operation or pagination trait is reported together with those.
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
