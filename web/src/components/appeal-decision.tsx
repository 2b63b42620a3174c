// One appeal of an enforcement record, as organizers see it: the member's statement; once
// decided, how and the decider's note (and new terms when it was changed); while pending, the
// decision form for someone who may decide it, or, for someone who may not, why, said up front
// (with a way to invite a second organizer when there is nobody else).
import { useState } from 'react';
import { post, type CommunityEnforcement } from '../api.ts';
import {
  appealBlockWords,
  appealStatusWords,
  formatDate,
  label,
  ladderOptions,
} from '../labels.ts';
import { Link } from '../router.tsx';
import { useAnnounce } from './announcer.tsx';
import { ApiForm } from './api-form.tsx';
import { RadioGroup } from './choice-fields.tsx';
import { TextArea, TextField, collect, useForm } from './form.tsx';
import { Notice } from './page.tsx';

type Appeal = CommunityEnforcement['appeals'][number];

/** The new terms of a changed decision, in words. */
export function changedWords(to: NonNullable<Appeal['changedTo']>): string {
  return `${label.ladder(to.level)}, ${to.expiresAt ? `ending ${formatDate(to.expiresAt)}` : 'with no end date'}`;
}

/** How an appeal was decided, for the member and the organizers alike. */
export function AppealDecisionFacts({
  appeal: a,
}: {
  appeal: Omit<Appeal, 'mayDecide' | 'blocked' | 'statement' | 'decidedBy'>;
}) {
  if (a.status === 'pending') return null;
  return (
    <dl className="facts">
      <dt>Decided</dt>
      <dd>
        {appealStatusWords[a.status]}
        {a.decidedAt ? ` on ${formatDate(a.decidedAt)}` : ''}
      </dd>
      {a.changedTo ? (
        <>
          <dt>New terms</dt>
          <dd>{changedWords(a.changedTo)}</dd>
        </>
      ) : null}
      <dt>The deciding organizer&rsquo;s note</dt>
      <dd>{a.decisionNote ? a.decisionNote : 'No note was left.'}</dd>
    </dl>
  );
}

export function AppealCard({
  communityId,
  record,
  appeal: a,
  onDone,
}: {
  communityId: string;
  record: Pick<CommunityEnforcement, 'level' | 'expiresAt'>;
  appeal: Appeal;
  onDone: () => Promise<void>;
}) {
  return (
    <div className="section">
      <h4 className="h3">
        Appeal of {formatDate(a.createdAt)}: {appealStatusWords[a.status] ?? a.status}
      </h4>
      <blockquote className="quote">{a.statement}</blockquote>
      <AppealDecisionFacts appeal={a} />
      {a.status === 'pending' && a.blocked ? (
        <Notice>
          <p>{appealBlockWords[a.blocked]}</p>
          {a.blocked === 'second-organizer-needed' ? (
            <p>
              <Link to={`/c/${communityId}/invitations?role=organizer`}>Invite an organizer</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {a.status === 'pending' && a.mayDecide ? (
        <DecideAppeal communityId={communityId} record={record} appeal={a} onDone={onDone} />
      ) : null}
    </div>
  );
}

function DecideAppeal({
  communityId,
  record,
  appeal: a,
  onDone,
}: {
  communityId: string;
  record: Pick<CommunityEnforcement, 'level' | 'expiresAt'>;
  appeal: Appeal;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [level, setLevel] = useState('');
  const [ends, setEnds] = useState('');
  const id = `appeal-${a.id}`;
  const form = useForm({
    decision: `${id}-decision`,
    note: `${id}-note`,
    level: `${id}-level`,
    expiresAt: `${id}-ends`,
  });
  // A change makes it lighter: the record's step or one below it.
  const lighter = ladderOptions.slice(
    0,
    ladderOptions.findIndex((o) => o.value === record.level) + 1,
  );
  const onSubmit = form.submit(
    () =>
      collect({
        [`${id}-decision`]: decision ? undefined : 'Please choose a decision.',
        [`${id}-level`]:
          decision === 'changed' && !level ? 'Please choose the step it becomes.' : undefined,
      }),
    async () => {
      const body: Record<string, unknown> = { decision, note };
      if (decision === 'changed') {
        body.level = level;
        if (ends) body.expiresAt = new Date(`${ends}T00:00:00`).toISOString();
      }
      await post(`/api/communities/${communityId}/appeals/${a.id}/decision`, body);
      announce('The appeal is decided. The member is told, and can read your note.');
      await onDone();
    },
  );
  return (
    <ApiForm
      form={form}
      onSubmit={onSubmit}
      labels={{
        [`${id}-decision`]: 'Your decision',
        [`${id}-level`]: 'The step it becomes',
        [`${id}-ends`]: 'It now ends on',
        [`${id}-note`]: 'A note for the member',
      }}
      submitLabel="Decide the appeal"
    >
      <RadioGroup
        id={`${id}-decision`}
        legend="Your decision"
        options={[
          { value: 'upheld', label: 'Keep the record' },
          {
            value: 'changed',
            label: 'Change it',
            hint: 'A lighter step, or the same step ending sooner.',
          },
          { value: 'overturned', label: 'Overturn it', hint: 'It stops counting.' },
        ]}
        value={decision}
        onChange={setDecision}
        error={form.errors[`${id}-decision`]}
      />
      {decision === 'changed' ? (
        <>
          <RadioGroup
            id={`${id}-level`}
            legend="The step it becomes"
            options={lighter}
            value={level}
            onChange={setLevel}
            error={form.errors[`${id}-level`]}
          />
          <TextField
            id={`${id}-ends`}
            type="date"
            label="It now ends on"
            optional
            hint={
              record.expiresAt
                ? `It ends on ${formatDate(record.expiresAt)} now; choose an earlier day to shorten it.`
                : 'It has no end date now.'
            }
            value={ends}
            onChange={(e) => setEnds(e.target.value)}
            error={form.errors[`${id}-ends`]}
          />
        </>
      ) : null}
      <TextArea
        id={`${id}-note`}
        label="A note for the member"
        optional
        hint="The member and the organizers read it."
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={form.errors[`${id}-note`]}
        rows={3}
      />
    </ApiForm>
  );
}
