import { Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import { formatDate, formatMoney, formatNumber } from '../common/format';
import { useLocale } from '../cycles/useCycleApi';
import type { AppealRow, CompletionRow, DepartmentRef, GradeDistributionRow, Histogram, LeniencyRow, PayRow, TrendPoint } from './api';
import { ChartCard } from './ChartCard';
import { departmentName, sumMoney } from './format';

interface Names {
  departments: Map<string, DepartmentRef>;
  schemes: Map<string, string>;
}

const HEIGHT = 300;
const n = (locale: string) => (v: number | null) => (v === null ? '' : formatNumber(v, locale));

const useNames = ({ departments }: Names) => {
  const translate = useTranslate();
  const locale = useLocale();
  return {
    translate,
    locale,
    department: (id: string | null) => departmentName(departments, id, locale, translate(id ? 'app.analytics.unknown_department' : 'app.analytics.overall')),
  };
};

/**
 * Head counts per grade in each department, one scheme at a time: grade codes belong to their scheme (A-D of one,
 * excellent/good of another), so stacking several schemes' grades in one chart would mix unrelated bars. With several
 * schemes in the answer HR picks one (the largest first, each shown with its head count); the numbers (table and
 * export) keep every scheme.
 */
export const GradeChart = ({ rows: all, names }: { rows: GradeDistributionRow[]; names: Names }) => {
  const { translate, locale, department } = useNames(names);
  const p = 'app.analytics.grades';
  const [picked, pick] = useState<string | null>(null);
  const sizes = new Map<string, number>();
  for (const r of all) sizes.set(r.schemeId, (sizes.get(r.schemeId) ?? 0) + r.size);
  const schemes = [...sizes.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const scheme = picked !== null && sizes.has(picked) ? picked : (schemes[0] ?? null);
  const rows = all.filter((r) => r.schemeId === scheme);
  const schemeName = (id: string) => names.schemes.get(id) ?? translate(`${p}.scheme`);
  const label = (r: GradeDistributionRow) => department(r.departmentId);
  // The scheme's grades in its own order (the API lists each group's grades by the scheme's bands), named as the
  // scheme names them in the reader's language (the code when the scheme does not list the grade).
  const grades = [...new Set(rows.flatMap((r) => r.grades.map((g) => g.grade)))];
  const gradeLabel = (g: GradeDistributionRow['grades'][number]) => (locale === 'zh' ? g.labelZh || g.label : g.label || g.labelZh) || g.grade;
  const gradeNames = new Map(rows.flatMap((r) => r.grades.map((g) => [g.grade, gradeLabel(g)] as const)));
  const gradeName = (grade: string) => gradeNames.get(grade) ?? grade;
  const total = all.reduce((s, r) => s + r.size, 0);
  const breaches = rows.flatMap((r) => r.quotas.filter((q) => !q.within).map((q) => ({ r, q })));
  const numbers = {
    head: [translate(`${p}.department`), translate(`${p}.scheme`), translate(`${p}.size`), translate(`${p}.grade`), translate(`${p}.count`), translate(`${p}.percent`)],
    kinds: ['text', 'text', 'number', 'text', 'number', 'number'] as const,
    rows: all.flatMap((r) => r.grades.map((g) => [department(r.departmentId), names.schemes.get(r.schemeId) ?? '', r.size, gradeLabel(g), g.count, g.percent])),
  };
  return (
    <ChartCard
      prefix={p}
      testId="chart-grades"
      fileName="grade-distribution.csv"
      numbers={{ ...numbers, kinds: [...numbers.kinds] }}
      empty={rows.length === 0}
      summary={`${translate(`${p}.size`)}: ${formatNumber(total, locale)}`}
    >
      {schemes.length > 1 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }} data-testid="grade-schemes">
          <Typography variant="body2" color="text.secondary">
            {translate(`${p}.one_scheme`)}
          </Typography>
          {schemes.map((id) => (
            <Chip
              key={id}
              size="small"
              color={id === scheme ? 'primary' : 'default'}
              variant={id === scheme ? 'filled' : 'outlined'}
              onClick={() => pick(id)}
              aria-pressed={id === scheme}
              label={`${schemeName(id)} (${formatNumber(sizes.get(id) ?? 0, locale)})`}
            />
          ))}
        </Stack>
      )}
      <BarChart
        height={Math.max(160, rows.length * 40 + 90)}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: rows.map(label), width: 200 }]}
        xAxis={[{ valueFormatter: n(locale) }]}
        series={grades.map((grade) => ({ label: gradeName(grade) || '—', stack: 'grades', data: rows.map((r) => r.grades.find((g) => g.grade === grade)?.count ?? 0), valueFormatter: n(locale) }))}
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }} data-testid="quota-checks">
        {rows.flatMap((r) =>
          r.quotas.map((q) => (
            <Chip
              key={`${r.departmentId}-${r.schemeId}-${q.grade}-${q.bound}`}
              size="small"
              color={q.within ? 'default' : 'error'}
              variant={q.within ? 'outlined' : 'filled'}
              title={translate(q.within ? `${p}.kept` : `${p}.breached`)}
              label={`${label(r)}: ${translate(`${p}.${q.bound === 'max' ? 'max' : 'min'}`, { percent: formatNumber(q.percent, locale), grade: q.grades.map(gradeName).join('+') })} — ${formatNumber(q.actual, locale)} / ${formatNumber(q.limit, locale)}`}
            />
          )),
        )}
      </Stack>
      {breaches.length > 0 && (
        <Chip size="small" color="error" sx={{ mt: 1 }} label={`${translate(`${p}.breached`)}: ${formatNumber(breaches.length, locale)}`} data-testid="quota-breaches" />
      )}
    </ChartCard>
  );
};

