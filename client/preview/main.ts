// The preview page's script (bundled to dist/preview.js). It draws what the extension posts: the document's
// HTML (sanitised by the server, and once more here) and the scorecard (built with text nodes only).

import type { DocumentReport } from '../../server/src/protocol';

interface Update {
  type: 'update';
  html: string;
  language: 'en' | 'zh';
  labels: Record<string, string>;
  report: DocumentReport;
  typeTitle?: string;
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscodeApi = acquireVsCodeApi();

const DROP = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'form', 'input', 'button', 'img', 'svg', 'math', 'video', 'audio', 'source', 'template']);

/** A second line of defence: the server already sanitised this HTML. */
function sanitise(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const walk = (root: ParentNode) => {
    for (const el of Array.from(root.children)) {
      if (DROP.has(el.tagName.toLowerCase())) {
        el.remove();
        continue;
      }
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.trim().toLowerCase();
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || ((name === 'href' || name === 'src' || name === 'xlink:href') && !/^(https?:|mailto:|#|\.{0,2}\/|[^:]*$)/.test(value))) {
          el.removeAttribute(attr.name);
        }
      }
      walk(el);
    }
  };
  walk(template.content);
  return template.content;
}

function h(tag: string, className?: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const ICON = { complete: '✓', weak: '⚠', missing: '✗' } as const;

function renderScorecard(m: Update): HTMLElement {
  const { report, labels, language } = m;
  const card = h('div', 'card');
  if (!report.docType) {
    card.append(h('p', 'notice', report.notice ?? labels.notPmm));
    return card;
  }
  const typeName = m.typeTitle ?? report.docType;
  const head = h('header', 'score');
  if (report.draft) {
    // A draft is a to-do list: its progress, not a score.
    const progress = labels.draftProgress.replace('{0}', String(report.draft.written)).replace('{1}', String(report.draft.total));
    head.classList.add('draft');
    head.append(h('span', 'draft-progress', progress), h('span', 'score-label', `${labels.draft} · ${typeName}`));
  } else {
    head.append(h('span', 'score-value', `${report.score ?? 0}%`), h('span', 'score-label', `${labels.score} · ${typeName}`));
  }
  card.append(head);
  const list = h('ul', 'elements');
  list.setAttribute('aria-label', labels.checklist);
  for (const e of report.elements) {
    const item = h('li', `element ${e.status}`);
    item.dataset.element = e.id;
    item.dataset.status = e.status;
    if (e.line !== null) item.dataset.line = String(e.line - 1);
    item.tabIndex = 0;
    item.setAttribute('role', 'button');
    const title = language === 'zh' ? e.title.zh : e.title.en;
    const row = h('div', 'element-row');
    row.append(h('span', 'icon', ICON[e.status]), h('span', 'title', title), h('span', 'status', `${labels[e.status]}${e.required ? '' : ` · ${labels.optional}`}`));
    if (e.status === 'missing') row.append(h('span', 'action', labels.insert));
    item.append(row);
    for (const r of e.reasons) item.append(h('div', 'reason', r));
    list.append(item);
  }
  card.append(list);
  card.append(h('h2', 'findings-title', `${labels.findings} (${report.findings.length})`));
  if (report.findings.length === 0) card.append(h('p', 'none', labels.noFindings));
  const findings = h('ul', 'findings');
  for (const f of report.findings) {
    const item = h('li', `finding ${f.severity}`);
    item.dataset.line = String(f.line - 1);
    item.tabIndex = 0;
    item.setAttribute('role', 'button');
    item.append(h('span', 'where', `${f.line}`), h('span', 'message', f.message), h('span', 'rule', f.ruleId));
    findings.append(item);
  }
  card.append(findings);
  return card;
}

function render(m: Update): void {
  document.documentElement.lang = m.language === 'zh' ? 'zh-CN' : 'en';
  const doc = document.getElementById('document')!;
  doc.replaceChildren(sanitise(m.html));
  document.getElementById('scorecard')!.replaceChildren(renderScorecard(m));
}

function scrollTo(line: number): void {
  let best: HTMLElement | null = null;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('#document [data-line]'))) {
    if (Number(el.dataset.line) <= line) best = el;
    else break;
  }
  const pane = document.getElementById('document')!;
  pane.scrollTop = best ? best.offsetTop - pane.offsetTop : 0;
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as { type?: string; line?: number };
  if (m?.type === 'update') render(m as Update);
  else if (m?.type === 'scroll' && typeof m.line === 'number') scrollTo(m.line);
});

function activate(target: Element): void {
  const link = target.closest('a');
  if (link) {
    const href = link.getAttribute('href');
    if (href && !href.startsWith('#')) vscodeApi.postMessage({ type: 'openLink', href });
    return;
  }
  const el = target.closest<HTMLElement>('[data-element], .finding, #document [data-line]');
  if (!el) return;
  if (el.dataset.status === 'missing' && el.dataset.element) vscodeApi.postMessage({ type: 'insert', elementId: el.dataset.element });
  else if (el.dataset.line !== undefined) vscodeApi.postMessage({ type: 'reveal', line: Number(el.dataset.line) });
}

// Links are ours alone: VS Code's webview host also listens for link clicks (on the window, after the document)
// and would open them itself, a second time and without our check. So a link's click stops here.
document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  if (!target) return;
  if (target.closest('a')) {
    event.preventDefault();
    event.stopPropagation();
  }
  activate(target);
});
// A middle click on a link: nothing (no new window, no second path around the check).
document.addEventListener('auxclick', (event) => {
  const target = event.target as Element | null;
  if (!target?.closest('a')) return;
  event.preventDefault();
  event.stopPropagation();
});
document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof HTMLElement && event.target.getAttribute('role') === 'button') {
    event.preventDefault();
    activate(event.target);
  }
});

vscodeApi.postMessage({ type: 'ready' });
