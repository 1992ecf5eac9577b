export { parseMdx } from './mdx-parser';
