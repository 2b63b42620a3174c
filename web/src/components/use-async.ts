// Load data for a page: { data, error, loading, reload }.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({
    loading: true,
  });
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await run();
      setState({ data, loading: false });
    } catch (e) {
      const error =
        e instanceof ApiError
          ? e
          : new ApiError(0, { code: 'internal_error', message: 'Something went wrong.' }, {});
      setState({ error, loading: false });
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
