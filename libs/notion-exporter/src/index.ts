export { serializeMdx } from './mdx-serializer';
