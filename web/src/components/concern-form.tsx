// The form for raising a concern, shared by members (signed in) and the public form. After it
// is sent, it explains what happens next and shows the private follow link.
import { useEffect, useState } from 'react';
import type { MemberMatch, Raised } from '../api.ts';
import { CopyButton } from './copy-button.tsx';
import { forget, keep, readKept } from './tab-keep.ts';
import { categoryOptions, harmedOptions, wantsOptions } from '../labels.ts';
import { ApiForm } from './api-form.tsx';
import { Checkbox, CheckboxGroup, RadioGroup } from './choice-fields.tsx';
import { collect, required, TextArea, TextField, useForm } from './form.tsx';
import { MemberPicker, type PickedMember } from './member-picker.tsx';

const labels: Record<string, string> = {
  subject: 'In one line',
  what: 'What happened',
  quotes: 'The exact words',
  links: 'Links',
  impact: 'The impact',
  harmed: 'Whom it hurt',
  harmedName: 'Their name',
  'about.name': 'Who it is about',
  wants: 'What you would like',
  categories: 'What kind of behaviour',
  contact: 'How to reach you',
  exclude: 'Who should not see this',
};

// The API names the whole "about" object when neither a member nor a name is given, and each
// excluded person by their place in the list.
const aliases: Record<string, string> = {
  about: 'about.name',
  'about.userId': 'about.name',
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`exclude.${i}`, 'exclude'])),
};

