import type { CalloutBlockObjectResponse } from '@notionhq/client';

/** Docusaurus admonition types. */
export type AdmonitionType = 'note' | 'tip' | 'info' | 'warning' | 'danger' | 'caution';

/** How a callout becomes an admonition: its colour first, then its emoji icon, then `fallback`. */
export interface CalloutMapping {
  byColor: Record<string, AdmonitionType>;
  byEmoji: Record<string, AdmonitionType>;
  fallback: AdmonitionType;
}

export const DEFAULT_CALLOUT_MAPPING: CalloutMapping = {
  byColor: {
    green_background: 'tip',
    blue_background: 'info',
    yellow_background: 'warning',
    orange_background: 'warning',
    red_background: 'danger',
  },
  byEmoji: {
    '💡': 'tip',
    '✅': 'tip',
    'ℹ️': 'info',
    '📝': 'note',
    '⚠️': 'warning',
    '❗': 'warning',
    '🚨': 'danger',
    '🔥': 'danger',
    '⛔': 'danger',
  },
  fallback: 'note',
};

export function mergeCalloutMapping(custom: Partial<CalloutMapping> = {}): CalloutMapping {
  return {
    byColor: { ...DEFAULT_CALLOUT_MAPPING.byColor, ...custom.byColor },
    byEmoji: { ...DEFAULT_CALLOUT_MAPPING.byEmoji, ...custom.byEmoji },
    fallback: custom.fallback ?? DEFAULT_CALLOUT_MAPPING.fallback,
  };
}

export function admonitionType(callout: CalloutBlockObjectResponse['callout'], mapping: CalloutMapping): AdmonitionType {
  const byColor = mapping.byColor[callout.color];
  if (byColor) return byColor;
  const emoji = callout.icon?.type === 'emoji' ? callout.icon.emoji : undefined;
  return (emoji && mapping.byEmoji[emoji]) || mapping.fallback;
}
