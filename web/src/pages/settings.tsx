// /c/:communityId/settings — the public form link, and how triage and retention work here.
import { useState } from 'react';
import { get, patch, type Community, type Settings } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { Checkbox } from '../components/choice-fields.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Loading, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';

export function SettingsPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage communityId={communityId} title="Settings" organizerOnly>
      {(c) => <SettingsLoader community={c} />}
    </CommunityPage>
  );
}

function SettingsLoader({ community }: { community: Community }) {
  const s = useAsync(
    () => get<Settings>(`/api/communities/${community.id}/settings`),
    [community.id],
  );
  if (s.error) return <Problem>{s.error.message}</Problem>;
  if (!s.data) return <Loading what="Loading settings" />;
  return <SettingsForm community={community} initial={s.data} />;
}

const labels: Record<string, string> = {
  name: 'Community name',
  'settings.followUpDays': 'Days before a follow-up reminder',
  'settings.retentionDays': 'Days to keep closed cases',
  'settings.triage.callInsBeforeWarning': 'Call-ins before suggesting a warning',
  'settings.triage.concernsForPattern': 'Concerns that suggest a pattern',
};

function whole(v: string, min: number, max: number): string | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max
    ? undefined
    : `Please enter a whole number from ${min} to ${max}.`;
}

function SettingsForm({ community, initial }: { community: Community; initial: Settings }) {
  const announce = useAnnounce();
  const [name, setName] = useState(community.name);
  const [intakeOpen, setIntakeOpen] = useState(initial.intakeOpen);
  const [allowAnonymous, setAllowAnonymous] = useState(initial.settings.allowAnonymous);
  const [followUpDays, setFollowUpDays] = useState(String(initial.settings.followUpDays));
  const [retentionDays, setRetentionDays] = useState(String(initial.settings.retentionDays));
  const [callIns, setCallIns] = useState(String(initial.settings.triage.callInsBeforeWarning));
  const [pattern, setPattern] = useState(String(initial.settings.triage.concernsForPattern));
  const [saved, setSaved] = useState(false);
  const form = useForm();
  const onSubmit = form.submit(
    () =>
      collect({
        name: required(name, 'Please give the community a name.'),
        'settings.followUpDays': whole(followUpDays, 1, 365),
        'settings.retentionDays': whole(retentionDays, 1, 3650),
        'settings.triage.callInsBeforeWarning': whole(callIns, 1, 50),
        'settings.triage.concernsForPattern': whole(pattern, 1, 50),
      }),
    async () => {
      setSaved(false);
      await patch(`/api/communities/${community.id}`, {
        name,
        intakeOpen,
        settings: {
          allowAnonymous,
          followUpDays: Number(followUpDays),
          retentionDays: Number(retentionDays),
          triage: { callInsBeforeWarning: Number(callIns), concernsForPattern: Number(pattern) },
        },
      });
      setSaved(true);
      announce('Settings saved.');
    },
  );
  return (
    <>
      <section aria-labelledby="public-form" className="section">
        <h2 id="public-form">The public form</h2>
        <p>
          Anyone with this link can raise a concern with your organizers, without an account. Share
          it where your community gathers: your code of conduct, your chat&rsquo;s pinned messages,
          your event pages.
        </p>
        <p>
          <label htmlFor="intake-url">Public form link</label>
        </p>
        <input id="intake-url" className="input mono" readOnly value={initial.intakeUrl} />
        <p>
          <a href={new URL(initial.intakeUrl).pathname}>Open the public form</a>
        </p>
      </section>
      <section aria-labelledby="settings-form" className="section">
        <h2 id="settings-form">Settings</h2>
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={labels}
          submitLabel="Save settings"
          after={saved ? <p className="done-text">Saved.</p> : null}
        >
          <TextField
            id="name"
            label="Community name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={form.errors.name}
          />
          <Checkbox
            id="intakeOpen"
            label="The public form is open"
            hint="When closed, the form explains kindly that it is not taking concerns right now."
            checked={intakeOpen}
            onChange={setIntakeOpen}
          />
          <Checkbox
            id="allowAnonymous"
            label="People may raise concerns anonymously"
            checked={allowAnonymous}
            onChange={setAllowAnonymous}
          />
          <fieldset className="field">
            <legend>Triage</legend>
            <TextField
              id="settings-triage-callInsBeforeWarning"
              label="Call-ins before suggesting a warning"
              hint="After this many earlier call-ins with the same person, the rubric suggests a warning instead."
              inputMode="numeric"
              className="input input-small"
              value={callIns}
              onChange={(e) => setCallIns(e.target.value)}
              error={form.errors['settings.triage.callInsBeforeWarning']}
            />
            <TextField
              id="settings-triage-concernsForPattern"
              label="Concerns that suggest a pattern"
              inputMode="numeric"
              className="input input-small"
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              error={form.errors['settings.triage.concernsForPattern']}
            />
          </fieldset>
          <TextField
            id="settings-followUpDays"
            label="Days before a follow-up reminder"
            inputMode="numeric"
            className="input input-small"
            value={followUpDays}
            onChange={(e) => setFollowUpDays(e.target.value)}
            error={form.errors['settings.followUpDays']}
          />
          <TextField
            id="settings-retentionDays"
            label="Days to keep closed cases"
            hint="After this, a closed case is removed and only anonymous counts remain."
            inputMode="numeric"
            className="input input-small"
            value={retentionDays}
            onChange={(e) => setRetentionDays(e.target.value)}
            error={form.errors['settings.retentionDays']}
          />
        </ApiForm>
      </section>
    </>
  );
}
