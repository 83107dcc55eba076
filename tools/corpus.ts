// Deterministic benchmark corpora: a realistic GTM brief (front matter, headings, lists, tables, links, mixed
// Chinese), grown to the sizes the benchmark needs. Same seed, same bytes, on every machine.

/** mulberry32: a small, fast, deterministic PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'alerts workspace teams metric dashboard launch customers pipeline revenue adoption onboarding trial upgrade partner channel webinar analyst pricing retention churn activation segment integration workflow latency report export admin security compliance'.split(' ');
const ZH = ['客户希望更快地发现指标异常', '销售团队需要统一的话术', '试用转化率是本季度的重点', '我们在华东区域先行发布', '合作伙伴渠道贡献三成线索', '产品团队将在两周内完成集成'];

function sentence(r: () => number, words = 12): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.3 ? `, ${ZH[Math.floor(r() * ZH.length)]}` : '') + '.';
}

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(sentence(r, 8 + Math.floor(r() * 10)));
  if (r() < 0.4) parts.push(`See the [launch notes](https://example.com/notes/${Math.floor(r() * 1000)}) for details.`);
  return parts.join(' ');
}

function list(r: () => number, n = 4): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`- ${sentence(r, 6 + Math.floor(r() * 6))}`);
  return items.join('\n');
}

function table(r: () => number, rows = 5): string {
  const lines = ['| Channel | Asset | Date | Owner | CTA |', '|---|---|---|---|---|'];
  for (let i = 0; i < rows; i++) {
    lines.push(`| ${WORDS[Math.floor(r() * WORDS.length)]} | ${sentence(r, 3)} | 2027-0${1 + (i % 9)}-1${i % 10} | Dana Li (PMM) | [Sign up](https://example.com/${i}) |`);
  }
  return lines.join('\n');
}

const SECTIONS = [
  ["What we're launching", (r: () => number) => `${paragraph(r)}\n\n${paragraph(r)}`],
  ['Launch tier', (r: () => number) => `Tier 1: new SKU and new revenue. ${paragraph(r)}`],
  ['Target audience', (r: () => number) => list(r, 5)],
  ['Core value proposition', (r: () => number) => paragraph(r)],
  ['Pricing & packaging', (r: () => number) => `Included in Pro at $49 per seat per month. ${paragraph(r)}`],
  ['Channel plan', (r: () => number) => table(r, 6)],
  ['Key dates', () => '- Beta: 2027-01-15\n- GA: 2027-02-01\n- Webinar: 2027-02-10'],
  ['Sales enablement', (r: () => number) => `${list(r, 4)}\n\n${paragraph(r)}`],
  ['Success metrics', () => '- 500 workspaces using alerts by 2027-03-31\n- Trial-to-paid from 12% to 15% within 60 days of GA'],
  ['Owners', () => '| Lane | Owner |\n|---|---|\n| Launch lead | Dana Li (PMM) |\n| Product | Ana Ruiz (PM) |\n| Engineering | Kim Lee |'],
  ['Rollback & contingency', (r: () => number) => `${list(r, 3)}\n\nGo/no-go: ${sentence(r, 10)}`],
  ['客户洞察', (r: () => number) => `${ZH.join('，')}。\n\n${list(r, 3)}`],
] as const;

/** A GTM brief of about `bytes` bytes: the checklist's sections, then more discussion sections until the size. */
export function gtmBrief(bytes: number, seed = 1): string {
  const r = random(seed);
  // A couple of the flaws real drafts have, so the rules have something to report.
  const parts = [
    '---\ntype: gtm-brief\nowner: Dana Li\nstatus: draft\nupdated: 2026-11-20\n---\n',
    `# Launch plan: Lumen Alerts ${seed}\n`,
    `${paragraph(r)} It is the fastest alerting engine on the market. Webinar date: TBD.`,
  ];
  for (const [heading, body] of SECTIONS) parts.push(`## ${heading}\n\n${body(r)}`);
  let size = Buffer.byteLength(parts.join('\n\n'));
  let n = 1;
  while (size < bytes) {
    const extra = `### Discussion ${n++}\n\n${paragraph(r)}\n\n${r() < 0.5 ? list(r, 3) : table(r, 3)}`;
    parts.push(extra);
    size += Buffer.byteLength(extra) + 2;
  }
  return parts.join('\n\n') + '\n';
}
