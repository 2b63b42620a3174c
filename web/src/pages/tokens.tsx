// /c/:communityId/tokens — API tokens for scripts and integrations, shown once.
import { useState } from 'react';
import { del, get, post, type ApiToken as Token } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Loading, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate } from '../labels.ts';
import { ScrollTable } from '../components/scroll-table.tsx';

export function TokensPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="API tokens"
      lead="A token lets a script or integration act as you in this community only. Treat it like a password."
    >
      {() => <Tokens communityId={communityId} />}
    </CommunityPage>
  );
}

function Tokens({ communityId }: { communityId: string }) {
  const announce = useAnnounce();
  const list = useAsync(
    () => get<{ items: Token[] }>(`/api/communities/${communityId}/tokens`),
    [communityId],
  );
  const [name, setName] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const form = useForm();
  const onSubmit = form.submit(
    () => collect({ name: required(name, 'Please name the token, so you know what uses it.') }),
    async () => {
      const r = await post<{ token: string }>(`/api/communities/${communityId}/tokens`, { name });
      setMade(r.token);
      setName('');
      announce('Your new token is shown below, once.');
      await list.reload();
    },
  );
  const revoke = async (t: Token) => {
    await del(`/api/communities/${communityId}/tokens/${t.id}`);
    announce(`${t.name} no longer works.`);
    await list.reload();
  };
  return (
    <>
      <section aria-labelledby="new-token" className="section">
        <h2 id="new-token">Make a token</h2>
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={{ name: 'Token name' }}
          submitLabel="Make token"
        >
          <TextField
            id="name"
            label="Token name"
            hint="For example: Slack bridge, or weekly report script."
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={form.errors.name}
          />
        </ApiForm>
        {made ? (
          <div className="notice notice-done">
            <p>
              <label htmlFor="new-token-value">Your new token</label>
            </p>
            <input id="new-token-value" className="input mono" readOnly value={made} />
            <p>Copy it now: it will not be shown again.</p>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="token-list" className="section">
        <h2 id="token-list">Your tokens</h2>
        {list.error ? <Problem>{list.error.message}</Problem> : null}
        {!list.data && !list.error ? <Loading what="Loading tokens" /> : null}
        {list.data?.items.length === 0 ? <p>You have no tokens for this community.</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <ScrollTable caption="Your API tokens" captionHidden>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'Not yet'}</td>
                  <td>
                    {t.revoked ? (
                      'Revoked'
                    ) : (
                      <button
                        type="button"
                        className="button button-quiet"
                        onClick={() => void revoke(t)}
                      >
                        Revoke<span className="visually-hidden"> {t.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : null}
      </section>
    </>
  );
}
