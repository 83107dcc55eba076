// A second LSP client: Neovim's built-in one (Debian's neovim), headless, opens a flawed brief and receives
// its diagnostics, then an edit and the updated ones. pmm-lint is a language server, not a VS Code plug-in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SERVER_BIN } from '../../tools/lsp';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const optOut = process.env.PMM_LINT_SKIP_NVIM === '1';

describe('Neovim LSP client', () => {
  it('receives the diagnostics of a flawed brief, and the update after an edit', { skip: optOut ? 'PMM_LINT_SKIP_NVIM=1' : false }, async () => {
    assert.equal(nvim.status, 0, 'nvim is not installed: run `apt-get install -y neovim` (npm test does it as root), or set PMM_LINT_SKIP_NVIM=1 to opt out');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-nvim-'));
    const out = path.join(dir, 'out.txt');
    const doc = path.join(dir, 'gtm-brief.md');
    fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), doc);
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn('nvim', ['--headless', '--clean', '-u', path.join(ROOT, 'test', 'nvim', 'init.lua'), '-c', 'lua pmm_check()', doc], {
          cwd: dir,
          env: { ...process.env, PMM_NVIM_OUT: out, PMM_SERVER_BIN: SERVER_BIN, HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        // Bounded: nvim's own waits are 20 s each.
        const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
        child.on('error', reject);
        child.on('exit', (c) => (clearTimeout(timer), resolve(c)));
      });
      const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
      assert.equal(code, 0, lines.join('\n'));
      const first = lines.filter((l) => l.startsWith('diag '));
      const second = lines.filter((l) => l.startsWith('diag2 '));
      assert.ok(lines.includes(`first true ${first.length}`), lines.join('\n'));
      const codes = (ls: string[]) => ls.map((l) => l.split(' ')[1]);
      assert.ok(codes(first).includes('required-element'));
      assert.ok(codes(first).includes('unproven-claim'));
      assert.ok(first.every((l) => l.endsWith(' pmm-lint')), 'source is pmm-lint');
      // The unproven claim sits at 16:11 (1-based), as the CLI reports it.
      assert.ok(first.includes('diag unproven-claim 16:11 2 pmm-lint'), first.join('\n'));
      assert.ok(lines.includes(`after true ${second.length}`), lines.join('\n'));
      assert.ok(!codes(second).includes('unproven-claim'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
