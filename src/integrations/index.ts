// The one list of integrations. Add Slack, Discord and webhooks here, each an IntegrationPlugin.
import { emailIntegration } from './email/index.ts';
import type { IntegrationPlugin } from './plugin.ts';

export const integrations: IntegrationPlugin[] = [emailIntegration];
