// The email channel: renders the template for the person and sends it through the mailer. It
// reaches anyone with an address; without SMTP_URL it is off and says so.
import type { NotificationChannel } from '../../domain/notifications/notifications.ts';
import type { Mailer } from './mailer.ts';
import { renderEmail } from './templates.ts';

export function emailChannel(mailer: Mailer): NotificationChannel {
  return {
    name: 'email',
    async deliver(n) {
      if (!n.recipient.email) return 'unreachable';
      const email = renderEmail(n.template, {
        communityName: n.community.name,
        recipientName: n.recipient.name,
        link: n.link,
      });
      await mailer.send({
        ...email,
        to: { email: n.recipient.email, name: n.recipient.name },
        messageId: `<${n.deliveryId}@callin>`,
      });
      return mailer.enabled ? 'sent' : 'off';
    },
  };
}
