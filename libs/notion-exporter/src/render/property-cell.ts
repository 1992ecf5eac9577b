import type { PageObjectResponse } from '@notionhq/client';
import type { PhrasingContent } from 'mdast';
import { formatNotionDate } from '../convert/date-format';
import { text } from '../convert/mdast-builders';
import { convertRichText } from '../convert/rich-text.converter';
import { mentionLink, pageUrl } from '../convert/symbolic-urls';

type Property = PageObjectResponse['properties'][string];

function link(url: string, label = url): PhrasingContent {
  return { type: 'link', url, children: [text(label)] };
}

function joined(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [text(', '), ...part]));
}

/** A database property value as table-cell content. */
export function propertyCell(property: Property, userName: (id: string) => string | null): PhrasingContent[] {
  switch (property.type) {
    case 'title':
      return convertRichText(property.title, { lineBreak: 'jsx' });
    case 'rich_text':
      return convertRichText(property.rich_text, { lineBreak: 'jsx' });
    case 'number':
      return property.number === null ? [] : [text(String(property.number))];
    case 'select':
      return property.select ? [text(property.select.name)] : [];
    case 'status':
      return property.status ? [text(property.status.name)] : [];
    case 'multi_select':
      return property.multi_select.length ? [text(property.multi_select.map((o) => o.name).join(', '))] : [];
    case 'date':
      return property.date ? [text(formatNotionDate(property.date))] : [];
    case 'checkbox':
      return [text(property.checkbox ? 'Yes' : 'No')];
    case 'people':
      return property.people.length ? [text(property.people.map((p) => ('name' in p && p.name) || userName(p.id) || 'Unknown user').join(', '))] : [];
    case 'url':
      return property.url ? [link(property.url)] : [];
    case 'email':
      return property.email ? [link(`mailto:${property.email}`, property.email)] : [];
    case 'phone_number':
      return property.phone_number ? [text(property.phone_number)] : [];
    case 'created_time':
      return [text(formatNotionDate({ start: property.created_time, end: null }))];
    case 'last_edited_time':
      return [text(formatNotionDate({ start: property.last_edited_time, end: null }))];
    case 'created_by':
      return [text(userName(property.created_by.id) ?? '')];
    case 'last_edited_by':
      return [text(userName(property.last_edited_by.id) ?? '')];
    case 'relation':
      return joined(property.relation.map((r) => [mentionLink(pageUrl(r.id), '')]));
    case 'files':
      // Hosted file links expire within the hour: list the names only.
      return property.files.length ? [text(property.files.map((f) => f.name).join(', '))] : [];
    case 'formula': {
      const f = property.formula;
      if (f.type === 'string') return f.string ? [text(f.string)] : [];
      if (f.type === 'number') return f.number === null ? [] : [text(String(f.number))];
      if (f.type === 'boolean') return f.boolean === null ? [] : [text(f.boolean ? 'Yes' : 'No')];
      return f.type === 'date' && f.date ? [text(formatNotionDate(f.date))] : [];
    }
    case 'unique_id':
      return property.unique_id.number === null ? [] : [text(`${property.unique_id.prefix ? `${property.unique_id.prefix}-` : ''}${property.unique_id.number}`)];
    default:
      return [];
  }
}
