// Closing the call-in, or opening the conversation again.
import { useState } from 'react';
import { ApiError, post, type CallInDetail } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { Problem } from '../../components/page.tsx';
import { Section } from './section.tsx';

export function CloseReopen({
  base,
  can,
  onDone,
}: {
  base: string;
  can: CallInDetail['can'];
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const canClose = can.close;
  const canReopen = can.reopen;
  if (!canClose && !canReopen) return null;
  const act = async (what: 'close' | 'reopen') => {
    setProblem(null);
    try {
      await post(`${base}/${what}`);
      announce(what === 'close' ? 'The call-in is closed.' : 'The conversation is open again.');
      await onDone();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Nothing was changed.');
    }
  };
  return (
    <Section id="close-heading" title="Close or reopen">
      {problem ? <Problem>{problem}</Problem> : null}
      <p className="inline-form">
        {canClose ? (
          <button type="button" className="button" onClick={() => void act('close')}>
            Close the call-in
          </button>
        ) : null}{' '}
        {canReopen ? (
          <button type="button" className="button" onClick={() => void act('reopen')}>
            Reopen the conversation
          </button>
        ) : null}
      </p>
    </Section>
  );
}
