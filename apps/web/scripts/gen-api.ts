// Writes src/api/schema.d.ts from the server's OpenAPI document: `npm run gen:api -w @puhui/web`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

const text = await generateApiTypes();
writeFileSync(API_TYPES_FILE, text);
process.stdout.write(`wrote ${fileURLToPath(API_TYPES_FILE)} (${text.length} characters)\n`);
