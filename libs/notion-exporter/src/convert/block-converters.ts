import { codeConverter } from './blocks/code.converter';
import {
  audioConverter,
  bookmarkConverter,
  embedConverter,
  fileConverter,
  imageConverter,
  videoConverter,
} from './blocks/media.converter';
import {
  breadcrumbConverter,
  childDatabaseConverter,
  childPageConverter,
  columnListConverter,
  contentOnlyConverter,
  linkToPageConverter,
  tableOfContentsConverter,
} from './blocks/structure.converter';
import { tableConverter } from './blocks/table.converter';
import {
  calloutConverter,
  dividerConverter,
  equationConverter,
  headingConverter,
  paragraphConverter,
  quoteConverter,
  toggleConverter,
} from './blocks/text-blocks.converter';
import type { BlockConverter } from './convert-context';

/**
 * The handler map: Notion block type → converter. List items are grouped by the body converter; a type
 * missing here (unsupported, template, tab, meeting notes, …) gets the placeholder converter.
 */
export const BLOCK_CONVERTERS: Readonly<Record<string, BlockConverter>> = {
  paragraph: paragraphConverter,
  heading_1: headingConverter,
  heading_2: headingConverter,
  heading_3: headingConverter,
  heading_4: headingConverter,
  quote: quoteConverter,
  callout: calloutConverter,
  toggle: toggleConverter,
  divider: dividerConverter,
  equation: equationConverter,
  code: codeConverter,
  table: tableConverter,
  image: imageConverter,
  video: videoConverter,
  audio: audioConverter,
  file: fileConverter,
  pdf: fileConverter,
  bookmark: bookmarkConverter,
  link_preview: bookmarkConverter,
  embed: embedConverter,
  column_list: columnListConverter,
  column: contentOnlyConverter,
  synced_block: contentOnlyConverter,
  child_page: childPageConverter,
  child_database: childDatabaseConverter,
  link_to_page: linkToPageConverter,
  table_of_contents: tableOfContentsConverter,
  breadcrumb: breadcrumbConverter,
};
