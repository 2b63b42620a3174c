// An HTTP client for inject(): keeps the session cookie and sends the CSRF token, like the
// web app does.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

export class Client {
  cookie: string | null = null;
  /** Other cookies the server set (a member's link claim), sent back like a browser would. */
  others = new Map<string, string>();
  csrfToken: string | null = null;
  bearer: string | null = null;
  userId: string | null = null;

  constructor(readonly app: FastifyInstance) {}

  async request<T = any>(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    const jar = [...(this.cookie ? [this.cookie] : []), ...this.others.values()];
    if (jar.length) h.cookie = jar.join('; ');
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] = this.csrfToken;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    const setCookie = res.headers['set-cookie'];
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    for (const c of cookies) {
      const [pair] = c.split(';');
      if (pair?.startsWith('callin_session=')) this.cookie = pair.endsWith('=') ? null : pair;
      else if (pair?.includes('=')) this.others.set(pair.split('=')[0]!, pair);
    }
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, raw: res };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async signIn(email: string, password: string): Promise<this> {
    const r = await this.post('/api/auth/sign-in', { email, password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrfToken = r.body.csrfToken;
    this.userId = r.body.userId;
    return this;
  }
}
