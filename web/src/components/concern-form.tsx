// The form for raising a concern, shared by members (signed in) and the public form. After it
// is sent, it explains what happens next and shows the private follow link.
import { useState } from 'react';
import type { Raised } from '../api.ts';
import { categoryOptions, harmedOptions, wantsOptions } from '../labels.ts';
import { ApiForm } from './api-form.tsx';
import { Checkbox, CheckboxGroup, RadioGroup } from './choice-fields.tsx';
import { collect, required, TextArea, TextField, useForm } from './form.tsx';

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
  send,
}: {
  mode: 'member' | 'public';
  allowAnonymous: boolean;
  communityName: string;
  /** The organizers and allies, for "Anyone who should not see this?" (rule 9). */
  staff?: readonly StaffChoice[];
  send: (body: Record<string, unknown>) => Promise<Raised>;
}) {
  const [subject, setSubject] = useState('');
  const [what, setWhat] = useState('');
  const [quotes, setQuotes] = useState('');
  const [links, setLinks] = useState('');
  const [impact, setImpact] = useState('');
  const [harmed, setHarmed] = useState('');
  const [harmedName, setHarmedName] = useState('');
  const [about, setAbout] = useState('');
  const [wants, setWants] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [urgent, setUrgent] = useState(false);
  const [anonymous, setAnonymous] = useState(mode === 'public' && allowAnonymous);
  const [contact, setContact] = useState('');
  const [exclude, setExclude] = useState<string[]>([]);
  const [raised, setRaised] = useState<Raised | null>(null);
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
        about: about.trim() ? { name: about.trim() } : {},
        wants,
        urgent,
        categories,
        anonymous,
      };
      if (subject.trim()) body.subject = subject.trim();
      if (harmed === 'someone-else' && harmedName.trim()) body.harmedName = harmedName.trim();
      if (!anonymous && contact.trim()) body.contact = contact.trim();
      if (exclude.length > 0) body.exclude = exclude;
      setRaised(await send(body));
    },
  );

  if (raised) return <Sent raised={raised} communityName={communityName} anonymous={anonymous} />;

  return (
    <ApiForm form={form} onSubmit={onSubmit} labels={labels} submitLabel="Send this privately">
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
      <TextField
        id="about-name"
        label="Who is it about?"
        hint="A name or handle, as you know them. The organizers use it to see whether this has happened before."
        value={about}
        onChange={(e) => setAbout(e.target.value)}
        error={form.errors['about.name']}
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

function Sent({
  raised,
  communityName,
  anonymous,
}: {
  raised: Raised;
  communityName: string;
  anonymous: boolean;
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
      <input id="follow-url" className="input mono" readOnly value={raised.followUrl} />
      <p>
        <a href={path}>Follow your concern</a>
      </p>
    </div>
  );
}
