#!/usr/bin/env node
import { isVersionRequest, packageVersion } from '../dist/cli/version.js';

// `--version` is answered before the CLI's modules load: start-up stays near a bare `node`.
if (isVersionRequest(process.argv.slice(2))) process.stdout.write(`${packageVersion()}\n`);
else await (await import('../dist/cli/main.js')).run();
