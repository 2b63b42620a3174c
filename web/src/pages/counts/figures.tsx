// The counts as two charts and two tables: cases per month (and by kind of behaviour), and what
// came of them. The charts show the shape at a glance; the tables hold every figure.
import type { CaseCounts } from '../../api.ts';
import { Notice } from '../../components/page.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import {
  categoryOptions,
  countLabel,
  countOutcomeOptions,
  formatMonth,
  monthsBetween,
} from '../../labels.ts';
import { Link } from '../../router.tsx';
import { MonthsChart, OutcomesChart } from './charts.tsx';

/** The order people read kinds of behaviour in: as the concern form lists them, then the rest. */
function orderBy(known: string[], present: Iterable<string>): string[] {
  const set = new Set(present);
  const first = known.filter((v) => set.has(v));
  const rest = [...set].filter((v) => !known.includes(v)).sort();
  return [...first, ...rest];
}

export function Figures({ data, communityId }: { data: CaseCounts; communityId: string }) {
  const months = monthsBetween(data.from, data.to);
  const range = `${formatMonth(data.from)} to ${formatMonth(data.to)}`;
  // Each case once, however many outcomes it came to.
  const total = data.cases.reduce((n, i) => n + i.count, 0);
  if (total === 0 && data.items.length === 0) {
    return (
      <Notice>
        <p>No concerns were raised from {range}, so there is nothing to count yet.</p>
        <p>
          A quiet stretch is worth noticing too. If people may not know where to raise a concern,
          the public form link is in <Link to={`/c/${communityId}/settings`}>Settings</Link>.
        </p>
      </Notice>
    );
  }
  const kinds = orderBy(
    [...categoryOptions.map((o) => o.value), 'uncategorised'],
    data.items.map((i) => i.category),
  );
  const outcomes = orderBy(
    countOutcomeOptions.map((o) => o.value),
    data.totals.map((i) => i.outcome),
  );
  const cell = new Map<string, number>();
  const add = (key: string, n: number) => cell.set(key, (cell.get(key) ?? 0) + n);
  for (const i of data.items) {
    add(`${i.month}|${i.category}`, i.count);
    add(`|${i.category}`, i.count);
  }
  // A month's total counts each case once; the outcomes count it once under each it came to.
  for (const i of data.cases) add(`${i.month}|`, i.count);
  for (const i of data.totals) add(`outcome|${i.outcome}`, i.count);
  const n = (key: string) => cell.get(key) ?? 0;
  return (
    <>
      <p>
        A case that names more than one kind of behaviour is counted once under each kind, and a
        case with more than one outcome (say, they apologised and committed to change) once under
        each outcome; the totals count each case once. Months with nothing raised show 0.
      </p>
      <div className="charts">
        <MonthsChart months={months} counts={months.map((m) => n(`${m}|`))} />
        <OutcomesChart
          rows={outcomes.map((o) => ({ label: countLabel.outcome(o), count: n(`outcome|${o}`) }))}
        />
      </div>
      <ScrollTable
        caption={`Cases per month and kind of behaviour, ${range}`}
        className="table-months"
      >
        <thead>
          <tr>
            <th scope="col">Month</th>
            {kinds.map((k) => (
              <th scope="col" key={k} className="num">
                {countLabel.category(k)}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m}>
              <th scope="row">{formatMonth(m)}</th>
              {kinds.map((k) => (
                <Num key={k} value={n(`${m}|${k}`)} />
              ))}
              <Num value={n(`${m}|`)} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All months</th>
            {kinds.map((k) => (
              <td key={k} className="num">
                {n(`|${k}`)}
              </td>
            ))}
            <td className="num">{total}</td>
          </tr>
        </tfoot>
      </ScrollTable>
      <ScrollTable caption={`What came of them, ${range}`} className="table-outcomes">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Cases
            </th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o}>
              <th scope="row">{countLabel.outcome(o)}</th>
              <td className="num">{n(`outcome|${o}`)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{total}</td>
          </tr>
        </tfoot>
      </ScrollTable>
    </>
  );
}

function Num({ value }: { value: number }) {
  return <td className={value === 0 ? 'num zero' : 'num'}>{value}</td>;
}
