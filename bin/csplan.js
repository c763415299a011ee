#!/usr/bin/env node
import { isVersionRequest, printVersion } from '../dist/cli/version.js';

// `--version` is answered before the CLI's modules load: start-up stays near a bare `node`.
if (isVersionRequest(process.argv.slice(2))) printVersion();
else await (await import('../dist/cli/main.js')).run();
