import {
  CallInDetail,
  CallInList,
  CallInParams,
  ChannelBody,
  ChannelChosen,
  CommunityParams,
  DraftBody,
  DraftSaved,
  MemberAddress,
  MemberAddressBody,
  NoBody,
  MessageAdvice,
  MessageBody,
  MessageSent,
  OutcomeBody,
  OutcomeRecorded,
  StatusResult,
} from '../../contract/index.ts';
import {
  adviseMessage,
  chooseChannel,
  listCallIns,
  readCallIn,
  saveDraft,
  sendMessage,
} from '../../domain/conversation/call-ins.ts';
import { confirmMemberAddress } from '../../domain/conversation/member-address.ts';
import { languageDraftCoach } from '../../domain/conversation/language-check.ts';
import { closeCallIn, recordOutcome, reopenCallIn } from '../../domain/outcomes/outcomes.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const tags = ['call-ins'];

export const callInRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = {
    clock: ctx.clock,
    cipher: ctx.cipher,
    publicUrl: ctx.config.publicUrl,
    coach: languageDraftCoach,
  };
  const base = '/communities/:communityId/call-ins/:callInId';

  app.get(
    '/communities/:communityId/call-ins',
    {
      schema: {
        tags,
        summary: 'Call-ins: all of them for organizers, your own for allies',
        security: signedIn,
        params: CommunityParams,
        response: { 200: CallInList },
      },
    },
    async (request) => ({
      items: await listCallIns(repos, ctx.cipher, request.actor, request.params.communityId),
    }),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'One call-in in full, for its caller and the organizers',
        security: signedIn,
        params: CallInParams,
        response: { 200: CallInDetail },
      },
    },
    async (request) =>
      readCallIn(
        repos,
        ctx.cipher,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        ctx.config.publicUrl,
      ),
  );

  app.put(
    `${base}/draft`,
    {
      schema: {
        tags,
        summary: 'Save the draft and get the draft coach’s advice (caller)',
        security: signedIn,
        params: CallInParams,
        body: DraftBody,
        response: { 200: DraftSaved },
      },
    },
    async (request) =>
      saveDraft(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        request.body.text,
      ),
  );

  app.put(
    `${base}/channel`,
    {
      schema: {
        tags,
        summary: 'Choose how the conversation happens (caller)',
        security: signedIn,
        params: CallInParams,
        body: ChannelBody,
        response: { 200: ChannelChosen },
      },
    },
    async (request) =>
      chooseChannel(tx, deps, request.actor, request.params.communityId, request.params.callInId, {
        channel: request.body.channel,
        memberEmail: request.body.memberEmail ?? null,
        memberName: request.body.memberName ?? null,
      }),
  );

  app.put(
    `${base}/member-address`,
    {
      schema: {
        tags,
        summary:
          "Confirm the member's email address the caller proposed, or enter it (an organizer who is not the caller)",
        description:
          'Without a body, confirms the address the caller proposed; with `email`, uses that one. Until then nothing is sent by email to a member without an account.',
        security: signedIn,
        params: CallInParams,
        body: MemberAddressBody,
        response: { 200: MemberAddress },
      },
    },
    async (request) =>
      confirmMemberAddress(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        request.body.email ? { email: request.body.email, name: request.body.name ?? null } : null,
      ),
  );

  app.post(
    `${base}/message-advice`,
    {
      // Reading a text changes nothing, like checking text: no write quota.
      config: { quota: false },
      schema: {
        tags,
        summary:
          'The draft coach on the message being written, before it is sent; nothing is saved (caller)',
        security: signedIn,
        params: CallInParams,
        body: MessageBody,
        response: { 200: MessageAdvice },
      },
    },
    async (request) =>
      adviseMessage(
        repos,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        request.body.text,
      ),
  );

  app.post(
    `${base}/messages`,
    {
      config: { quota: 'messages' },
      schema: {
        tags,
        summary:
          'Send a message to the member, or log a conversation held by voice or in person (caller)',
        security: signedIn,
        params: CallInParams,
        body: MessageBody,
        response: { 201: MessageSent },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendMessage(
            tx,
            deps,
            request.actor,
            request.params.communityId,
            request.params.callInId,
            request.body.text,
          ),
        ),
  );

  app.post(
    `${base}/outcome`,
    {
      schema: {
        tags,
        summary: 'Record the outcome; schedules the follow-up reminder (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: OutcomeBody,
        response: { 200: OutcomeRecorded },
      },
    },
    async (request) =>
      recordOutcome(tx, deps, request.actor, request.params.communityId, request.params.callInId, {
        outcomes: request.body.outcomes ?? (request.body.outcome ? [request.body.outcome] : []),
        note: request.body.note ?? '',
      }),
  );

  app.post(
    `${base}/close`,
    {
      schema: {
        tags,
        summary: 'Close the call-in (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: NoBody,
        response: { 200: StatusResult },
      },
    },
    async (request) =>
      closeCallIn(tx, deps, request.actor, request.params.communityId, request.params.callInId),
  );

  app.post(
    `${base}/reopen`,
    {
      schema: {
        tags,
        summary: 'Reopen the conversation (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: NoBody,
        response: { 200: StatusResult },
      },
    },
    async (request) =>
      reopenCallIn(tx, deps, request.actor, request.params.communityId, request.params.callInId),
  );
};
