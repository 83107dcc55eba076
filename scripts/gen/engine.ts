// The engine of the project being generated (the repository, or a copy of it in test/core/extending.test.ts): its lint
// and its message catalog, so that a new rule's findings and messages come from the same sources as the rule.
import * as path from 'node:path';
import type * as Config from '../../server/src/core/config';
import type * as I18n from '../../server/src/core/i18n';
import type * as Lint from '../../server/src/core/lint';

export interface Engine {
  lintText: typeof Lint.lintText;
  defaultConfig: typeof Config.defaultConfig;
  formatMessage: typeof I18n.formatMessage;
}

export function engineOf(root: string): Engine {
  const load = <T>(file: string) => require(path.join(root, 'server', 'src', 'core', file)) as T;
  const { lintText } = load<typeof Lint>('lint.ts');
  const { defaultConfig } = load<typeof Config>('config.ts');
  const { formatMessage } = load<typeof I18n>('i18n.ts');
  return { lintText, defaultConfig, formatMessage };
}
