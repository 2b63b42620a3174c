// The route table. A new page is one line here (and, inside a community, one in
// components/community-nav.tsx).
import { lazy, Suspense, useEffect } from 'react';
import { AnnouncerProvider } from './components/announcer.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/page.tsx';
import { AccountPage } from './pages/account.tsx';
import { AllyBoardPage } from './pages/ally-board.tsx';
import { CalledInPage } from './pages/called-in.tsx';
import { CallInPage } from './pages/call-in/index.tsx';
import { CallInsPage } from './pages/call-ins.tsx';
import { CarePage } from './pages/care/index.tsx';
import { ConsentLinkPage } from './pages/consent.tsx';
import { NotificationsPage } from './pages/notifications.tsx';
import { CommunityEnforcementsPage, MyEnforcementPage } from './pages/enforcements.tsx';
import { CommunityOverviewPage } from './pages/community.tsx';
import { ConcernPage } from './pages/concern/index.tsx';
import { FollowPage } from './pages/follow.tsx';
import { HomePage } from './pages/home.tsx';
import { InboxPage } from './pages/inbox.tsx';
import { InvitationsPage } from './pages/invitations.tsx';
import { ConfirmInvitePage, InvitePage } from './pages/invite.tsx';
import { MembersPage } from './pages/members.tsx';
import { MyCallInPage, MyCallInsPage } from './pages/my-call-ins.tsx';
import { MyConcernsPage } from './pages/my-concerns.tsx';
import { MyConcernPage } from './pages/my-concern.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { OffersPage } from './pages/offers.tsx';
import { PublicRaisePage, RaisePage } from './pages/raise.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { SetupPage } from './pages/setup.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import {
  ConfirmEmailPage,
  ForgotPasswordPage,
  ResetPasswordPage,
} from './pages/password-reset.tsx';
import { TokensPage } from './pages/tokens.tsx';
import { replaceLocation, Routes, type RouteDef } from './router.tsx';
import { SessionProvider } from './session.tsx';

// Counts brings the chart library with it, so it loads only when someone opens it.
const CountsPage = lazy(async () => ({
  default: (await import('./pages/counts/index.tsx')).CountsPage,
}));

const p = (params: Record<string, string>, name: string) => params[name] ?? '';

/** The API's links say /communities/…; the app's community pages live under /c/…. */
function Alias({ to }: { to: string }) {
  useEffect(() => replaceLocation(to + window.location.search), [to]);
  return null;
}
const alias = (suffix: string) => ({
  path: `/communities/:id${suffix}`,
  render: (r: Record<string, string>) => (
    <Alias
      to={`/c/${encodeURIComponent(p(r, 'id'))}${suffix.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(p(r, k)))}`}
    />
  ),
});

export const routes: RouteDef[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/sign-in', render: () => <SignInPage /> },
  { path: '/forgot-password', render: () => <ForgotPasswordPage /> },
  {
    path: '/reset-password/:token',
    render: (r) => <ResetPasswordPage token={p(r, 'token')} />,
  },
  {
    path: '/confirm-email/:token',
    render: (r) => <ConfirmEmailPage token={p(r, 'token')} />,
  },
  { path: '/setup', render: () => <SetupPage /> },
  {
    path: '/invite/confirm/:token',
    render: (r) => <ConfirmInvitePage token={p(r, 'token')} />,
  },
  { path: '/invite/:token', render: (r) => <InvitePage token={p(r, 'token')} /> },
  { path: '/raise/:intakeId', render: (r) => <PublicRaisePage intakeId={p(r, 'intakeId')} /> },
  { path: '/follow/:token', render: (r) => <FollowPage token={p(r, 'token')} /> },
  { path: '/my/concerns', render: () => <MyConcernsPage /> },
  // Notifications link to /me/concerns (and one concern there).
  { path: '/me/concerns', render: () => <MyConcernsPage /> },
  {
    path: '/me/concerns/:concernId',
    render: (r) => <MyConcernPage concernId={p(r, 'concernId')} />,
  },
  { path: '/c/:id', render: (r) => <CommunityOverviewPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/raise', render: (r) => <RaisePage communityId={p(r, 'id')} /> },
  { path: '/c/:id/ally-board', render: (r) => <AllyBoardPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/offers', render: (r) => <OffersPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/inbox', render: (r) => <InboxPage communityId={p(r, 'id')} /> },
  {
    path: '/c/:id/concerns/:concernId',
    render: (r) => <ConcernPage communityId={p(r, 'id')} concernId={p(r, 'concernId')} />,
  },
  { path: '/c/:id/members', render: (r) => <MembersPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/invitations', render: (r) => <InvitationsPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/settings', render: (r) => <SettingsPage communityId={p(r, 'id')} /> },
  { path: '/c/:id/tokens', render: (r) => <TokensPage communityId={p(r, 'id')} /> },
  { path: '/consent/:token', render: (r) => <ConsentLinkPage token={p(r, 'token')} /> },
  { path: '/called-in/:token', render: (r) => <CalledInPage token={p(r, 'token')} /> },
  { path: '/c/:id/call-ins', render: (r) => <CallInsPage communityId={p(r, 'id')} /> },
  {
    path: '/c/:id/call-ins/:callInId',
    render: (r) => <CallInPage communityId={p(r, 'id')} callInId={p(r, 'callInId')} />,
  },
  { path: '/c/:id/care', render: (r) => <CarePage communityId={p(r, 'id')} /> },
  {
    path: '/c/:id/enforcements',
    render: (r) => <CommunityEnforcementsPage communityId={p(r, 'id')} />,
  },
  {
    path: '/c/:id/counts',
    render: (r) => (
      <Suspense fallback={<Loading what="Loading the counts" />}>
        <CountsPage communityId={p(r, 'id')} />
      </Suspense>
    ),
  },
  { path: '/me/call-ins', render: () => <MyCallInsPage /> },
  { path: '/me/notifications', render: () => <NotificationsPage /> },
  {
    path: '/me/call-ins/:callInId',
    render: (r) => <MyCallInPage callInId={p(r, 'callInId')} />,
  },
  { path: '/me/enforcements/:id', render: (r) => <MyEnforcementPage id={p(r, 'id')} /> },
  { path: '/account', render: () => <AccountPage /> },
  alias(''),
  alias('/call-ins'),
  alias('/call-ins/:callInId'),
  alias('/care'),
  alias('/enforcements'),
  alias('/counts'),
  alias('/ally-board'),
  alias('/offers'),
  alias('/inbox'),
  alias('/concerns/:concernId'),
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
