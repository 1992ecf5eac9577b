import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import * as fs from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from './demo';
import type { RunningDemo } from './demo';

describe('the demo', () => {
  let demo: RunningDemo;
  const lines: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({ ports: { notion: 0, openai: 0, git: 0 }, print: (line) => lines.push(line) });
  });
  afterAll(() => demo.stop());

  it('prints where each emulator listens', () => {
    const output = lines.join('\n');
    expect(output).toContain(`Notion API   ${demo.notion.url}`);
    expect(output).toContain(`OpenAI API   ${demo.openai.baseURL}`);
    expect(output).toContain(`git server   ${demo.git.url}`);
  });

  it('reads the demo manual from the Notion emulator', () => {
    expect(demo.tour.rootTitle).toBe('ZCP');
    expect(demo.tour.sections).toEqual(['Getting Started', 'User Guide', 'Administration', 'Reference', 'Release Notes', 'Troubleshooting']);
    expect(demo.notion.stats().total).toBe(2);
  });

  it('translates through the OpenAI emulator, keeping the placeholder', () => {
    expect(demo.tour.translation).toContain('⟦1⟧');
    expect(demo.tour.translation).not.toBe('Click ⟦1⟧ to save your manual.');
    expect(demo.tour.translation).toMatch(/ko/);
  });

  it('pushed a commit that a clone sees', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-clone-'));
    try {
      await git.clone({ fs, http, dir, url: demo.git.repoUrl('zcp-docs'), onAuth: () => ({ username: 'x', password: 'ghp_demo_token' }) });
      expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(demo.tour.pushedCommit);
      expect(await readFile(join(dir, demo.tour.pushedFile), 'utf8')).toContain('title: ZCP');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
