import { PipelineError } from '../errors/pipeline-error';
import { computeScope } from './publish-scope';
import { ID, TREE } from '../../test/support/scope-fixtures';

const all = new Map([
  [ID.root, 'index.mdx'],
  [ID.guide, 'guide/index.mdx'],
  [ID.install, 'guide/install.mdx'],
]);
const scope = (pageId: string, isDirectory: boolean, sitePages: Map<string, string> = all) =>
  computeScope({ tree: TREE, solution: 'zcp', pageId, isDirectory, sitePages });

describe('computeScope', () => {
  it('takes every page for the root page, directory or not', () => {
    for (const isDirectory of [true, false]) {
      expect(scope(ID.root, isDirectory)).toEqual({ whole: true, pageIds: new Set(Object.values(ID).filter((id) => id !== ID.gone)), removalAreas: [] });
    }
  });

  it('takes a page alone when the site has its ancestors', () => {
    expect(scope(ID.install, false)).toEqual({ whole: false, pageIds: new Set([ID.install]), removalAreas: [] });
  });

  it('adds the ancestors the site does not have yet', () => {
    expect([...scope(ID.ports, false, new Map([[ID.root, 'index.mdx']])).pageIds].sort()).toEqual([ID.guide, ID.ports].sort());
    expect([...scope(ID.ports, false, new Map()).pageIds].sort()).toEqual([ID.root, ID.guide, ID.ports].sort());
  });

  it('takes a directory with its subtree, and its folder (here and in the site) as the removal area', () => {
    const result = scope(ID.guide, true, new Map([...all, [ID.guide, 'old-guide/index.mdx']]));
    expect([...result.pageIds].sort()).toEqual([ID.guide, ID.install, ID.ports].sort());
    expect(result.removalAreas).toEqual(['guide/', 'old-guide/']);
  });

  it('takes only the page of a directory published without its subtree', () => {
    expect(scope(ID.guide, false)).toEqual({ whole: false, pageIds: new Set([ID.guide]), removalAreas: [] });
  });

  it('refuses a page outside the solution with invalid_page_id', () => {
    let error: unknown;
    try {
      scope(ID.gone, false);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).toJSON()).toEqual({
      name: 'PipelineError',
      reason: 'invalid_page_id',
      step: null,
      code: 'page_not_in_solution',
      message: `Page ${ID.gone} is not part of solution zcp`,
    });
  });
});
