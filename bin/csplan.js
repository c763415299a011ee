#!/usr/bin/env node
import { isVersionRequest, printVersion } from '../dist/bundle/version.js';

// `--version` is answered before the CLI's modules load: start-up stays near a bare `node`.
// dist/bundle/ is the CLI bundled with its dependencies (scripts/bundle.mjs).
if (isVersionRequest(process.argv.slice(2))) printVersion();
else await (await import('../dist/bundle/main.js')).run();
