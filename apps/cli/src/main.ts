#!/usr/bin/env node
import { processIo } from './cli-io';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), processIo()).then(
  // Exit explicitly: an HTTP keep-alive socket or a timer left by a library must not hold the command open.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`zmp-manual: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
