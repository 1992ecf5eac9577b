import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoWorkspace } from './fixtures/demo-workspace';
import { loadWorkspace, saveWorkspace, workspaceJson } from './workspace-io';

describe('saveWorkspace / loadWorkspace', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'notion-ws-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips a workspace, file bytes included', async () => {
    const ws = buildDemoWorkspace();
    await saveWorkspace(ws, dir);
    const loaded = await loadWorkspace(dir);
    expect(workspaceJson(loaded)).toBe(workspaceJson(ws));
    expect(loaded.pages).toEqual(ws.pages);
    expect(loaded.blocks).toEqual(ws.blocks);
    for (const [name, file] of Object.entries(ws.files)) expect(loaded.files[name].data.equals(file.data)).toBe(true);
  });

  it('replaces the files of an earlier save and keeps other files in the folder', async () => {
    await writeFile(join(dir, 'README.md'), 'notes');
    const ws = buildDemoWorkspace();
    await saveWorkspace(ws, dir);
    await writeFile(join(dir, 'files', 'stale.png'), 'old');
    await saveWorkspace(ws, dir);
    await expect(readFile(join(dir, 'files', 'stale.png'))).rejects.toThrow();
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('notes');
  });

  it('says what is wrong with a folder that is not a whole workspace', async () => {
    await expect(loadWorkspace(dir)).rejects.toThrow(/No workspace at .*workspace\.json/);
    await writeFile(join(dir, 'workspace.json'), '{ not json');
    await expect(loadWorkspace(dir)).rejects.toThrow(/is not valid JSON/);
    const ws = buildDemoWorkspace();
    await saveWorkspace(ws, dir);
    const [name] = Object.keys(ws.files);
    await unlink(join(dir, 'files', name));
    await expect(loadWorkspace(dir)).rejects.toThrow(new RegExp(`lists file "${name.replace('.', '\\.')}"`));
  });

  it('refuses a workspace whose root page is missing', async () => {
    const ws = buildDemoWorkspace();
    await saveWorkspace({ ...ws, rootPageId: '00000000-0000-4000-8000-000000000000' }, dir);
    await expect(loadWorkspace(dir)).rejects.toThrow(/root page 00000000-0000-4000-8000-000000000000/);
  });
});
