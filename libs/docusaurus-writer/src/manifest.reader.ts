import { validateSettings } from './options.validator';
import { parseManifest } from './manifest';
import type { WriterManifest } from './manifest';
import { PathGuard } from './path.guard';
import { readRegularFile } from './file.sync';
import type { WriterFs } from './writer-fs';
import { nodeWriterFs } from './writer-fs';

export interface ReadManifestOptions {
  root: string;
  solution: string;
  /** Same default as `writeSolution`: `.zmp-manual/<solution>.manifest.json`. */
  manifest?: string;
  fs?: WriterFs;
}

/**
 * The manifest `writeSolution` left in the site for `solution`, or undefined when there is none. A pipeline
 * reads it to learn which assets the site already holds (their `static/img/…` paths and sha256).
 */
export async function readManifest(options: ReadManifestOptions): Promise<WriterManifest | undefined> {
  const fs = options.fs ?? nodeWriterFs;
  const settings = validateSettings({ root: options.root, solution: options.solution, manifest: options.manifest });
  const guard = await PathGuard.open(fs, settings.root);
  await guard.checkFile(settings.manifestPath);
  const bytes = await readRegularFile(fs, guard.absolute(settings.manifestPath), settings.manifestPath);
  if (bytes === undefined) return undefined;
  return parseManifest(Buffer.from(bytes).toString('utf8'), settings.manifestPath, settings.solution);
}
