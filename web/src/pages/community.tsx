// /c/:communityId — what this community offers the person, by role.
import type { Community } from '../api.ts';
import { CommunityPage } from '../components/community-page.tsx';
import { label } from '../labels.ts';
import { Link } from '../router.tsx';

export function CommunityOverviewPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage communityId={communityId} title={(c) => c.name}>
      {(c) => <Overview c={c} />}
    </CommunityPage>
  );
}

function Overview({ c }: { c: Community }) {
  const base = `/c/${c.id}`;
  return (
    <>
      <p className="lead">Your role here: {label.role(c.role)}.</p>
      <ul className="card-list">
        {c.role === 'organizer' ? (
          <>
            <li className="card">
              <h2 className="card-title">
                <Link to={`${base}/inbox`}>Inbox</Link>
              </h2>
              <p>Read new concerns, decide kindly what to do, and keep the reason.</p>
            </li>
            <li className="card">
              <h2 className="card-title">
                <Link to={`${base}/settings`}>Settings and the public form</Link>
              </h2>
              <p>Share the public form link, and set how triage and retention work.</p>
            </li>
            <li className="card">
              <h2 className="card-title">
                <Link to={`${base}/invitations`}>Invite people</Link>
              </h2>
              <p>Make invitation links for members, allies and other organizers.</p>
            </li>
          </>
        ) : null}
        {c.role === 'ally' ? (
          <li className="card">
            <h2 className="card-title">
              <Link to={`${base}/ally-board`}>Ally board</Link>
            </h2>
            <p>See who is waiting for an ally, and volunteer when you have room.</p>
          </li>
        ) : null}
        {c.role ? (
          <li className="card">
            <h2 className="card-title">
              <Link to={`${base}/raise`}>Raise a concern</Link>
            </h2>
            <p>Tell the organizers privately about something hurtful. You can stay anonymous.</p>
          </li>
        ) : (
          <li className="card">
            <h2 className="card-title">
              <Link to={`${base}/invitations?role=organizer`}>Invite the first organizer</Link>
            </h2>
            <p>
              As the operator you can invite this community&rsquo;s first organizer. You will not
              see its concerns.
            </p>
          </li>
        )}
      </ul>
    </>
  );
}
