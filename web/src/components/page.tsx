// Every page: its own document title, one h1 that receives focus after in-app navigation.
import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../router.tsx';

export function Page({
  title,
  heading,
  lead,
  children,
  wide,
}: {
  title: string;
  heading?: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
}) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Calling In`;
  }, [title]);
  useEffect(() => {
    if (hasNavigated()) h1.current?.focus();
  }, []);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 ref={h1} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

/** Loading, failure and empty states, said in words and announced politely. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="muted" role="status">
      {what}…
    </p>
  );
}

export function Problem({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-problem" role="alert">
      {children}
    </div>
  );
}

export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'done';
}) {
  return <div className={`notice notice-${tone}`}>{children}</div>;
}
