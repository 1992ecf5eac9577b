import type { ApiConfig } from '../../api.tokens';
import { error, errorRef, json, operation, queryParam } from '../openapi.operation';
import { ref } from '../openapi.schemas';
import type { Paths } from '../openapi.types';

/** The configured solutions and their page trees (the manuals cache). */
export function manualsPaths(config: ApiConfig): Paths {
  const solutions = config.pipeline.solutions.map((solution) => solution.id);
  const selected = queryParam('selected_solution', 'A configured solution; default the first one.', { type: 'string', enum: solutions, ...(solutions[0] ? { default: solutions[0] } : {}) });
  return {
    '/sidebar': {
      get: operation({
        operationId: 'getSidebar',
        tag: 'manuals',
        summary: 'The configured solutions',
        access: 'user',
        responses: { '200': json("The original's `SidebarMenu`.", ref('SidebarMenu')) },
      }),
    },
    '/manuals': {
      get: operation({
        operationId: 'listManuals',
        tag: 'manuals',
        summary: "A solution's page tree, flat in pre-order",
        description: 'Read from the manuals cache (memory, then Redis); only a miss reads Notion. Never changes anything.',
        access: 'user',
        parameters: [selected],
        responses: {
          '200': json('The items; rebuild the tree from `parent_id`.', ref('ManualsList')),
          '422': errorRef('ValidationFailed'),
          '502': error('Notion could not be read.'),
          '503': error('Not cached yet and Notion is not configured.', 'The manuals of zcp are not cached yet and Notion is not configured (set NOTION_TOKEN)'),
        },
      }),
    },
    '/manuals/refresh': {
      post: operation({
        operationId: 'refreshManuals',
        tag: 'manuals',
        summary: "Read a solution's tree from Notion now and store it for every replica",
        description: `Needs the ${config.auth.publisherRole} role.`,
        access: 'publisher',
        parameters: [selected],
        responses: {
          '200': json('Stored.', ref('ManualsRefresh')),
          '422': errorRef('ValidationFailed'),
          '502': error('Notion could not be read.'),
          '503': error('Notion is not configured (NOTION_TOKEN).'),
        },
      }),
    },
  };
}
