// Who is signed in. Loaded once from GET /api/me; refreshed after signing in, joining or out.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, setCsrfToken, type Me } from './api.ts';

interface SessionState {
  /** undefined while loading, null when nobody is signed in. */
  me: Me | null | undefined;
  refresh: () => Promise<Me | null>;
}

const SessionContext = createContext<SessionState>({ me: undefined, refresh: async () => null });

/** Who is signed in now, or null; keeps the CSRF token that goes with the session. */
async function loadMe(): Promise<Me | null> {
  try {
    const m = await get<Me>('/api/me');
    setCsrfToken(m.csrfToken);
    return m;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status === 401 || e.status === 403) setCsrfToken(null);
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    const m = await loadMe();
    setMe(m);
    return m;
  }, []);
  useEffect(() => {
    let current = true;
    void loadMe().then((m) => {
      if (current) setMe(m);
    });
    return () => {
      current = false;
    };
  }, []);
  return <SessionContext.Provider value={{ me, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
