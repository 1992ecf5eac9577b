import * as api from './index';

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(['GitServerError', 'cloneBranch', 'startGitServer']);
  });
});
