// Load data for a page: { data, error, loading, reload }. It loads again when deps change;
// eslint.config.js has exhaustive-deps check each caller's deps like a built-in hook's.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { ApiError } from '../api.ts';

interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
}

async function settle<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { data: await load(), loading: false };
  } catch (e) {
    const error =
      e instanceof ApiError
        ? e
        : new ApiError(0, { code: 'internal_error', message: 'Something went wrong.' }, {});
    return { error, loading: false };
  }
}

export function useAsync<T>(load: () => Promise<T>, deps: DependencyList) {
  // The caller's deps, checked at each call site (additionalHooks in eslint.config.js).
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- see above
  const run = useCallback(load, deps);
  // Which loader the state answers: while the deps' new answer is on its way, the last one
  // stays shown and the hook says it is loading.
  const [state, setState] = useState<Loaded<T> & { of?: () => Promise<T> }>({ loading: true });
  useEffect(() => {
    let current = true;
    void settle(run).then((next) => {
      if (current) setState({ ...next, of: run });
    });
    return () => {
      current = false;
    };
  }, [run]);
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    const next = await settle(run);
    setState({ ...next, of: run });
  }, [run]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading || state.of !== run,
    reload,
  };
}
