// /c/:communityId/members — who is here and their roles (organizers change roles).
import { useState } from 'react';
import { del, get, patch, type Member } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { Loading, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label, roleOptions } from '../labels.ts';
import { useSession } from '../session.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';

export function MembersPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Members"
      organizerOnly
      lead="Everyone in this community and their role. Change a role, or remove someone who has left."
    >
      {() => <Members communityId={communityId} />}
    </CommunityPage>
  );
}

function Members({ communityId }: { communityId: string }) {
  const list = useAsync(
    () => get<{ items: Member[] }>(`/api/communities/${communityId}/members`),
    [communityId],
  );
  if (list.error) return <Problem>{list.error.message}</Problem>;
  if (!list.data) return <Loading what="Loading members" />;
  return (
    <ScrollTable caption="Members and their roles" captionHidden>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Joined</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {list.data.items.map((m) => (
          <MemberRow key={m.userId} m={m} communityId={communityId} onChange={list.reload} />
        ))}
      </tbody>
    </ScrollTable>
  );
}

function MemberRow({
  m,
  communityId,
  onChange,
}: {
  m: Member;
  communityId: string;
  onChange: () => Promise<void>;
}) {
  const { me } = useSession();
  const announce = useAnnounce();
  const [role, setRole] = useState(m.role);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `role-${m.userId}`;
  const save = async () => {
    setProblem(null);
    try {
      await patch(`/api/communities/${communityId}/members/${m.userId}`, { role });
      announce(`${m.displayName} is now ${label.role(role).toLowerCase()}.`);
      await onChange();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const remove = async () => {
    setProblem(null);
    try {
      await del(`/api/communities/${communityId}/members/${m.userId}`);
      announce(`${m.displayName} was removed from the community.`);
      await onChange();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <tr>
      <th scope="row">
        {m.displayName}
        {me?.user.id === m.userId ? ' (you)' : ''}
      </th>
      <td>{m.email}</td>
      <td>{formatDate(m.joinedAt)}</td>
      <td>
        <div className="inline-form">
          <label htmlFor={id} className="visually-hidden">
            Role for {m.displayName}
          </label>
          <select
            id={id}
            className="input input-small"
            value={role}
            onChange={(e) => setRole(e.target.value as Member['role'])}
            aria-describedby={problem ? `${id}-error` : undefined}
          >
            {roleOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => void save()}>
            Save<span className="visually-hidden"> role for {m.displayName}</span>
          </button>
          <button type="button" className="button button-quiet" onClick={() => void remove()}>
            Remove<span className="visually-hidden"> {m.displayName}</span>
          </button>
        </div>
        {problem ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {problem}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