/** Published totals in ten-point buckets. */
export const HistogramChart = ({ histogram, names }: { histogram: Histogram; names: Names }) => {
  const { translate, locale } = useNames(names);
  const p = 'app.analytics.histogram';
  const labels = histogram.buckets.map((b) => `${formatNumber(b.from, locale)}–${formatNumber(b.to, locale)}`);
  const total = histogram.buckets.reduce((s, b) => s + b.count, 0);
  return (
    <ChartCard
      prefix={p}
      testId="chart-histogram"
      fileName="score-histogram.csv"
      numbers={{ head: [translate(`${p}.bucket`), translate(`${p}.count`)], kinds: ['text', 'number'], rows: histogram.buckets.map((b, i) => [labels[i] ?? '', b.count]) }}
      empty={total === 0 && histogram.outside === 0}
      summary={`${translate(`${p}.count`)}: ${formatNumber(total, locale)}${histogram.outside ? ` · ${translate(`${p}.outside`, { n: formatNumber(histogram.outside, locale) })}` : ''}`}
    >
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'band', data: labels }]}
        yAxis={[{ valueFormatter: n(locale) }]}
        series={[{ label: translate(`${p}.count`), data: histogram.buckets.map((b) => b.count), valueFormatter: n(locale) }]}
        hideLegend
      />
    </ChartCard>
  );
};

/** Average total per cycle: overall and the five departments with the most appraisals. */
export const TrendChart = ({ points, names }: { points: TrendPoint[]; names: Names }) => {
  const { translate, locale, department } = useNames(names);
  const p = 'app.analytics.trend';
  const periods = [...new Set(points.map((q) => q.periodEnd))].sort();
  const sizes = new Map<string, number>();
  for (const q of points) if (q.departmentId) sizes.set(q.departmentId, (sizes.get(q.departmentId) ?? 0) + q.n);
  const top = [...sizes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id]) => id);
  const line = (id: string | null) => periods.map((pe) => {
    const point = points.find((q) => q.periodEnd === pe && q.departmentId === id);
    return point?.average ? Number(point.average) : null;
  });
  const overall = points.filter((q) => q.departmentId === null);
  return (
    <ChartCard
      prefix={p}
      testId="chart-trend"
      fileName="score-trend.csv"
      numbers={{
        head: [translate(`${p}.period`), translate(`${p}.department`), translate(`${p}.n`), translate(`${p}.average`)],
        kinds: ['date', 'text', 'number', 'number'],
        rows: points.map((q) => [q.periodEnd, department(q.departmentId), q.n, q.average]),
      }}
      empty={points.length === 0}
      summary={`${translate(`${p}.n`)}: ${formatNumber(overall.reduce((s, q) => s + q.n, 0), locale)}`}
    >
      <LineChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'point', data: periods, valueFormatter: (v: string) => formatDate(v, locale) }]}
        yAxis={[{ valueFormatter: n(locale) }]}
        series={[null, ...top].map((id) => ({ label: department(id), data: line(id), connectNulls: true, valueFormatter: n(locale) }))}
      />
    </ChartCard>
  );
};

