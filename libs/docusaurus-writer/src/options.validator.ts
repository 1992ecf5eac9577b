import type { SiteLayoutName } from './site-layout';
import { SITE_LAYOUTS } from './site-layout';
import { languageProblem } from './language-tag';
import { defaultManifestPath } from './manifest';
import { safeSegments } from './safe-path';
import type { WriteSolutionOptions } from './write-solution';
import { WriterError } from './writer-error';

// Lower case only: `ZCP` and `zcp` would share docs/zcp, its manifest and its i18n folders on macOS and Windows.
const SOLUTION_ID = /^[a-z0-9][a-z0-9_-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The options that decide where and how the run writes (documented on `WriteSolutionOptions`). */
export type SettingsInput = Pick<
  WriteSolutionOptions,
  'root' | 'solution' | 'layout' | 'languages' | 'removeLanguages' | 'sidebarId' | 'manifest' | 'replaceForeignFiles' | 'translations'
>;

export interface Settings {
  root: string;
  solution: string;
  layout: SiteLayoutName;
  languages: string[];
  removeLanguages: string[];
  sidebarId: string;
  manifestPath: string;
  replaceForeignFiles: boolean;
}

function invalid(message: string): WriterError {
  return new WriterError('invalid_option', message);
}

/** Validates the scalar options and fills in their defaults. */
export function validateSettings(input: SettingsInput): Settings {
  const { root, solution } = input;
  if (typeof root !== 'string' || root === '') throw invalid('`root` must be the path of the site folder.');
  if (typeof solution !== 'string' || !SOLUTION_ID.test(solution)) {
    throw invalid(`\`solution\` ${JSON.stringify(solution)} must be lower-case letters, digits, '-' or '_' (it names folders and a plugin id).`);
  }
  const layout = input.layout ?? 'single';
  if (!SITE_LAYOUTS.includes(layout)) throw invalid(`\`layout\` must be one of ${SITE_LAYOUTS.join(', ')}.`);
  const languages = languageList(input.languages ?? [...new Set((input.translations ?? []).map((t) => t.language))].sort(), 'languages');
  const removeLanguages = languageList(input.removeLanguages ?? [], 'removeLanguages');
  const both = removeLanguages.find((language) => languages.includes(language));
  if (both !== undefined) throw invalid(`Language ${both} is both in \`languages\` and in \`removeLanguages\`.`);
  const sidebarId = input.sidebarId ?? solution;
  if (typeof sidebarId !== 'string' || sidebarId === '' || CONTROL_CHARACTERS.test(sidebarId)) {
    throw invalid('`sidebarId` must be a non-empty name.');
  }
  const manifestPath = input.manifest ?? defaultManifestPath(solution);
  if (typeof manifestPath !== 'string') throw invalid('`manifest` must be a path relative to the root.');
  safeSegments(manifestPath);
  const replaceForeignFiles = input.replaceForeignFiles ?? false;
  if (typeof replaceForeignFiles !== 'boolean') throw invalid('`replaceForeignFiles` must be a boolean.');
  return { root, solution, layout, languages, removeLanguages, sidebarId, manifestPath, replaceForeignFiles };
}

function languageList(list: readonly string[], name: string): string[] {
  if (!Array.isArray(list)) throw invalid(`\`${name}\` must be an array of locale codes.`);
  for (const language of list) {
    const problem = languageProblem(language);
    if (problem !== undefined) throw invalid(problem);
  }
  if (new Set(list).size !== list.length) throw invalid(`\`${name}\` lists a language twice.`);
  return [...list];
}
