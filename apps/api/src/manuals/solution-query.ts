import type { SolutionSettings } from '@zmp-manual/publish-pipeline';
import { ValidationError } from '../errors/api-error';

/** Pydantic's way of listing allowed values: `'zcp'`, `'zcp' or 'apim'`, `'zcp', 'apim' or 'amdp'`. */
function expectedValues(ids: readonly string[]): string {
  const quoted = ids.map((id) => `'${id}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * The configured solution a `?selected_solution=` names (absent: the first configured one). Anything else —
 * an unknown or unconfigured id, an empty or repeated parameter — is a FastAPI-like 422 listing the
 * configured ids, as the original answered a value outside its enum.
 */
export function selectedSolution(solutions: readonly SolutionSettings[], value: unknown): SolutionSettings {
  const found = value === undefined ? solutions[0] : solutions.find((solution) => solution.id === value);
  if (found) return found;
  const msg =
    solutions.length === 0
      ? 'No solution is configured: set <SOL>_ROOT_PAGE_ID for one of SOLUTIONS'
      : `Input should be ${expectedValues(solutions.map((solution) => solution.id))}`;
  throw new ValidationError([{ loc: ['query', 'selected_solution'], msg, type: 'enum' }]);
}
