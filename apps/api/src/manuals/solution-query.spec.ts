import type { SolutionSettings } from '@zmp-manual/publish-pipeline';
import { ValidationError } from '../errors/api-error';
import { selectedSolution } from './solution-query';

const solution = (id: string): SolutionSettings => ({ id, rootPageId: '00000000-0000-4000-8000-000000000001', repository: null, layout: 'single' });
const issues = (solutions: SolutionSettings[], value: unknown) => {
  try {
    selectedSolution(solutions, value);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('selectedSolution', () => {
  const three = ['zcp', 'apim', 'amdp'].map(solution);

  it('takes the named solution, or the first configured one when none is named', () => {
    expect(selectedSolution(three, 'apim').id).toBe('apim');
    expect(selectedSolution(three, undefined).id).toBe('zcp');
  });

  it('lists the configured solutions as pydantic does for a value outside its enum', () => {
    expect(issues(three, 'nope')).toEqual([{ loc: ['query', 'selected_solution'], msg: "Input should be 'zcp', 'apim' or 'amdp'", type: 'enum' }]);
    expect(issues([solution('zcp')], ['zcp', 'zcp'])[0].msg).toBe("Input should be 'zcp'");
    expect(issues([], undefined)[0].msg).toMatch(/^No solution is configured/);
  });
});
