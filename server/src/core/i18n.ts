// User-facing text in English and Simplified Chinese. Messages are looked up by id and filled with data,
// so a finding can be shown in either language.

import { RULE_MESSAGES, type RuleMessageId } from './rule-messages.generated';
import type { Locale } from './types';

type Catalog = Record<string, string>;

const en = {
  // weak reasons (scorecard)
  'reason.missing': 'Not found: add a section headed "{heading}".',
  'reason.empty': 'The section is empty.',
  'reason.placeholder': 'It still holds a placeholder.',
  'reason.minItems': 'Lists {count}; needs at least {min}.',
  'reason.maxItems': 'Has {count}; keep at most {max}.',
  'reason.table': 'Needs a table.',
  'reason.owner': 'Names no owner: give a person for each lane.',
  'reason.metric': 'Some items lack a number, or a timeframe or baseline.',
  'reason.proof': 'Some items have no proof (metric, customer, quote or link).',
  'reason.superlativesOnly': 'Only superlatives here ("best-in-class", "world-class"): name capabilities a buyer can check.',
  'reason.date': 'Uses vague dates instead of calendar dates.',
  'reason.statement': "Moore's template is not complete.",
  // language server
  'lsp.action.insertElement': "Insert missing element '{title}'",
  'lsp.action.insertAll': 'Insert all {count} missing elements',
  'lsp.action.disableLine': 'Disable {rule} for this line',
  'lsp.action.disableFile': 'Disable {rule} for this file',
  'lsp.action.addType': 'Add front matter type: {type} ({title})',
  'lsp.action.changeType': 'Change type to {type} ({title})',
  'lsp.element.required': 'required',
  'lsp.element.optional': 'optional',
  'lsp.element.complete': 'Complete when: {complete}',
  'lsp.element.lacks': 'Still lacks:',
  'lsp.status.complete': 'complete',
  'lsp.status.weak': 'weak',
  'lsp.status.missing': 'missing',
  'lsp.rule.docs': 'Rule documentation',
  'lsp.configError': 'pmm-lint config error in {file}{where}: {detail}',
  'lsp.tooLarge': '{file} is {size}, over the {limit} limit (maxFileSize): pmm-lint does not lint it.',
  'budget.overTime':
    'pmm-lint stopped checking this document after {seconds} s, its time budget (Markdown built to make the parser slow does this; so can a very large document on a busy machine). To give it more time, raise budget.timeMs in .pmmlintrc.',
  'budget.overMemory':
    'pmm-lint stopped checking this document: it needed more than {limit} MiB of memory, its budget. If the document is real, raise budget.memoryMb in .pmmlintrc.',
  'lsp.ruleFailed': 'Rule {rule} failed on {file}: {detail}. The other rules still ran.',
  'lsp.lintFailed': 'pmm-lint could not check this document ({detail}). This is a pmm-lint bug: please report it.',
  'lsp.unknownDocument': 'Unknown document {uri}: the client has not opened it.',
  'lsp.positionOutOfRange': 'Position {line}:{character} is outside the document ({lines} lines).',
  'lsp.badParams': 'Invalid parameters: {detail}.',
  'lsp.badSetting': 'Ignoring setting pmmLint.{key}: {detail}.',
  'lsp.frontMatter': 'Front matter',
  'lsp.untitled': '(untitled)',
  'lsp.completion.missing': 'missing element',
  'lsp.completion.present': 'already in the document',
  'lsp.fm.type': 'Document type: tells pmm-lint which checklist applies.',
  'lsp.fm.owner': 'Owner (DRI): the person accountable for the document.',
  'lsp.fm.status': 'Status: draft, in review, approved...',
  'lsp.fm.updated': 'Last updated: a calendar date (YYYY-MM-DD).',
  'lsp.fm.tier': 'Launch tier: 1 (major) to 4 (silent).',
  'lsp.fm.launch_date': 'Launch date: a calendar date (YYYY-MM-DD).',
  'lsp.fm.product': 'Product or feature the document is about.',
  'lsp.fm.today': 'Today',
  // CLI
  'cli.summary': '{problems} ({errors}, {warnings}, {infos})',
  'cli.problems': '{count} problem|{count} problems',
  'cli.errors': '{count} error|{count} errors',
  'cli.warnings': '{count} warning|{count} warnings',
  'cli.infos': '{count} info|{count} infos',
  'cli.noProblems': '{files} file(s) checked, no problems.',
  'cli.filesChecked': '{files} file(s) checked, {pmm} PMM document(s).',
  'cli.score': '{type} · score {score}/100 · {missing} missing, {weak} weak',
  'cli.draft': '{type} · draft · {written} of {total} required sections written',
  'cli.skipBinary': '{file}: skipped, it looks like a binary file.',
  'cli.skipLarge': '{file}: skipped, {size} is over the {limit} limit (maxFileSize).',
  'cli.notFound': '{file}: no such file or directory.',
  'cli.unreadable': '{file}: cannot be read ({reason}).',
  'cli.unwritable': '{file}: the report cannot be written there ({reason}).',
  'cli.initExists': '{file} already exists here: run `pmm-lint init --force` to replace it.',
  'cli.initOther': '{file} already configures pmm-lint here: edit it, or remove it and run `pmm-lint init` again.',
  'cli.initWrote': 'Wrote {file} from {files} Markdown files ({pmm} PMM documents). Review it, then commit it.',
  'cli.notAFile': '{file}: not read, it is not a regular file (a FIFO, device or socket).',
  'cli.overTime': '{file}: not checked: linting stopped after {seconds} s, its time budget (budget.timeMs in .pmmlintrc, or --time-budget).',
  'cli.overMemory': '{file}: not checked: linting needed more than {limit} MiB of memory, its budget (budget.memoryMb in .pmmlintrc, or --memory-budget).',
  'cli.noMatch': "{pattern}: no Markdown files matched.",
  'cli.ignored': '{file}: ignored by the config ignore patterns.',
  'cli.tooDeep': '{file}: line {line} is nested too deeply; from there on its nesting was read as plain text.',
  'cli.lintFailed': '{file}: could not be linted ({reason}). This is a pmm-lint bug: please report it.',
  'cli.configError': 'Config error in {file}{where}: {detail}',
  'cli.usage': 'Usage error: {detail}. Run pmm-lint --help.',
  'cli.tooManyWarnings': 'pmm-lint found too many warnings (maximum: {max}).',
  'cli.fix.fixed': '{file}: {changes}',
  'cli.fix.wouldFix': '{file} (dry run): {changes}',
  'cli.fix.addedType': 'added type: {type}',
  'cli.fix.wouldAddType': 'would add type: {type}',
  'cli.fix.inserted': 'inserted {count} missing element|inserted {count} missing elements',
  'cli.fix.wouldInsert': 'would insert {count} missing element|would insert {count} missing elements',
  'cli.fix.separator': '; ',
  'cli.fix.changedMeanwhile': '{file}: not fixed: the file changed after it was read, or is not valid UTF-8.',
  'cli.fix.unwritable': '{file}: the fixed text cannot be written ({reason}); the file is unchanged.',
  'cli.help': `Usage: pmm-lint [options] <files|dirs|globs>
       pmm-lint init [--force]

Lints product-marketing Markdown documents against their checklists.

Options:
  -f, --format <name>                output format: stylish (default), json, sarif, github (workflow
                                     annotations), junit or codequality (GitLab)
  -o, --output-file <file>           write the report to this file instead of standard output
      --changed-since <git-ref>      lint only the Markdown files changed since the ref (from the merge
                                     base), uncommitted and new files included; files named narrow them
  -c, --config <file>                use this config file instead of searching for .pmmlintrc
      --locale <en|zh>               language of messages (default: from the environment)
      --max-warnings <n>             exit 1 when there are more than n warnings
      --fix                          apply the safe fixes and write the files back: add the type a
                                     document clearly reads as to its front matter; one line per changed
                                     file on stderr; the report shows what is left
      --fix-insert-missing           --fix, and also insert the headings and skeletons of missing
                                     required elements where the checklist puts them
      --fix-dry-run                  change no file: print the fixes as a unified diff on stdout (the
                                     report only goes to --output-file)
      --quiet                        report errors only
      --stdin                        lint text from standard input
      --stdin-filename <name>        the file name to use for standard input
      --time-budget <ms>             time for one document before it is stopped (default 5000)
      --memory-budget <MiB>          memory for one document before it is stopped (default 256)
      --no-color                     no colours in stylish output
  -v, --version                      print the version
  -h, --help                         print this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or read errors, or a document not checked
within its budget.`,
} satisfies Catalog;

