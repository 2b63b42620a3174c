// /c/:communityId/invitations — make and revoke invitation links carrying a role.
import { useState } from 'react';
import { ApiError, del, get, post, type Community, type Invitation } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { RadioGroup } from '../components/choice-fields.tsx';
import { TextField, useForm } from '../components/form.tsx';
import { Loading, Notice, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label, roleOptions } from '../labels.ts';
import { CopyButton } from '../components/copy-button.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import { useLocation } from '../router.tsx';

export function InvitationsPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Invitations"
      lead="Make a private link that lets someone join with a role. Send it to them directly; anyone with the link can use it until it expires."
    >
      {(c) => <Invitations community={c} />}
    </CommunityPage>
  );
}

const labels = {
  role: 'Role',
  maxUses: 'How many people can use it',
  expiresInDays: 'Days until it expires',
};

function Invitations({ community }: { community: Community }) {
  const isOrganizer = community.role === 'organizer';
  const list = useAsync(
    () =>
      isOrganizer
        ? get<{ items: Invitation[] }>(`/api/communities/${community.id}/invitations`)
        : Promise.resolve({ items: [] as Invitation[] }),
    [community.id, isOrganizer],
  );
  const announce = useAnnounce();
  // A page that needs another organizer links here with ?role=organizer, so the role is chosen.
  const asked = useLocation().search.get('role');
  const offered = isOrganizer ? roleOptions : roleOptions.filter((o) => o.value === 'organizer');
  const [role, setRole] = useState(
    asked && offered.some((o) => o.value === asked) ? asked : isOrganizer ? 'member' : 'organizer',
  );
  const [maxUses, setMaxUses] = useState('1');
  // When the page opened: a link that ran out since then still offers Revoke, which is harmless.
  const [openedAt] = useState(() => Date.now());
  const [days, setDays] = useState('7');
  const [made, setMade] = useState<{ url: string; role: string; expiresAt: string } | null>(null);
  const form = useForm();
  const onSubmit = form.submit(
    () => {
      const errors: Record<string, string> = {};
      const uses = Number(maxUses);
      const d = Number(days);
      if (!Number.isInteger(uses) || uses < 1 || uses > 1000)
        errors.maxUses = 'Please enter a whole number from 1 to 1000.';
      if (!Number.isInteger(d) || d < 1 || d > 90)
        errors.expiresInDays = 'Please enter a whole number of days from 1 to 90.';
      return errors;
    },
    async () => {
      const r = await post<{ url: string; expiresAt: string }>(
        `/api/communities/${community.id}/invitations`,
        { role, maxUses: Number(maxUses), expiresInDays: Number(days) },
      );
      setMade({ url: r.url, role, expiresAt: r.expiresAt });
      announce('The invitation link is ready below.');
      await list.reload();
    },
  );
  const revoke = async (id: string) => {
    try {
      await del(`/api/communities/${community.id}/invitations/${id}`);
      announce('That invitation link no longer works.');
      await list.reload();
    } catch (e) {
      announce(e instanceof ApiError ? e.message : 'That did not work.');
    }
  };
  return (
    <>
      {!isOrganizer ? (
        <Notice>
          <p>
            As the operator you can invite the first organizer of {community.name}. After that, its
            organizers invite everyone else.
          </p>
        </Notice>
      ) : null}
      <section aria-labelledby="make-invite" className="section">
        <h2 id="make-invite">Make an invitation link</h2>
        <ApiForm form={form} onSubmit={onSubmit} labels={labels} submitLabel="Make the link">
          <RadioGroup
            id="role"
            legend="Which role does it give?"
            options={offered}
            value={role}
            onChange={setRole}
            error={form.errors.role}
          />
          <TextField
            id="maxUses"
            label="How many people can use it"
            inputMode="numeric"
            className="input input-small"
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
            error={form.errors.maxUses}
          />
          <TextField
            id="expiresInDays"
            label="Days until it expires"
            inputMode="numeric"
            className="input input-small"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={form.errors.expiresInDays}
          />
        </ApiForm>
        {made ? (
          <div className="notice notice-done">
            <h3>Your invitation link</h3>
            <p>
              Send this to the person you are inviting as {label.role(made.role).toLowerCase()}. It
              works until {formatDate(made.expiresAt)}. It is shown only now.
            </p>
            <p>
              <label htmlFor="invite-url">Invitation link</label>
            </p>
            <p className="inline-form">
              <input id="invite-url" className="input mono" readOnly value={made.url} />
              <CopyButton text={made.url} label="Copy invitation link" />
            </p>
          </div>
        ) : null}
      </section>
      {isOrganizer ? (
        <section aria-labelledby="invite-list" className="section">
          <h2 id="invite-list">Links made so far</h2>
          {list.error ? <Problem>{list.error.message}</Problem> : null}
          {!list.data && !list.error ? <Loading what="Loading invitations" /> : null}
          {list.data && list.data.items.length === 0 ? <p>No invitation links yet.</p> : null}
          {list.data && list.data.items.length > 0 ? (
            <ScrollTable caption="Invitation links" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Made</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>{label.role(i.role)}</td>
                    <td>{formatDate(i.createdAt)}</td>
                    <td>{formatDate(i.expiresAt)}</td>
                    <td>
                      {i.uses} of {i.maxUses}
                    </td>
                    <td>
                      {i.revoked ? (
                        'Revoked'
                      ) : i.uses >= i.maxUses ? (
                        'Used'
                      ) : Date.parse(i.expiresAt) <= openedAt ? (
                        'Expired'
                      ) : (
                        <button
                          type="button"
                          className="button button-quiet"
                          onClick={() => void revoke(i.id)}
                        >
                          Revoke
                          <span className="visually-hidden">
                            {' '}
                            the {label.role(i.role).toLowerCase()} link made{' '}
                            {formatDate(i.createdAt)}
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
