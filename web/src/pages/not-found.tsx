import { Page } from '../components/page.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>We could not find that page. The link may be incomplete or out of date.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </Page>
  );
}
