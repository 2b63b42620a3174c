// Who the concern is about, linked to a member or not. An organizer links a name or handle the
// reporter wrote to the member it means (so history counts by account, a call-in reaches them in
// the app, and they can no longer see the case as staff), or unlinks it.
import { useState } from 'react';
import { del, get, put, type ConcernDetail, type MemberMatches } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { collect, useForm } from '../../components/form.tsx';
import { MemberPicker, type PickedMember } from '../../components/member-picker.tsx';

export function LinkSubject({
  communityId,
  concern,
  onDone,
}: {
  communityId: string;
  concern: ConcernDetail;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const base = `/api/communities/${communityId}/concerns/${concern.id}/subject`;
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<PickedMember | null>(null);
  const form = useForm({ userId: 'link-member' });
  const linked = concern.about.userId !== null;
  const onSubmit = form.submit(
    () =>
      collect({
        'link-member':
          !linked && !picked ? 'Please choose a member from the suggestions.' : undefined,
      }),
    async () => {
      if (linked) await del(base);
      else await put(base, { userId: picked?.userId });
      announce(linked ? 'Unlinked. The name stays as written.' : 'Linked to the member.');
      setText('');
      setPicked(null);
      await onDone();
    },
  );
  return (
    <section aria-labelledby="subject-heading" className="section">
      <h2 id="subject-heading">Who it is about</h2>
      {linked ? (
        <p>
          {concern.about.name ?? 'A member'} is a member here. They cannot see or handle this
          concern as staff, and a call-in reaches them in the app.
        </p>
      ) : (
        <p>
          The reporter wrote &ldquo;{concern.about.name ?? 'no name'}&rdquo;. If you know which
          member this is, link them: earlier concerns about them are counted, and a call-in can
          reach them in the app. If they help run this community, they will no longer see this
          concern.
        </p>
      )}
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ 'link-member': 'The member it is about' }}
        submitLabel={linked ? 'Unlink' : 'Link to this member'}
      >
        {linked ? null : (
          <MemberPicker
            id="link-member"
            label="The member it is about"
            hint="Type at least two letters of their name, then choose them from the list."
            text={text}
            onText={setText}
            picked={picked}
            onPick={setPicked}
            error={form.errors['link-member']}
            search={async (q) =>
              (
                await get<MemberMatches>(
                  `/api/communities/${communityId}/member-search?q=${encodeURIComponent(q)}`,
                )
              ).items
            }
          />
        )}
      </ApiForm>
    </section>
  );
}