/** The ids of the shared messages (the rules' own are in their files). */
export type SharedMessageId = keyof typeof en;

/** Every message id: a misspelt one does not compile. */
export type MessageId = SharedMessageId | RuleMessageId;

/** Every shared message in Chinese too: a key missing here (or one English does not have) does not compile. */
const zh: Record<SharedMessageId, string> = {
  'reason.missing': '没有这一节：请添加标题为「{heading}」的一节。',
  'reason.empty': '这一节是空的。',
  'reason.placeholder': '还留有占位符。',
  'reason.minItems': '只列了 {count} 项，至少需要 {min} 项。',
  'reason.maxItems': '共 {count} 项，最多保留 {max} 项。',
  'reason.table': '需要用表格呈现。',
  'reason.owner': '没有写负责人：每条线都要落到具体的人。',
  'reason.metric': '有的条目缺少数字，或缺少期限或基线。',
  'reason.proof': '有的条目没有证据（指标、客户、原话或链接）。',
  'reason.superlativesOnly': '只有「业界领先」「一流」之类的说法：请写出买家能够验证的具体能力。',
  'reason.date': '用了模糊的时间说法，没有写具体日期。',
  'reason.statement': 'Moore 模板没有填完整。',
  'lsp.action.insertElement': '插入缺失要素「{title}」',
  'lsp.action.insertAll': '插入全部 {count} 个缺失要素',
  'lsp.action.disableLine': '在本行停用 {rule}',
  'lsp.action.disableFile': '在本文件停用 {rule}',
  'lsp.action.addType': '在 front matter 中添加 type: {type}（{title}）',
  'lsp.action.changeType': '把类型改为 {type}（{title}）',
  'lsp.element.required': '必备',
  'lsp.element.optional': '可选',
  'lsp.element.complete': '怎样算完整：{complete}',
  'lsp.element.lacks': '还需改进：',
  'lsp.status.complete': '完整',
  'lsp.status.weak': '待完善',
  'lsp.status.missing': '缺失',
  'lsp.rule.docs': '规则说明',
  'lsp.configError': 'pmm-lint 配置文件有误（{file}{where}）：{detail}',
  'lsp.tooLarge': '{file} 大小为 {size}，超过 {limit} 的上限（maxFileSize），pmm-lint 不检查此文件。',
  'budget.overTime': '检查时间超过 {seconds} 秒的预算，pmm-lint 已停止检查此文档（专门拖慢解析器的 Markdown 会这样，机器繁忙时的超大文档也可能这样）。如需更多时间，请调大 .pmmlintrc 中的 budget.timeMs。',
  'budget.overMemory': '所需内存超过 {limit} MiB 的预算，pmm-lint 已停止检查此文档。如果这是一份正常文档，请调大 .pmmlintrc 中的 budget.memoryMb。',
  'lsp.ruleFailed': '规则 {rule} 检查 {file} 时出错：{detail}。其他规则已照常运行。',
  'lsp.lintFailed': 'pmm-lint 无法检查此文档（{detail}）。这是 pmm-lint 的缺陷，请向我们报告。',
  'lsp.unknownDocument': '未知文档 {uri}：客户端尚未打开它。',
  'lsp.positionOutOfRange': '位置 {line}:{character} 超出文档范围（文档共 {lines} 行）。',
  'lsp.badParams': '参数无效：{detail}。',
  'lsp.badSetting': '已忽略设置 pmmLint.{key}：{detail}。',
  'lsp.frontMatter': 'front matter',
  'lsp.untitled': '（无标题）',
  'lsp.completion.missing': '缺失要素',
  'lsp.completion.present': '文档中已有',
  'lsp.fm.type': '文档类型：决定 pmm-lint 按哪份检查清单检查。',
  'lsp.fm.owner': '负责人（DRI）：对这份文档负责的人。',
  'lsp.fm.status': '状态：草稿、评审中、已批准等。',
  'lsp.fm.updated': '最后更新日期：日历日期（YYYY-MM-DD）。',
  'lsp.fm.tier': '发布等级：1（重大）到 4（静默）。',
  'lsp.fm.launch_date': '发布日期：日历日期（YYYY-MM-DD）。',
  'lsp.fm.product': '文档涉及的产品或功能。',
  'lsp.fm.today': '今天',
  'cli.summary': '{problems}（{errors}，{warnings}，{infos}）',
  'cli.problems': '{count} 个问题|{count} 个问题',
  'cli.errors': '{count} 个错误|{count} 个错误',
  'cli.warnings': '{count} 个警告|{count} 个警告',
  'cli.infos': '{count} 条提示|{count} 条提示',
  'cli.noProblems': '已检查 {files} 个文件，未发现问题。',
  'cli.filesChecked': '已检查 {files} 个文件，其中 {pmm} 个是 PMM 文档。',
  'cli.score': '{type} · 得分 {score}/100 · 缺少 {missing} 项，{weak} 项待完善',
  'cli.draft': '{type} · 草稿 · 必备的 {total} 节已写完 {written} 节',
  'cli.skipBinary': '{file}：已跳过，看起来是二进制文件。',
  'cli.skipLarge': '{file}：已跳过，大小 {size} 超过 {limit} 的上限（maxFileSize）。',
  'cli.notFound': '{file}：文件或目录不存在。',
  'cli.unreadable': '{file}：无法读取（{reason}）。',
  'cli.unwritable': '{file}：无法把报告写到这里（{reason}）。',
  'cli.initExists': '这里已有 {file}：如要替换，请运行 `pmm-lint init --force`。',
  'cli.initOther': '这里已有 pmm-lint 配置 {file}：请直接修改它，或删除后重新运行 `pmm-lint init`。',
  'cli.initWrote': '已根据 {files} 个 Markdown 文件（其中 {pmm} 个 PMM 文档）生成 {file}。请检查后提交。',
  'cli.notAFile': '{file}：未读取，它不是普通文件（可能是管道、设备或套接字）。',
  'cli.overTime': '{file}：未检查完：检查时间超过 {seconds} 秒的预算，已停止（可调大 .pmmlintrc 中的 budget.timeMs，或使用 --time-budget）。',
  'cli.overMemory': '{file}：未检查完：所需内存超过 {limit} MiB 的预算，已停止（可调大 .pmmlintrc 中的 budget.memoryMb，或使用 --memory-budget）。',
  'cli.noMatch': '{pattern}：没有匹配的 Markdown 文件。',
  'cli.ignored': '{file}：已按配置中的 ignore 规则忽略。',
  'cli.tooDeep': '{file}：第 {line} 行嵌套过深，从这里开始的嵌套内容按纯文本读取。',
  'cli.lintFailed': '{file}：无法检查（{reason}）。这是 pmm-lint 的缺陷，请向我们报告。',
  'cli.configError': '配置文件有误（{file}{where}）：{detail}',
  'cli.usage': '用法错误：{detail}。运行 pmm-lint --help 查看帮助。',
  'cli.tooManyWarnings': 'pmm-lint 发现的警告过多（上限为 {max} 个）。',
  'cli.fix.fixed': '{file}：{changes}',
  'cli.fix.wouldFix': '{file}（试运行）：{changes}',
  'cli.fix.addedType': '已添加「type: {type}」',
  'cli.fix.wouldAddType': '将添加「type: {type}」',
  'cli.fix.inserted': '已插入 {count} 个缺失的要素',
  'cli.fix.wouldInsert': '将插入 {count} 个缺失的要素',
  'cli.fix.separator': '；',
  'cli.fix.changedMeanwhile': '{file}：未修复：文件在读取后被改动过，或不是有效的 UTF-8 编码。',
  'cli.fix.unwritable': '{file}：无法写入修复后的内容（{reason}），文件保持原样。',
  'cli.help': `用法：pmm-lint [选项] <文件|目录|通配符>
      pmm-lint init [--force]

按各类文档的检查清单，检查产品营销（PMM）Markdown 文档。

选项：
  -f, --format <格式>                输出格式：stylish（默认）、json、sarif、github（工作流注释）、
                                     junit 或 codequality（GitLab）
  -o, --output-file <文件>           把报告写入该文件，而不是标准输出
      --changed-since <git 引用>     只检查自该引用（从合并基点算起）以来改动过的 Markdown 文件，
                                     包括未提交和新建的文件；同时给出的文件或目录用于进一步限定范围
  -c, --config <文件>                使用此配置文件，不再查找 .pmmlintrc
      --locale <en|zh>               消息语言（默认取自环境变量）
      --max-warnings <n>             警告多于 n 个时退出码为 1
      --fix                          应用可自动完成的修复并写回文件：为明显属于某类的文档在 front matter
                                     中加上 type；每个改动过的文件在标准错误输出一行；报告只列剩下的问题
      --fix-insert-missing           在 --fix 的基础上，再按检查清单的位置插入缺失的必备要素（标题和框架）
      --fix-dry-run                  不改动任何文件：在标准输出以统一差异格式（unified diff）列出修复
                                     内容（报告只写入 --output-file）
      --quiet                        只报告错误
      --stdin                        从标准输入读取文本
      --stdin-filename <名称>        标准输入对应的文件名
      --time-budget <毫秒>           单个文档的检查时限，超时即停止（默认 5000）
      --memory-budget <MiB>          单个文档的内存上限，超出即停止（默认 256）
      --no-color                     stylish 输出不使用颜色
  -v, --version                      显示版本
  -h, --help                         显示本帮助

退出码：0 无错误，1 有错误（或警告过多），2 用法、配置或读取错误，或有文档未能在预算内检查完。`,
};

