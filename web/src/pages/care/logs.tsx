// Your private log of time spent on a call-in and how draining it was; only you read it.
import { useState } from 'react';
import { get, post, type CallInListItem, type CareLog } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { SelectField } from '../../components/choice-fields.tsx';
import { TextField, collect, useForm } from '../../components/form.tsx';
import { useAsync } from '../../components/use-async.ts';
import { callInName, formatDate } from '../../labels.ts';
import { useSession } from '../../session.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';

const drainOptions = [
  { value: '1', label: '1 — hardly at all' },
  { value: '2', label: '2 — a little' },
  { value: '3', label: '3 — somewhat' },
  { value: '4', label: '4 — quite draining' },
  { value: '5', label: '5 — very draining' },
];

export function Logs({ communityId }: { communityId: string }) {
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
              label: callInName(c),
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
        <ScrollTable caption="Your entries">
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
        </ScrollTable>
      ) : null}
    </section>
  );

  function setCall(v: string) {
    setCallIn(v);
  }
}
