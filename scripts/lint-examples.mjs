// `npm start`: lint the bundled examples with the CLI and print the report. The flawed examples are meant to
// have errors, so exit code 1 is the expected outcome here; 2 (usage/config/read error) is a real failure.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['bin/pmm-lint.js', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
const code = result.status ?? 2;
process.exit(code === 1 ? 0 : code);
