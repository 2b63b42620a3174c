// /c/:communityId/call-ins/:callInId — the caller's and organizers' page: status and consent,
// the conversation guide, the draft with the coach's advice, the channel, messages and logs,
// the thread, the outcome, close or reopen, and (organizers) finding someone to hold it
// (components/call-in-match.tsx) and escalation to enforcement. One file per section here.
import { useState } from 'react';
import { get, type CallInDetail } from '../../api.ts';
import { MatchCaller } from '../../components/call-in-match.tsx';
import { CommunityPage } from '../../components/community-page.tsx';
import { Loading, Notice, Problem } from '../../components/page.tsx';
import { useAsync } from '../../components/use-async.ts';
import { Channel, ConfirmMemberAddress } from './channel.tsx';
import { CloseReopen } from './close-reopen.tsx';
import { Consent } from './consent.tsx';
import { Draft } from './draft.tsx';
import { Escalate } from './escalate.tsx';
import { CallInStatus, WhatHappened } from './facts.tsx';
import { Outcome } from './outcome.tsx';
import { SendMessage } from './send-message.tsx';
import { Guide, Thread } from './thread.tsx';

export function CallInPage({ communityId, callInId }: { communityId: string; callInId: string }) {
  return (
    <CommunityPage communityId={communityId} title="Call-in">
      {() => <CallIn communityId={communityId} callInId={callInId} />}
    </CommunityPage>
  );
}

function CallIn({ communityId, callInId }: { communityId: string; callInId: string }) {
  const base = `/api/communities/${communityId}/call-ins/${callInId}`;
  const detail = useAsync(() => get<CallInDetail>(base), [base]);
  if (detail.error) {
    return (
      <Problem>
        <p>
          We could not open this call-in. Only its caller and the organizers can see it, and it may
          have been removed under the retention policy.
        </p>
      </Problem>
    );
  }
  if (!detail.data) return <Loading what="Opening the call-in" />;
  return (
    <CallInSections
      communityId={communityId}
      callInId={callInId}
      base={base}
      d={detail.data}
      reload={() => detail.reload()}
    />
  );
}

function CallInSections({
  communityId,
  callInId,
  base,
  d,
  reload,
}: {
  communityId: string;
  callInId: string;
  base: string;
  d: CallInDetail;
  reload: () => Promise<void>;
}) {
  // The saved draft becomes the message, unless it was already sent as it stands.
  const [draft, setDraft] = useState(d.draft ?? '');
  const unsent = d.messages.some((m) => m.author === 'caller' && m.text === draft) ? '' : draft;
  const spoken = d.channel === 'voice' || d.channel === 'in-person';
  return (
    <>
      <CallInStatus communityId={communityId} detail={d} />

      <WhatHappened concern={d.concern} />

      {d.can.assign ? (
        <MatchCaller
          communityId={communityId}
          callInId={callInId}
          language={d.language}
          offers={d.offers}
          onChanged={reload}
        />
      ) : null}
      {d.status === 'awaiting-consent' ? (
        <Consent base={base} communityId={communityId} detail={d} onDone={reload} />
      ) : null}
      {d.status === 'stopped' ? (
        <Notice>
          <p>
            The harmed person said no or changed their mind, so this call-in has stopped. Nothing
            more will be sent. Thank you for asking first.
          </p>
        </Notice>
      ) : null}

      <Guide steps={d.guide} />

      {d.can.saveDraft ? <Draft base={base} initial={d.draft ?? ''} onSaved={setDraft} /> : null}
      {d.can.chooseChannel ? <Channel base={base} detail={d} onDone={reload} /> : null}
      {d.can.confirmMemberAddress && d.memberAddress && !d.memberAddress.fromAccount ? (
        <ConfirmMemberAddress base={base} address={d.memberAddress} onDone={reload} />
      ) : null}
      {d.can.sendMessage ? (
        <SendMessage
          base={base}
          spoken={spoken}
          handover={d.handover}
          draft={unsent}
          onDone={reload}
        />
      ) : null}

      <Thread messages={d.messages} />

      {d.can.recordOutcome ? <Outcome base={base} onDone={reload} /> : null}
      <CloseReopen base={base} can={d.can} onDone={reload} />
      {d.can.escalate ? <Escalate base={base} onDone={reload} /> : null}
    </>
  );
}