/** Each rater's average against their department's: the twenty largest differences. */
export const LeniencyChart = ({ rows, names }: { rows: LeniencyRow[]; names: Names }) => {
  const { translate, locale, department } = useNames(names);
  const p = 'app.analytics.leniency';
  const shown = [...rows].sort((a, b) => Math.abs(Number(b.difference)) - Math.abs(Number(a.difference))).slice(0, 20);
  const who = (r: LeniencyRow) => `${r.rater?.name ?? r.raterId.slice(0, 8)} · ${department(r.departmentId)}`;
  return (
    <ChartCard
      prefix={p}
      testId="chart-leniency"
      fileName="rater-leniency.csv"
      numbers={{
        head: [translate(`${p}.rater`), translate(`${p}.department`), translate(`${p}.ratings`), translate(`${p}.rater_average`), translate(`${p}.department_average`), translate(`${p}.difference`)],
        kinds: ['text', 'text', 'number', 'number', 'number', 'number'],
        rows: rows.map((r) => [r.rater?.name ?? r.raterId, department(r.departmentId), r.ratings, r.raterAverage, r.departmentAverage, r.difference]),
      }}
      empty={rows.length === 0}
      summary={`${translate(`${p}.raters`)}: ${formatNumber(rows.length, locale)}`}
    >
      <BarChart
        height={Math.max(HEIGHT, shown.length * 28)}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: shown.map(who), width: 180 }]}
        xAxis={[{ valueFormatter: n(locale) }]}
        series={[{ label: translate(`${p}.difference`), data: shown.map((r) => Number(r.difference)), valueFormatter: n(locale) }]}
        hideLegend
      />
    </ChartCard>
  );
};

/** Tasks per phase: done on time, done late, open, overdue (stacked). */
export const CompletionChart = ({ rows, names, testId = 'chart-completion' }: { rows: CompletionRow[]; names: Names; testId?: string }) => {
  const { translate, locale, department } = useNames(names);
  const p = 'app.analytics.completion';
  const overall = rows.filter((r) => r.departmentId === null);
  const phase = (r: CompletionRow) => translate(`${p}.phases.${r.phase}`);
  const total = overall.reduce((s, r) => s + r.total, 0);
  const overdue = overall.reduce((s, r) => s + r.overdue, 0);
  return (
    <ChartCard
      prefix={p}
      testId={testId}
      fileName="completion.csv"
      numbers={{
        head: [translate(`${p}.phase`), translate(`${p}.department`), translate(`${p}.total`), translate(`${p}.done`), translate(`${p}.percent`), translate(`${p}.overdue`), translate(`${p}.late`)],
        kinds: ['text', 'text', 'number', 'number', 'number', 'number', 'number'],
        rows: rows.map((r) => [phase(r), department(r.departmentId), r.total, r.done, r.percent, r.overdue, r.late]),
      }}
      empty={total === 0}
      summary={`${translate(`${p}.total`)}: ${formatNumber(total, locale)} · ${translate(`${p}.overdue`)}: ${formatNumber(overdue, locale)}`}
    >
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'band', data: overall.map(phase) }]}
        yAxis={[{ valueFormatter: n(locale) }]}
        series={[
          { label: translate(`${p}.done`), stack: 't', data: overall.map((r) => r.done - r.late), valueFormatter: n(locale), color: '#2e7d32' },
          { label: translate(`${p}.late`), stack: 't', data: overall.map((r) => r.late), valueFormatter: n(locale), color: '#ed6c02' },
          { label: translate(`${p}.open`), stack: 't', data: overall.map((r) => r.total - r.done - r.overdue), valueFormatter: n(locale), color: '#90caf9' },
          { label: translate(`${p}.overdue`), stack: 't', data: overall.map((r) => r.overdue), valueFormatter: n(locale), color: '#d32f2f' },
        ]}
      />
    </ChartCard>
  );
};

