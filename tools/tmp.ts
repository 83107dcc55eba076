import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A scratch folder with the given files (relative path -> content), removed by the caller's cleanup. */
export function makeTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-lint-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const FLAWED_GTM = `---
type: gtm-brief
owner: Dana Li
status: in-review
updated: 2026-11-02
---

# Alerts launch

## What we're launching

Alerts for Lumen: notify a channel when a metric moves. Teams asked for it in 41 support tickets in October.

## Success metrics

- Increase adoption

## Timeline

- Launch: Q3
`;
