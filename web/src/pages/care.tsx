// /c/:communityId/care — care for the people doing the work: your capacity and pause, your
// private log of time and drain, and for organizers how the load is spread.
import { useState } from 'react';
import {
  get,
  patch,
  post,
  type CallInListItem,
  type CareLog,
  type Community,
  type LoadPicture,
  type MyCare,
} from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { Checkbox, SelectField, TextField, collect, useForm } from '../components/form.tsx';
import { Loading, Notice, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate } from '../labels.ts';
import { useSession } from '../session.tsx';

export function CarePage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Care"
      lead="Calling in is emotional work. Say how much you can hold, pause whenever you need to, and keep a private note of how it feels. Declining never needs a reason."
    >
      {(c) => <Care community={c} />}
    </CommunityPage>
  );
}

function Care({ community }: { community: Community }) {
  const base = `/api/communities/${community.id}/care`;
  const mine = useAsync(() => get<MyCare>(`${base}/me`), [base]);
  if (mine.error) return <Problem>{mine.error.message}</Problem>;
  if (!mine.data) return <Loading what="Loading your settings" />;
  return (
    <>
      <Capacity base={base} care={mine.data} onDone={mine.reload} />
      {community.role === 'ally' || community.role === 'organizer' ? (
        <Logs communityId={community.id} />
      ) : null}
      {community.role === 'organizer' ? <Load base={base} /> : null}
    </>
  );
}

function Capacity({
  base,
  care,
  onDone,
}: {
  base: string;
  care: MyCare;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [capacity, setCapacity] = useState(String(care.capacity));
  const [paused, setPaused] = useState(care.paused);
  const form = useForm();
  const { errors, submit } = form;
  const onSubmit = submit(
    () =>
      collect({
        capacity:
          /^\d+$/.test(capacity.trim()) && Number(capacity) <= 50
            ? undefined
            : 'Please enter a whole number from 0 to 50.',
      }),
    async () => {
      await patch(`${base}/me`, { capacity: Number(capacity), paused });
      announce(paused ? 'Saved. You are paused: no new work is offered to you.' : 'Saved.');
      await onDone();
    },
  );
  return (
    <section aria-labelledby="capacity-heading" className="section">
      <h2 id="capacity-heading">Your capacity</h2>
      <p>
        You hold {care.load} open {care.load === 1 ? 'call-in' : 'call-ins'} now.{' '}
        {care.paused
          ? 'You are paused, so nobody offers you new work. Take all the time you need.'
          : care.available
            ? 'You have room for more, so new requests may be offered to you.'
            : 'You are at your limit, so no new requests are offered to you.'}
      </p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ capacity: 'How many open call-ins you can hold' }}
        submitLabel="Save"
      >
        <TextField
          id="capacity"
          inputMode="numeric"
          className="input input-small"
          label="How many open call-ins you can hold"
          hint="Nobody offers you more than this. 0 is fine."
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          error={errors.capacity}
        />
        <Checkbox
          id="paused"
          label="Pause: offer me no new work for now"
          hint="What you already hold stays with you; you can hand it back by talking to an organizer."
          checked={paused}
          onChange={setPaused}
        />
      </ApiForm>
    </section>
  );
}

const drainOptions = [
  { value: '1', label: '1 — hardly at all' },
  { value: '2', label: '2 — a little' },
  { value: '3', label: '3 — somewhat' },
  { value: '4', label: '4 — quite draining' },
  { value: '5', label: '5 — very draining' },
];

function Logs({ communityId }: { communityId: string }) {
  const base = `/api/communities/${communityId}`;
  const { me } = useSession();
  const announce = useAnnounce();
  const logs = useAsync(() => get<{ items: CareLog[] }>(`${base}/care/logs`), [base]);
  const callIns = useAsync(() => get<{ items: CallInListItem[] }>(`${base}/call-ins`), [base]);
  const mine = (callIns.data?.items ?? []).filter((c) => c.callerUserId === me?.user.id);
  const [callInId, setCallIn] = useState('');
  const [minutes, setMinutes] = useState('');
  const [drain, setDrain] = useState('3');
  const form = useForm();
  const { errors, submit } = form;
  const chosen = callInId || mine[0]?.id || '';
  const onSubmit = submit(
    () =>
      collect({
        minutes:
          /^\d+$/.test(minutes.trim()) && Number(minutes) <= 1440
            ? undefined
            : 'Please enter the minutes as a whole number, up to 1440.',
      }),
    async () => {
      await post(`${base}/care/logs`, {
        callInId: chosen,
        minutes: Number(minutes),
        drain: Number(drain),
      });
      setMinutes('');
      announce('Logged. Only you can see it.');
      await logs.reload();
    },
  );
  return (
    <section aria-labelledby="log-heading" className="section">
      <h2 id="log-heading">Your private log</h2>
      <p>
        Only you read these entries. Organizers see totals, and a gentle prompt to check in when
        someone found a conversation draining — never the number.
      </p>
      {mine.length === 0 ? (
        <p>When you hold a call-in, you can log time and how it felt here.</p>
      ) : (
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={{ minutes: 'Minutes spent', callInId: 'Which call-in' }}
          submitLabel="Log it"
        >
          <SelectField
            id="callInId"
            label="Which call-in"
            options={mine.map((c) => ({
              value: c.id,
              label: `Changed ${formatDate(c.updatedAt)}`,
            }))}
            value={chosen}
            onChange={setCall}
            error={errors.callInId}
          />
          <TextField
            id="minutes"
            inputMode="numeric"
            className="input input-small"
            label="Minutes spent"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={errors.minutes}
          />
          <SelectField
            id="drain"
            label="How draining was it?"
            options={drainOptions}
            value={drain}
            onChange={setDrain}
          />
        </ApiForm>
      )}
      {logs.data && logs.data.items.length > 0 ? (
        <table className="table">
          <caption>Your entries</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Minutes</th>
              <th scope="col">Drain (1–5)</th>
            </tr>
          </thead>
          <tbody>
            {logs.data.items.map((l) => (
              <tr key={l.id}>
                <td>{formatDate(l.createdAt)}</td>
                <td>{l.minutes}</td>
                <td>{l.drain}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );

  function setCall(v: string) {
    setCallIn(v);
  }
}

function Load({ base }: { base: string }) {
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
        <table className="table">
          <caption>Open work per person</caption>
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
        </table>
      )}
    </section>
  );
}
