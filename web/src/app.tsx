// The route table. A new page is one line here (and, inside a community, one in
// components/community-nav.tsx).
import { AnnouncerProvider } from './components/announcer.tsx';
import { Layout } from './components/layout.tsx';
import { AllyBoardPage } from './pages/ally-board.tsx';
import { CommunityOverviewPage } from './pages/community.tsx';
import { ConcernPage } from './pages/concern.tsx';
import { FollowPage } from './pages/follow.tsx';
import { HomePage } from './pages/home.tsx';
import { InboxPage } from './pages/inbox.tsx';
import { InvitationsPage } from './pages/invitations.tsx';
import { InvitePage } from './pages/invite.tsx';
import { MembersPage } from './pages/members.tsx';
import { MyConcernsPage } from './pages/my-concerns.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { PublicRaisePage, RaisePage } from './pages/raise.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { SetupPage } from './pages/setup.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { TokensPage } from './pages/tokens.tsx';
import { Routes, type RouteDef } from './router.tsx';
import { SessionProvider } from './session.tsx';

const p = (params: Record<string, string>, name: string) => params[name] ?? '';

export const routes: RouteDef[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/sign-in', render: () => <SignInPage /> },
  { path: '/setup', render: () => <SetupPage /> },
  { path: '/invite/:token', render: (r) => <InvitePage token={p(r, 'token')} /> },
  { path: '/raise/:intakeId', render: (r) => <PublicRaisePage intakeId={p(r, 'intakeId')} /> },
  { path: '/follow/:token', render: (r) => <FollowPage token={p(r, 'token')} /> },
  { path: '/my/concerns', render: () => <MyConcernsPage /> },
  { path: '/c/:id', render: (r) => <CommunityOverviewPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/raise', render: (r) => <RaisePage communityId={p(r, 'id')} /> },
  { path: '/c/:id/ally-board', render: (r) => <AllyBoardPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/inbox', render: (r) => <InboxPage communityId={p(r, 'id')} /> },
  {
    path: '/c/:id/concerns/:concernId',
    render: (r) => <ConcernPage communityId={p(r, 'id')} concernId={p(r, 'concernId')} />,
  },
  { path: '/c/:id/members', render: (r) => <MembersPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/invitations', render: (r) => <InvitationsPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/settings', render: (r) => <SettingsPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/tokens', render: (r) => <TokensPage communityId={p(r, 'id')} /> },
];

export function App() {
  return (
    <AnnouncerProvider>
      <SessionProvider>
        <Layout>
          <Routes routes={routes} fallback={<NotFoundPage />} />
        </Layout>
      </SessionProvider>
    </AnnouncerProvider>
  );
}
