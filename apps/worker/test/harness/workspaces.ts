import { builder } from '@zmp-manual/notion-emulator';
import type { Workspace } from '@zmp-manual/notion-emulator';

const { bot, buildWorkspace, bullet, h2, idFactory, page, paragraph, person, bold, inlineCode } = builder;

const id = idFactory('worker-e2e');

/** Ids of the small manual the heavier cases publish (`tinyWorkspace`). */
export const TINY_IDS = {
  root: id('root'),
  section: (s: number) => id(`section-${s}`),
  page: (s: number, p: number) => id(`page-${s}-${p}`),
  users: { ann: id('user-ann'), bot: id('user-bot') },
};

/**
 * A small manual: a root "ZCP" with `sections` directory pages of `pagesPerSection` pages each, a few blocks
 * per page. Small enough to run many times; the emulators' latency settings make it as slow as a case needs.
 */
export function tinyWorkspace(sections = 2, pagesPerSection = 3): Workspace {
  const content = (topic: string) => [
    paragraph('This page explains ', bold(topic), ' for operators.'),
    h2('Steps'),
    bullet('Open the console.'),
    bullet(['Run ', inlineCode('zcp apply'), ' and wait.']),
    paragraph('Check the result before you continue.'),
  ];
  const sectionPages = Array.from({ length: sections }, (_, s) =>
    page(
      { title: `Section ${s + 1}`, id: TINY_IDS.section(s + 1) },
      paragraph(`Everything about part ${s + 1}.`),
      ...Array.from({ length: pagesPerSection }, (__, p) => page({ title: `Topic ${s + 1}.${p + 1}`, id: TINY_IDS.page(s + 1, p + 1) }, ...content(`topic ${s + 1}.${p + 1}`))),
    ),
  );
  return buildWorkspace({
    name: 'worker-e2e',
    users: [person(TINY_IDS.users.ann, 'Ann Operator', 'ann@example.com'), bot(TINY_IDS.users.bot, 'Integration', 'Worker e2e', id('workspace'))],
    root: page({ title: 'ZCP', id: TINY_IDS.root }, paragraph('The ZCP manual.'), ...sectionPages),
  });
}
