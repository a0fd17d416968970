import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { formatMoney } from '../../format/format.ts';
import { messages } from '../../i18n/messages.ts';
import type { Dashboard } from './dashboard-queries.ts';

/** Contributions of each of the last 30 Kyiv days, in hryvnias, today last. */
export function ContributionsChart({ days }: { days: Dashboard['contributions']['days'] }) {
  const data = days.map(({ day, sum, count }) => ({ day: day.slice(0, 5), sum, count }));
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="day"
      series={[{ name: 'sum', label: messages.dashboard.contributionsSum, color: 'blue.6' }]}
      valueFormatter={(value) => formatMoney(value)}
      tickLine="none"
      gridAxis="y"
      withTooltip
      aria-label={messages.dashboard.chartTitle}
    />
  );
}
