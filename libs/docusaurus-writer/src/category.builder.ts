/** One sidebar category: a directory of the solution and the page that is its own index. */
export interface Category {
  /** The directory inside the solution folder, POSIX; `''` for the solution's root folder. */
  readonly dir: string;
  /** The directory page's title. */
  readonly label: string;
  readonly position: number;
  /**
   * Docusaurus's translation key for the category (`_category_.json` `key`): `<solution>` or
   * `<solution>/<dir>`. Unique, so two categories with the same label never clash in `current.json`.
   */
  readonly key: string;
  /**
   * The index page's local doc id: its front matter `id`, or `index`. Docusaurus resolves a local id among
   * the docs of the category's own folder, so the link holds in both layouts and under any number-prefix rule.
   */
  readonly linkId: string;
}

/** Docusaurus's validated `_category_.json` fields, in the order the writer emits them. */
export interface CategoryFileContent {
  label: string;
  position: number;
  collapsible: true;
  collapsed: true;
  key: string;
  link: { type: 'doc'; id: string };
}

export function categoryFileContent(category: Category): CategoryFileContent {
  return {
    label: category.label,
    position: category.position,
    collapsible: true,
    collapsed: true,
    key: category.key,
    link: { type: 'doc', id: category.linkId },
  };
}

/** The `current.json` key Docusaurus looks up for a category label: `sidebar.<sidebarId>.category.<key>`. */
export function categoryTranslationKey(sidebarId: string, category: Category): string {
  return `sidebar.${sidebarId}.category.${category.key}`;
}

/** A `current.json` entry in the shape `docusaurus write-translations` writes. */
export interface TranslationEntry {
  message: string;
  description: string;
}

export function categoryTranslationEntry(sidebarId: string, category: Category, translatedLabel: string): TranslationEntry {
  return {
    message: translatedLabel,
    description: `The label for category '${category.label}' in sidebar '${sidebarId}'`,
  };
}

/** Formatting shared by every JSON file the writer produces: 2-space indent, final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
