// For organizers: how the open work is spread, and who may need a check-in.
import { get, type LoadPicture } from '../../api.ts';
import { Loading, Notice, Problem } from '../../components/page.tsx';
import { useAsync } from '../../components/use-async.ts';
import { formatDate } from '../../labels.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';

export function Load({ base }: { base: string }) {
  const load = useAsync(() => get<LoadPicture>(`${base}/load`), [base]);
  if (load.error) return <Problem>{load.error.message}</Problem>;
  if (!load.data) return <Loading what="Loading how the work is spread" />;
  const l = load.data;
  const share = Math.round(l.busiest.share * 100);
  return (
    <section aria-labelledby="load-heading" className="section">
      <h2 id="load-heading">How the work is spread</h2>
      {l.busiest.warning ? (
        <Notice>
          <p>
            A few people carry most of the work: the busiest {l.busiest.people} hold {share}% of
            open call-ins. Consider asking others, or pausing new requests.
          </p>
        </Notice>
      ) : null}
      {l.checkIns.length > 0 ? (
        <Notice>
          <p>It may be a good moment to check in with:</p>
          <ul>
            {l.checkIns.map((c) => (
              <li key={c.userId}>
                {c.name} (logged {formatDate(c.loggedAt)})
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p>
        {l.totalOpen} open {l.totalOpen === 1 ? 'call-in' : 'call-ins'} in all. The busiest{' '}
        {l.busiest.people} {l.busiest.people === 1 ? 'person holds' : 'people hold'} {share}%.{' '}
        {l.logs.entries} log {l.logs.entries === 1 ? 'entry' : 'entries'}, {l.logs.totalMinutes}{' '}
        minutes in all.
      </p>
      {l.people.length === 0 ? (
        <p>Nobody holds or can take call-ins yet.</p>
      ) : (
        <ScrollTable caption="Open work per person">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Open</th>
              <th scope="col">Capacity</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {l.people.map((p) => (
              <tr key={p.userId}>
                <th scope="row">{p.name}</th>
                <td>{p.open}</td>
                <td>{p.capacity}</td>
                <td>
                  {[p.paused ? 'Paused' : '', p.overCapacity ? 'Over capacity' : '']
                    .filter(Boolean)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
