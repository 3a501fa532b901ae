import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
const doc = JSON.parse(readFileSync('/tmp/wt-f/openapi.json', 'utf8'));
const ast = await openapiTS(doc, { enumValues: process.argv[2] === 'ev', rootTypes: false, silent: true });
writeFileSync('/tmp/wt-f/out.ts', astToString(ast));
