// / — signed out: what this is; signed in: your communities (every community, for the operator).
import { useState } from 'react';
import { get, post, type Community } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { label } from '../labels.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export function HomePage() {
  const { me } = useSession();
  if (me === undefined) {
    return (
      <Page title="Calling In">
        <Loading />
      </Page>
    );
  }
  if (me === null) {
    return (
      <Page
        title="Calling In"
        heading="A kind, private way to talk about hurtful words"
        lead="Calling In helps community organizers handle concerns with care: a private conversation that focuses on the behaviour and its impact, and leaves room to learn."
      >
        <ul className="feature-list">
          <li>
            Anyone can raise a concern privately, without an account, through their
            community&rsquo;s form.
          </li>
          <li>Organizers decide together whether to call someone in, and why.</li>
          <li>Nobody is asked to speak for the person who was hurt without their consent.</li>
        </ul>
        <p>
          <Link to="/sign-in" className="button button-primary">
            Sign in
          </Link>
        </p>
      </Page>
    );
  }
  return <Communities isOperator={me.user.isOperator} name={me.user.displayName} />;
}

function Communities({ isOperator, name }: { isOperator: boolean; name: string }) {
  const list = useAsync(() => get<{ items: Community[] }>('/api/communities'), []);
  return (
    <Page title="Your communities" lead={`Welcome, ${name}.`}>
      {list.error ? <Problem>{list.error.message}</Problem> : null}
      {!list.data && !list.error ? <Loading what="Loading your communities" /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p>
          {isOperator
            ? 'There are no communities yet. Create the first one below.'
            : 'You are not part of any community yet. An organizer can send you an invitation link.'}
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="card-list">
          {list.data.items.map((c) => (
            <li key={c.id} className="card">
              <h2 className="card-title">
                <Link to={`/c/${c.id}`}>{c.name}</Link>
              </h2>
              <p className="muted">
                Your role: {label.role(c.role)}
                {c.intakeOpen ? '' : ' · The public form is closed'}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="yours" className="section">
        <h2 id="yours">Yours</h2>
        <ul>
          <li>
            <Link to="/me/call-ins">Conversations with you</Link>: when someone reaches out to you
            privately about something said or done.
          </li>
          <li>
            <Link to="/my/concerns">Concerns you raised</Link>
          </li>
        </ul>
      </section>
      {isOperator ? <NewCommunity /> : null}
    </Page>
  );
}

const labels = { name: 'Community name', slug: 'Short name' };

function NewCommunity() {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const announce = useAnnounce();
  const form = useForm();
  const suggested = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  const effectiveSlug = slugTouched ? slug : suggested;
  const onSubmit = form.submit(
    () =>
      collect({
        name: required(name, 'Please give the community a name.'),
        slug:
          required(effectiveSlug, 'Please choose a short name.') ??
          (/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/.test(effectiveSlug)
            ? undefined
            : 'Use lowercase letters, numbers and dashes, starting and ending with a letter or number.'),
      }),
    async () => {
      const c = await post<Community>('/api/communities', { name, slug: effectiveSlug });
      announce(`${c.name} is ready.`);
      navigate(`/c/${c.id}`);
    },
  );
  return (
    <section aria-labelledby="new-community" className="section">
      <h2 id="new-community">Create a community</h2>
      <p className="muted">
        After creating it, invite its first organizer. They take it from there.
      </p>
      <ApiForm form={form} onSubmit={onSubmit} labels={labels} submitLabel="Create community">
        <TextField
          id="name"
          label="Community name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.name}
        />
        <TextField
          id="slug"
          label="Short name"
          hint="Lowercase letters, numbers and dashes, different from every other community here. For example: rust-meetup."
          value={effectiveSlug}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value);
          }}
          error={form.errors.slug}
        />
      </ApiForm>
    </section>
  );
}
