#!/usr/bin/env node
import { createProgram } from './program';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`zmp-manual: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