/** Pay, rewards and penalties per period (sums of the departments' exact amounts), HR's chart. */
export const PayChart = ({ rows, names }: { rows: PayRow[]; names: Names }) => {
  const { translate, locale, department } = useNames(names);
  const p = 'app.analytics.pay';
  const periods = [...new Set(rows.map((r) => r.periodKey))].sort();
  const sum = (period: string, field: 'pay' | 'rewards' | 'penalties') => sumMoney(rows.filter((r) => r.periodKey === period).map((r) => r[field]));
  const money = (v: number | null) => (v === null ? '' : formatMoney(v, locale));
  const withheld = (r: PayRow) => (r.suppressed ? translate(r.suppressed.reason === 'smallGroup' ? `${p}.suppressed` : `${p}.suppressed_complementary`, { minimum: r.suppressed.minimum }) : null);
  return (
    <ChartCard
      prefix={p}
      testId="chart-pay"
      fileName="pay.csv"
      numbers={{
        head: [translate(`${p}.department`), translate(`${p}.period`), translate(`${p}.people`), translate(`${p}.pay`), translate(`${p}.rewards`), translate(`${p}.penalties`), translate(`${p}.net`)],
        kinds: ['text', 'text', 'number', 'money', 'money', 'money', 'money'],
        rows: rows.map((r) => [department(r.departmentId), r.periodKey, r.people, r.pay ?? withheld(r), r.rewards ?? withheld(r), r.penalties ?? withheld(r), r.net ?? withheld(r)]),
      }}
      empty={rows.length === 0}
      summary={`${translate(`${p}.net`)}: ${formatMoney(sumMoney(rows.map((r) => r.net)), locale)}`}
    >
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'band', data: periods }]}
        yAxis={[{ valueFormatter: money, width: 90 }]}
        series={(['pay', 'rewards', 'penalties'] as const).map((field) => ({ label: translate(`${p}.${field}`), data: periods.map((period) => Number(sum(period, field))), valueFormatter: money }))}
      />
    </ChartCard>
  );
};

/** Appeals per department by outcome, with the rate and decisions on time overall. */
export const AppealsChart = ({ rows, names }: { rows: AppealRow[]; names: Names }) => {
  const { translate, locale, department } = useNames(names);
  const p = 'app.analytics.appeals';
  const overall = rows.find((r) => r.departmentId === null);
  const perDepartment = rows.filter((r) => r.departmentId !== null && r.appeals > 0);
  return (
    <ChartCard
      prefix={p}
      testId="chart-appeals"
      fileName="appeals.csv"
      numbers={{
        head: [translate(`${p}.department`), translate(`${p}.appraisals`), translate(`${p}.appeals`), translate(`${p}.rate`), translate(`${p}.upheld`), translate(`${p}.rejected`), translate(`${p}.withdrawn`), translate(`${p}.open`), translate(`${p}.on_time`)],
        kinds: ['text', 'number', 'number', 'number', 'number', 'number', 'number', 'number', 'number'],
        rows: rows.map((r) => [department(r.departmentId), r.appraisals, r.appeals, r.rate, r.upheld, r.rejected, r.withdrawn, r.open, r.onTimePercent]),
      }}
      empty={!overall || overall.appeals === 0}
      summary={
        overall
          ? `${translate(`${p}.appeals`)}: ${formatNumber(overall.appeals, locale)} · ${translate(`${p}.rate`)}: ${formatNumber(overall.rate, locale)} · ${translate(`${p}.on_time`)}: ${formatNumber(overall.onTimePercent, locale)}`
          : undefined
      }
    >
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'band', data: perDepartment.map((r) => department(r.departmentId)) }]}
        yAxis={[{ valueFormatter: n(locale) }]}
        series={(['upheld', 'rejected', 'withdrawn', 'open'] as const).map((field) => ({ label: translate(`${p}.${field}`), stack: 'a', data: perDepartment.map((r) => r[field]), valueFormatter: n(locale) }))}
      />
    </ChartCard>
  );
};
