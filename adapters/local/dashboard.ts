/**
 * The HR dashboard page of the local workspace (`/dashboard`): the seven charts as inline SVG
 * (ECharts' server-side renderer, escaped text), each with its one-line summary as the caption,
 * and a period and department filter that is a plain GET form, so a link names a view.
 */
import type { Locale } from '../../src/ports/records.js';
import type { Dashboard } from '../../src/app/report.js';
import { t, translator, type MessageKey } from '../../src/ui/i18n/index.js';
import { reportPeriodName } from '../../src/ui/screens/report/period-name.js';
import { escapeHtml } from './render.js';

function shell(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="dashboard-page">
<header class="topbar">
  <span class="brand" lang="zh-CN">担当</span><span class="brand-en">Dandang</span>
  <a class="back" href="/">${escapeHtml(t(locale, 'local.backToWorkspace'))}</a>
</header>
<main class="dashboard" aria-labelledby="dashboard-title">
${body}
</main>
</body>
</html>`;
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

export async function renderDashboardPage(d: Dashboard, locale: Locale): Promise<string> {
  // ECharts (some six hundred modules) loads on the first dashboard, not at start.
  const { chartSvg } = await import('../reports/render-chart.js');
  const L = (k: MessageKey, params?: Record<string, string>) => escapeHtml(t(locale, k, params));
  const periodName = (p: string) => reportPeriodName(translator(locale), p);
  const periods = d.periodChoices.includes(d.period.label) ? d.periodChoices : [d.period.label, ...d.periodChoices];
  const scope = t(locale, 'report.scopeDates', {
    scope: t(locale, 'report.scope', {
      period: periodName(d.period.label),
      department: d.department ?? t(locale, 'report.filter.allDepartments'),
    }),
    from: d.period.from,
    to: d.period.to,
  });
  const figures = d.charts
    .map(
      (c) => `<figure class="chart" id="chart-${c.id}" aria-labelledby="cap-${c.id}">
<div class="chart-svg" role="img" aria-label="${escapeHtml(c.title)}">${chartSvg(c)}</div>
<figcaption id="cap-${c.id}">${escapeHtml(c.summary)}</figcaption>
</figure>`,
    )
    .join('\n');
  const body = `<h1 id="dashboard-title">${L('report.dashboard.title')}</h1>
<form class="filters" method="get" action="/dashboard">
  <label>${L('report.filter.period')}
    <select name="period">${periods.map((p) => option(p, periodName(p), p === d.period.label)).join('')}</select>
  </label>
  <label>${L('report.filter.department')}
    <select name="department">${option('', t(locale, 'report.filter.allDepartments'), d.department === null)}${d.departments.map((x) => option(x, x, x === d.department)).join('')}</select>
  </label>
  <button type="submit" class="btn btn-primary">${L('report.filter.apply')}</button>
</form>
<p class="scope">${escapeHtml(scope)}</p>
<div class="charts">
${figures}
</div>`;
  return shell(locale, t(locale, 'report.dashboard.title'), body);
}

export function renderDashboardRefusal(locale: Locale, text: string): string {
  return shell(
    locale,
    t(locale, 'report.dashboard.title'),
    `<h1 id="dashboard-title">${escapeHtml(t(locale, 'report.dashboard.title'))}</h1>\n<p class="notice" role="alert">${escapeHtml(text)}</p>`,
  );
}
