import { canonicalLanguageTag } from '@zmp-manual/publish-pipeline';
import { UsageError } from '../errors/usage-error';

/**
 * `--languages ko,ja` → `['ko', 'ja']`: comma-separated canonical BCP-47 tags (`pt-BR`, `zh-Hans`), each once.
 * An empty value means "no translation".
 */
export function parseLanguages(value: string, flag = '--languages'): string[] {
  const codes = value
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
  for (const code of codes) {
    const canonical = canonicalLanguageTag(code);
    if (canonical === undefined) throw new UsageError(`${flag}: "${code}" is not a language tag (like ko, ja or pt-BR)`);
    if (canonical !== code) throw new UsageError(`${flag}: write "${code}" as "${canonical}"`);
  }
  return [...new Set(codes)];
}
