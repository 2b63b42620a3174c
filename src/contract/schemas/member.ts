// Being called in (flow step 6): what the member sees, from the private link or their account.
// Nothing here names the reporter or the harmed person (rule 3).
import { Type, type Static } from '@sinclair/typebox';
import { callInStatuses, memberResponses, memberStates, messageKinds } from '../vocabulary.ts';
import { GuideStep } from './call-ins.ts';
import { Enum, IsoTime, Nullable, Uuid } from './primitives.ts';

/** Who wrote a message, as the member reads the thread. */
export const memberViewSenders = ['caller', 'you'] as const;

export const MemberView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  community: Type.String(),
  caller: Type.String({ description: "The caller's display name" }),
  status: Enum(callInStatuses),
  statusText: Type.String(),
  canRespond: Type.Boolean(),
  yourState: Nullable(Enum(memberStates)),
  guide: Type.Array(GuideStep),
  responses: Type.Array(Enum(memberResponses)),
  messages: Type.Array(
    Type.Object({
      id: Uuid,
      from: Enum(memberViewSenders),
      kind: Enum(messageKinds),
      text: Type.String(),
      createdAt: IsoTime,
    }),
  ),
});
export type MemberView = Static<typeof MemberView>;

export const RespondBody = Type.Object(
  {
    kind: Enum(
      memberResponses,
      'reply; need-time: "I need time to reflect"; will-change: "I understand and will change"; ask-organizer: "I’d like to talk to an organizer".',
    ),
    text: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
export const Responded = Type.Object({
  id: Uuid,
  kind: Enum(memberResponses),
  createdAt: IsoTime,
});
export type Responded = Static<typeof Responded>;

/** The member's browser claimed the private link (or already held it). */
export const LinkClaimed = Type.Object({
  claimedHere: Type.Boolean({
    description: 'True when this browser holds the link now; answers through it need this browser.',
  }),
});
export type LinkClaimed = Static<typeof LinkClaimed>;

export const MyCallInParams = Type.Object({ callInId: Uuid });

/** A conversation addressed to you. */
export const MyCallInItem = Type.Object({
  id: Uuid,
  community: Type.String(),
  status: Enum(callInStatuses),
  statusText: Type.String(),
  updatedAt: IsoTime,
});
export type MyCallInItem = Static<typeof MyCallInItem>;
export const MyCallInList = Type.Object({ items: Type.Array(MyCallInItem) });
