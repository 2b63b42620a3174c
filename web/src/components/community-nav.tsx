// The pages of one community, shown by role. New pages (call-ins, consent, ally board) add a
// line to `sections`.
import type { Community } from '../api.ts';
import { Link, useLocation } from '../router.tsx';

interface Section {
  path: string;
  label: string;
  organizerOnly?: boolean;
  membersOnly?: boolean;
  /** Shown only to these roles. */
  roles?: string[];
}

const sections: Section[] = [
  { path: '', label: 'Overview' },
  { path: '/inbox', label: 'Inbox', organizerOnly: true },
  { path: '/ally-board', label: 'Ally board', roles: ['ally', 'organizer'] },
  { path: '/offers', label: 'Offers for you', roles: ['ally', 'organizer'] },
  { path: '/call-ins', label: 'Call-ins', roles: ['ally', 'organizer'] },
  { path: '/care', label: 'Care', membersOnly: true },
  { path: '/enforcements', label: 'Enforcement', organizerOnly: true },
  { path: '/counts', label: 'Counts', organizerOnly: true },
  { path: '/raise', label: 'Raise a concern', membersOnly: true },
  { path: '/members', label: 'Members', organizerOnly: true },
  { path: '/invitations', label: 'Invitations', organizerOnly: true },
  { path: '/settings', label: 'Settings', organizerOnly: true },
  { path: '/tokens', label: 'API tokens', membersOnly: true },
];

export function CommunityNav({ community }: { community: Community }) {
  const { pathname } = useLocation();
  const base = `/c/${community.id}`;
  const visible = sections.filter(
    (s) =>
      (!s.organizerOnly || community.role === 'organizer') &&
      (!s.membersOnly || community.role !== null) &&
      (!s.roles || s.roles.includes(community.role ?? '')),
  );
  return (
    <nav aria-label={`${community.name} pages`} className="community-nav">
      <ul>
        {visible.map((s) => {
          const to = base + s.path;
          const current =
            pathname === to ||
            (s.path === '/inbox' && pathname.startsWith(`${base}/concerns/`)) ||
            (s.path === '/call-ins' && pathname.startsWith(`${base}/call-ins/`));
          return (
            <li key={s.path}>
              <Link to={to} aria-current={current ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
