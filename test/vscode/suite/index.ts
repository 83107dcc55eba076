// extensionTestsPath entry: runs the mocha suite inside the real VS Code extension host (code-server's, or
// Electron's under @vscode/test-electron). Bundled by test/vscode/run.ts to .vscode-test/suite/index.js.
import Mocha from 'mocha';
import { extensionTests } from './extension.suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension.suite', mocha);
  extensionTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed.`)) : resolve()));
  });
}