/** Someone who handles concerns here, whom the reporter may keep away from this one. */
export interface StaffChoice {
  userId: string;
  name: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function ConcernForm({
  mode,
  allowAnonymous,
  communityName,
  staff = [],
  searchMembers,
  send,
  keepKey = `${mode}:${communityName}`,
}: {
  /** What this tab keeps the draft and the private link under (one form, one key). */
  keepKey?: string;
  mode: 'member' | 'public';
  allowAnonymous: boolean;
  communityName: string;
  /** The organizers and allies, for "Anyone who should not see this?" (rule 9). */
  staff?: readonly StaffChoice[];
  /** Finds members by name for "Who is it about?" (signed-in members; not the public form). */
  searchMembers?: (q: string) => Promise<MemberMatch[]>;
  send: (body: Record<string, unknown>) => Promise<Raised>;
}) {
  const draftKey = `callin:draft:${keepKey}`;
  const sentKey = `callin:sent:${keepKey}`;
  // A reload mid-form keeps what was written (in this tab only); a reload after sending keeps
  // the private link.
  const [kept] = useState(() => readKept<Partial<Draft>>(draftKey));
  const [subject, setSubject] = useState(kept?.subject ?? '');
  const [what, setWhat] = useState(kept?.what ?? '');
  const [quotes, setQuotes] = useState(kept?.quotes ?? '');
  const [links, setLinks] = useState(kept?.links ?? '');
  const [impact, setImpact] = useState(kept?.impact ?? '');
  const [harmed, setHarmed] = useState(kept?.harmed ?? '');
  const [harmedName, setHarmedName] = useState(kept?.harmedName ?? '');
  const [about, setAbout] = useState(kept?.about ?? '');
  const [aboutMember, setAboutMember] = useState<PickedMember | null>(kept?.aboutMember ?? null);
  const [wants, setWants] = useState(kept?.wants ?? '');
  const [categories, setCategories] = useState<string[]>(kept?.categories ?? []);
  const [urgent, setUrgent] = useState(kept?.urgent ?? false);
  const [anonymous, setAnonymous] = useState(
    kept?.anonymous ?? (mode === 'public' && allowAnonymous),
  );
  const [contact, setContact] = useState(kept?.contact ?? '');
  const [exclude, setExclude] = useState<string[]>(kept?.exclude ?? []);
  const [raised, setRaised] = useState<KeptSent | null>(() => readKept<KeptSent>(sentKey));
  const draft: Draft = {
    subject,
    what,
    quotes,
    links,
    impact,
    harmed,
    harmedName,
    about,
    aboutMember,
    wants,
    categories,
    urgent,
    anonymous,
    contact,
    exclude,
  };
  const written = [subject, what, quotes, links, impact, harmedName, about, contact].some((v) =>
    v.trim(),
  );
  const draftJson = JSON.stringify(draft);
  useEffect(() => {
    if (raised) return;
    if (written) keep(draftKey, JSON.parse(draftJson));
    else forget(draftKey);
  }, [draftJson, draftKey, raised, written]);
  const form = useForm(aliases);

  const onSubmit = form.submit(
    () =>
      collect({
        what: required(what, 'Please tell us what happened, in your own words.'),
        links: lines(links).every((l) => /^https?:\/\/\S+$/.test(l))
          ? undefined
          : 'Please put one full web address per line, starting with https:// or http://.',
        'about.name': required(
          about,
          'Please say who this is about: a name or handle, as you know them.',
        ),
        harmed: harmed ? undefined : 'Please choose whom it hurt. "I am not sure" is fine.',
        wants: wants ? undefined : 'Please choose what you would like to happen.',
        contact:
          mode === 'public' && !anonymous && !contact.trim()
            ? 'Please leave a way to reach you, or choose to stay anonymous.'
            : undefined,
      }),
    async () => {
      const body: Record<string, unknown> = {
        what,
        quotes: lines(quotes),
        links: lines(links),
        impact,
        harmed,
        about: aboutMember
          ? { userId: aboutMember.userId }
          : about.trim()
            ? { name: about.trim() }
            : {},
        wants,
        urgent,
        categories,
        anonymous,
      };
      if (subject.trim()) body.subject = subject.trim();
      if (harmed === 'someone-else' && harmedName.trim()) body.harmedName = harmedName.trim();
      if (!anonymous && contact.trim()) body.contact = contact.trim();
      if (exclude.length > 0) body.exclude = exclude;
      const r: KeptSent = { ...(await send(body)), anonymous };
      forget(draftKey);
      keep(sentKey, r);
      setRaised(r);
    },
  );

  if (raised)
    return (
      <Sent
        raised={raised}
        communityName={communityName}
        anonymous={raised.anonymous ?? false}
        another={() => {
          forget(sentKey);
          forget(draftKey);
          window.location.reload();
        }}
      />
    );

  return (
    <ApiForm form={form} onSubmit={onSubmit} labels={labels} submitLabel="Send this privately">
      <p className="hint" id="draft-kept">
        {kept
          ? 'We kept what you had written in this browser tab, so the reload did not lose it. '
          : ''}
        While you write, your words are kept only in this browser tab, so reloading the page does
        not lose them. They are cleared when you send, or when you close the tab.
      </p>
      <TextField
        id="subject"
        label="In one line, what is it about?"
        hint="A short subject the organizers see in their list, for example “Jokes about accents in #general”."
        optional
        maxLength={120}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={form.errors.subject}
      />
      <TextArea
        id="what"
        label="What happened?"
        hint="In your own words. Where and when it happened helps the organizers understand."
        value={what}
        onChange={(e) => setWhat(e.target.value)}
        error={form.errors.what}
      />
      <TextArea
        id="quotes"
        label="The exact words, if you have them"
        hint="One quote per line."
        optional
        rows={3}
        value={quotes}
        onChange={(e) => setQuotes(e.target.value)}
        error={form.errors.quotes}
      />
      <TextArea
        id="links"
        label="Links to where it happened"
        hint="One web address per line."
        optional
        rows={2}
        value={links}
        onChange={(e) => setLinks(e.target.value)}
        error={form.errors.links}
      />
      <TextArea
        id="impact"
        label="How did it affect you or others?"
        optional
        rows={3}
        value={impact}
        onChange={(e) => setImpact(e.target.value)}
        error={form.errors.impact}
      />
      <RadioGroup
        id="harmed"
        legend="Whom did it hurt?"
        options={harmedOptions}
        value={harmed}
        onChange={setHarmed}
        error={form.errors.harmed}
      />
      {harmed === 'someone-else' ? (
        <TextField
          id="harmedName"
          label="Their name"
          hint="Only the organizers see it. Nobody contacts them or the other person on their behalf without their agreement."
          optional
          value={harmedName}
          onChange={(e) => setHarmedName(e.target.value)}
          error={form.errors.harmedName}
        />
      ) : null}
      <MemberPicker
        id="about-name"
        label="Who is it about?"
        hint={
          searchMembers
            ? 'Start typing their name to choose them from the members here, or write a name or handle as you know them. The organizers use it to see whether this has happened before.'
            : 'A name or handle, as you know them. The organizers use it to see whether this has happened before.'
        }
        text={about}
        onText={setAbout}
        picked={aboutMember}
        onPick={setAboutMember}
        error={form.errors['about.name']}
        {...(searchMembers ? { search: searchMembers } : {})}
      />
      <RadioGroup
        id="wants"
        legend="What would you like to happen?"
        options={wantsOptions}
        value={wants}
        onChange={setWants}
        error={form.errors.wants}
      />
      <CheckboxGroup
        id="categories"
        legend="What kind of behaviour was it? (optional)"
        hint="Choose any that fit, or none."
        options={categoryOptions}
        values={categories}
        onChange={setCategories}
        error={form.errors.categories}
      />
      {staff.length > 0 ? (
        <CheckboxGroup
          id="exclude"
          legend="Anyone who should not see this? (optional)"
          hint="For example someone close to what happened. The people you choose will not see this concern or take part in deciding it."
          options={staff.map((s) => ({ value: s.userId, label: s.name }))}
          values={exclude}
          onChange={setExclude}
          error={form.errors.exclude}
        />
      ) : null}
      <Checkbox
        id="urgent"
        label="Someone may be in danger right now"
        hint="The organizers see this first. If someone is in immediate danger, also contact local emergency services."
        checked={urgent}
        onChange={setUrgent}
      />
      {allowAnonymous ? (
        <Checkbox
          id="anonymous"
          label={mode === 'public' ? 'Stay anonymous' : 'Raise this without my name'}
          hint="The organizers will not know who raised it, and cannot contact you. Keep the private link you get afterwards to follow what happens."
          checked={anonymous}
          onChange={setAnonymous}
        />
      ) : (
        <p className="muted">
          {communityName} asks for a way to reach you. Your name is never shared with the person
          this is about unless you agree.
        </p>
      )}
      {mode === 'public' && !anonymous ? (
        <TextField
          id="contact"
          label="How can the organizers reach you?"
          hint="An email address or a chat handle. Only the organizers see it."
          autoComplete="email"
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          error={form.errors.contact}
        />
      ) : null}
      <div className="notice">
        <h2 className="h3">What happens next</h2>
        <p>
          Only the organizers of {communityName} can read this. They will decide with care whether a
          private, kind conversation is the right step. The person it is about is never told who
          raised it unless you agree.
        </p>
      </div>
    </ApiForm>
  );
}

/** The answer to sending, as this tab keeps it (with whether it was sent anonymously). */
type KeptSent = Raised & { anonymous?: boolean };

/** What the form keeps in this tab while it is written. */
interface Draft {
  subject: string;
  what: string;
  quotes: string;
  links: string;
  impact: string;
  harmed: string;
  harmedName: string;
  about: string;
  aboutMember: PickedMember | null;
  wants: string;
  categories: string[];
  urgent: boolean;
  anonymous: boolean;
  contact: string;
  exclude: string[];
}

function Sent({
  raised,
  communityName,
  anonymous,
  another,
}: {
  raised: Raised;
  communityName: string;
  anonymous: boolean;
  another: () => void;
}) {
  const path = new URL(raised.followUrl, window.location.origin).pathname;
  return (
    <div
      className="notice notice-done"
      tabIndex={-1}
      ref={(el) => el?.focus()}
      aria-labelledby="sent-title"
    >
      <h2 id="sent-title">Thank you. Your concern reached the organizers.</h2>
      <p>
        The organizers of {communityName} will read it and decide on a kind next step. Nothing is
        shared with the person it is about without care, and never who raised it unless you agree.
      </p>
      <h3>Keep this private link</h3>
      <p>
        It is the only way to follow what happens{anonymous ? ', because you stayed anonymous' : ''}
        . Anyone with the link can see the status, so keep it to yourself.
      </p>
      <p>
        <label htmlFor="follow-url">Your private link</label>
      </p>
      <p className="inline-form">
        <input id="follow-url" className="input mono" readOnly value={raised.followUrl} />
        <CopyButton text={raised.followUrl} label="Copy your private link" />
      </p>
      <p className="hint">
        This browser tab keeps the link until you close it, so reloading this page does not lose it.
        It is not saved anywhere else: copy it somewhere safe, or bookmark the page it opens.
      </p>
      <p>
        <a href={path}>Follow your concern</a>
      </p>
      <p>
        <button type="button" className="button" onClick={another}>
          Raise another concern
        </button>
      </p>
    </div>
  );
}
