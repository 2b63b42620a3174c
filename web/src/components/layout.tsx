// The frame of every page: a skip link, the banner with the main navigation, main, footer.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { get, post, setCsrfToken } from '../api.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAnnounce } from './announcer.tsx';
import { useAsync } from './use-async.ts';

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const current = pathname === to;
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/** "Notifications", with how many are unread; counted again on every change of page. */
function NoticesLink() {
  const { pathname } = useLocation();
  const count = useAsync(() => get<{ unread: number }>('/api/me/notifications/unread'), []);
  const { reload } = count;
  const seen = useRef(pathname);
  useEffect(() => {
    if (pathname === seen.current) return;
    seen.current = pathname;
    void reload();
  }, [pathname, reload]);
  const unread = count.data?.unread ?? 0;
  return (
    <NavLink to="/me/notifications">
      Notifications
      {unread > 0 ? <span className="nav-count"> ({unread} unread)</span> : null}
    </NavLink>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, refresh } = useSession();
  const announce = useAnnounce();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await post('/api/auth/sign-out');
    } finally {
      setCsrfToken(null);
      await refresh();
      setSigningOut(false);
      announce('You are signed out.');
      navigate('/sign-in');
    }
  };

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            Calling In
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              {me ? (
                <>
                  <li>
                    <NavLink to="/">Your communities</NavLink>
                  </li>
                  <li>
                    <NavLink to="/my/concerns">Concerns you raised</NavLink>
                  </li>
                  <li>
                    <NoticesLink />
                  </li>
                  <li>
                    <NavLink to="/account">Your account</NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void signOut()}
                      aria-disabled={signingOut || undefined}
                    >
                      Sign out
                    </button>
                  </li>
                </>
              ) : me === null ? (
                <li>
                  <NavLink to="/sign-in">Sign in</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Calling In: private, kind conversations about hurtful words and behaviour. What you share
          here stays within your community&rsquo;s organizers.
        </p>
      </footer>
    </>
  );
}
