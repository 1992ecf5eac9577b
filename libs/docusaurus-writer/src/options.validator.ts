import type { SiteLayoutName } from './site-layout';
import { SITE_LAYOUTS } from './site-layout';
import { defaultManifestPath } from './manifest';
import { safeSegments } from './safe-path';
import type { Translation } from './writer-input.types';
import { WriterError } from './writer-error';

const SOLUTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export interface SettingsInput {
  root: string;
  solution: string;
  layout?: SiteLayoutName;
  languages?: readonly string[];
  sidebarId?: string;
  manifest?: string;
  translations?: readonly Translation[];
}

export interface Settings {
  root: string;
  solution: string;
  layout: SiteLayoutName;
  languages: string[];
  sidebarId: string;
  manifestPath: string;
}

function invalid(message: string): WriterError {
  return new WriterError('invalid_option', message);
}

/** Validates the scalar options and fills in their defaults. */
export function validateSettings(input: SettingsInput): Settings {
  const { root, solution } = input;
  if (typeof root !== 'string' || root === '') throw invalid('`root` must be the path of the site folder.');
  if (typeof solution !== 'string' || !SOLUTION_ID.test(solution)) {
    throw invalid(`\`solution\` ${JSON.stringify(solution)} must be letters, digits, '-' or '_' (it names folders and a plugin id).`);
  }
  const layout = input.layout ?? 'single';
  if (!SITE_LAYOUTS.includes(layout)) throw invalid(`\`layout\` must be one of ${SITE_LAYOUTS.join(', ')}.`);
  const languages = input.languages ? [...input.languages] : [...new Set((input.translations ?? []).map((t) => t.language))].sort();
  for (const language of languages) {
    if (typeof language !== 'string' || !LANGUAGE_TAG.test(language)) {
      throw invalid(`Language ${JSON.stringify(language)} is not a locale code such as ko, ja or pt-BR.`);
    }
  }
  if (new Set(languages).size !== languages.length) throw invalid('`languages` lists a language twice.');
  const sidebarId = input.sidebarId ?? solution;
  if (typeof sidebarId !== 'string' || sidebarId === '' || CONTROL_CHARACTERS.test(sidebarId)) {
    throw invalid('`sidebarId` must be a non-empty name.');
  }
  const manifestPath = input.manifest ?? defaultManifestPath(solution);
  if (typeof manifestPath !== 'string') throw invalid('`manifest` must be a path relative to the root.');
  safeSegments(manifestPath);
  return { root, solution, layout, languages, sidebarId, manifestPath };
}