/** The shared messages above, and every rule's own (from its meta, copied by `npm run gen`). */
const catalogs: Record<Locale, Catalog> = { en: { ...en, ...RULE_MESSAGES.en }, zh: { ...zh, ...RULE_MESSAGES.zh } };

/** Looks up a message and fills {placeholders}. "a|b" picks singular/plural by {count}. */
export function t(locale: Locale, id: MessageId, data: Record<string, string | number> = {}): string {
  return formatMessage(locale, catalogs[locale][id] ?? catalogs.en[id] ?? id, data);
}

/** Fills a message's {placeholders} from data (see localizedValue); "a|b" picks singular/plural by {count}. */
export function formatMessage(locale: Locale, template: string, data: Record<string, string | number> = {}): string {
  if (template.includes('|') && typeof data.count === 'number' && !template.includes('\n')) {
    const [one, many] = template.split('|');
    template = data.count === 1 ? one : many;
  }
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = localizedValue(locale, key, data);
    return value === undefined ? whole : String(value);
  });
}

/**
 * Data can carry both languages: `title` (English) with `titleZh`; `{titleOther}` is the other language's.
 * Chinese messages take the `Zh` variant of a key when there is one.
 */
function localizedValue(locale: Locale, key: string, data: Record<string, string | number>): string | number | undefined {
  if (key.endsWith('Other')) {
    const base = key.slice(0, -'Other'.length);
    return locale === 'zh' ? data[base] : data[base + 'Zh'] ?? data[base];
  }
  if (locale === 'zh' && data[key + 'Zh'] !== undefined) return data[key + 'Zh'];
  return data[key];
}

export function messageIds(locale: Locale): MessageId[] {
  return Object.keys(catalogs[locale]) as MessageId[];
}

/** The locale from LC_ALL / LC_MESSAGES / LANG / LANGUAGE (zh_* -> zh), else English. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}

export function parseLocale(value: string | undefined): Locale | null {
  if (!value) return null;
  if (/^zh/i.test(value)) return 'zh';
  if (/^en/i.test(value)) return 'en';
  return null;
}
