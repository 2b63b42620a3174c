import {
  CommunityParams,
  MarkNoticesReadBody,
  NoticeList,
  NoticeQuery,
  NoticeSettings,
  UnreadNotices,
} from '../../contract/index.ts';
import { isoNow } from '../../domain/common/clock.ts';
import {
  listNotices,
  markNoticesRead,
  readNoticeSettings,
  saveNoticeSettings,
  unreadNotices,
} from '../../domain/notifications/notices.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const tags = ['notifications'];

export const noticeRoutes: RouteRegistrar = (app, ctx) => {
  const { repos } = ctx.store;
  const tx = ctx.store.transaction.bind(ctx.store);

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with how many are unread',
        security: signedIn,
        querystring: NoticeQuery,
        response: { 200: NoticeList },
      },
    },
    async (request) => listNotices(repos, ctx.cipher, request.actor, request.query),
  );

  app.get(
    '/me/notifications/unread',
    {
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        security: signedIn,
        response: { 200: UnreadNotices },
      },
    },
    async (request) => unreadNotices(repos, request.actor),
  );

  app.post(
    '/me/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark some of your notifications, or all of them, as read',
        security: signedIn,
        body: MarkNoticesReadBody,
        response: { 200: UnreadNotices },
      },
    },
    async (request) =>
      tx((r) => markNoticesRead(r, request.actor, request.body, isoNow(ctx.clock))),
  );

  app.get(
    '/communities/:communityId/notification-settings',
    {
      schema: {
        tags,
        summary: 'How you hear about new concerns here by email (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: { 200: NoticeSettings },
      },
    },
    async (request) => readNoticeSettings(repos, request.actor, request.params.communityId),
  );

  app.put(
    '/communities/:communityId/notification-settings',
    {
      schema: {
        tags,
        summary: 'Choose how you hear about new concerns here by email (organizer)',
        security: signedIn,
        params: CommunityParams,
        body: NoticeSettings,
        response: { 200: NoticeSettings },
      },
    },
    async (request) =>
      tx((r) =>
        saveNoticeSettings(
          r,
          request.actor,
          request.params.communityId,
          request.body,
          isoNow(ctx.clock),
        ),
      ),
  );
};
