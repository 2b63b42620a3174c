import { CallInCan } from '../can.ts';
// Call-ins (flow steps 4-7) as their caller and the organizers see them: the full picture, the
// draft and its coach, the channel, the thread, the outcome, closing and reopening.
import { Type, type Static } from '@sinclair/typebox';
import {
  callInStatuses,
  caseStages,
  callInViewers,
  channels,
  concernCategories,
  consentModes,
  consentStatuses,
  memberDeliveries,
  memberStates,
  messageAuthors,
  messageKinds,
  offerStatuses,
  outcomes,
  relationships,
} from '../vocabulary.ts';
import { ConsentConditions } from './consent.ts';
import { Enum, PlainName, IsoTime, Nullable, NullableString, Text, Uuid } from './primitives.ts';

export const GuideStep = Type.Object({ title: Type.String(), text: Type.String() });
export type GuideStep = Static<typeof GuideStep>;

export const CallInMessage = Type.Object({
  id: Uuid,
  author: Enum(messageAuthors),
  kind: Enum(messageKinds),
  text: Type.String(),
  createdAt: IsoTime,
});
export type CallInMessage = Static<typeof CallInMessage>;

/** Who was offered the call-in and what they answered (organizers only). */
export const CallInOfferSeen = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  relationship: Enum(relationships),
  status: Enum(
    offerStatuses,
    'pending, accepted, declined, or withdrawn once someone else holds it',
  ),
  createdAt: IsoTime,
  decidedAt: NullableString,
});
export type CallInOfferSeen = Static<typeof CallInOfferSeen>;

/**
 * The one-time handover link, for a member with no account or email: the caller shares it; the
 * first browser to open it claims it, and only that browser can answer through it. The link is
 * shown only until it is claimed.
 */
export const Handover = Type.Union([
  Type.Object({
    claimed: Type.Boolean(),
    url: Type.Union([Type.String(), Type.Null()], {
      description: 'Share this once with the member; null once their browser claimed it.',
    }),
  }),
  Type.Null(),
]);

/** Where email to the member goes: their account, or an address and whether it is confirmed. */
export const MemberAddress = Type.Union([
  Type.Object({
    fromAccount: Type.Boolean({ description: 'They have an account: its address is used.' }),
    email: NullableString,
    name: NullableString,
    confirmed: Type.Boolean({
      description:
        'False while only the caller proposed it: nothing is sent until an organizer who is not the caller confirms it.',
    }),
  }),
  Type.Null(),
]);

export const MemberAddressBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    name: Type.Optional(PlainName(200, 0)),
  },
  { additionalProperties: false },
);

/** Who and what a call-in is, by name (its caller and organizers only, never the member). */
const Names = Type.Object({
  callerName: NullableString,
  memberName: Type.Union([Type.String(), Type.Null()], {
    description: 'The member: their display name, else the name the concern gives',
  }),
  subject: Type.Union([Type.String(), Type.Null()], {
    description: 'The concern’s one-line subject, if any',
  }),
});

export const CallInDetail = Type.Object({
  /** What the person asking may do next, from the lifecycle and the policy. */
  can: CallInCan,
  id: Uuid,
  concernId: Uuid,
  viewer: Enum(callInViewers),
  status: Enum(callInStatuses),
  stage: Enum(caseStages, 'Where it stands, consent included'),
  stageLabel: Type.String({ description: 'The stage in words, as every page says it' }),
  ...Names.properties,
  callerUserId: Type.Union([Uuid, Type.Null()]),
  channel: Nullable(Enum(channels)),
  language: NullableString,
  consent: Type.Object({
    mode: Enum(consentModes),
    status: Enum(consentStatuses),
    conditions: ConsentConditions,
    at: NullableString,
    proposed: Type.Union(
      [
        Type.Object({
          email: NullableString,
          name: NullableString,
          memberUserId: Type.Union([Uuid, Type.Null()]),
        }),
        Type.Null(),
      ],
      {
        description:
          'An address the caller proposed for the consent question, waiting for an organizer who is not the caller to confirm it.',
      },
    ),
  }),
  concern: Type.Object({
    what: Type.String(),
    quotes: Type.Array(Type.String()),
    impact: Type.String(),
    categories: Type.Array(Enum(concernCategories)),
    urgent: Type.Boolean(),
  }),
  draft: NullableString,
  secondOrganizerNeeded: Type.Boolean({
    description:
      'An organizer who is not the caller must approve, and there is none who may: invite one (said before anyone tries).',
  }),
  handover: Handover,
  delivery: Type.Union([Enum(memberDeliveries), Type.Null()], {
    description:
      'How a message will reach the member now: app (their account: in the app and by email), email (an address an organizer confirmed), handover (a one-time link the caller shares), logged (a conversation held elsewhere); null while nothing can carry it yet.',
  }),
  memberAddress: MemberAddress,
  memberHasAccount: Type.Boolean({
    description:
      'The person called in is linked to an account here: messages reach them in the app.',
  }),
  memberState: Nullable(Enum(memberStates)),
  outcome: Type.Union([
    Type.Object({
      outcome: Enum(outcomes, 'The first of `outcomes`'),
      outcomes: Type.Array(Enum(outcomes)),
      note: Type.String(),
      at: NullableString,
    }),
    Type.Null(),
  ]),
  messages: Type.Array(CallInMessage),
  offers: Type.Array(CallInOfferSeen, { description: 'Organizers only; empty for the caller.' }),
  guide: Type.Array(GuideStep),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type CallInDetail = Static<typeof CallInDetail>;

export const CallInListItem = Type.Object({
  id: Uuid,
  concernId: Uuid,
  status: Enum(callInStatuses),
  stage: Enum(caseStages, 'Where it stands, consent included'),
  stageLabel: Type.String(),
  ...Names.properties,
  followUpAt: Type.Union([IsoTime, Type.Null()], {
    description: 'When the caller’s follow-up is due (an outcome recorded), else null',
  }),
  callerUserId: Type.Union([Uuid, Type.Null()]),
  consentStatus: Enum(consentStatuses),
  channel: Nullable(Enum(channels)),
  outcome: Nullable(Enum(outcomes)),
  outcomes: Type.Array(Enum(outcomes)),
  updatedAt: IsoTime,
});
export type CallInListItem = Static<typeof CallInListItem>;
export const CallInList = Type.Object({ items: Type.Array(CallInListItem) });

export const DraftBody = Type.Object({ text: Text(10_000) }, { additionalProperties: false });

/** One point of the draft coach. Its kind is the coach's finding or language rule id, an open set. */
export const DraftAdvice = Type.Object({
  kind: Type.String({
    pattern: '^(language:)?[a-z0-9][a-z0-9.-]*$',
    description: "The coach's finding id, or `language:` and the language rule's id",
  }),
  message: Type.String(),
  excerpt: Type.Optional(Type.String()),
});
export type DraftAdvice = Static<typeof DraftAdvice>;

export const DraftSaved = Type.Object({ savedAt: IsoTime, advice: Type.Array(DraftAdvice) });
export type DraftSaved = Static<typeof DraftSaved>;

/** The draft coach on the message being written; nothing is saved. */
export const MessageAdvice = Type.Object({ advice: Type.Array(DraftAdvice) });
export type MessageAdvice = Static<typeof MessageAdvice>;

export const ChannelBody = Type.Object(
  {
    channel: Enum(
      channels,
      'in-app: a private thread the member opens from a link; email; voice or in-person: logged by the caller.',
    ),
    memberEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    memberName: Type.Optional(PlainName(200, 0)),
  },
  { additionalProperties: false },
);
export const ChannelChosen = Type.Object({
  channel: Enum(channels),
  delivery: Type.Union([Enum(memberDeliveries), Type.Null()]),
  awaitingOrganizer: Type.Boolean({
    description: 'The address proposed waits for an organizer who is not the caller.',
  }),
});
export type ChannelChosen = Static<typeof ChannelChosen>;

export const MessageBody = Type.Object({ text: Text(10_000) }, { additionalProperties: false });
export const MessageSent = Type.Object({
  id: Uuid,
  kind: Enum(messageKinds),
  createdAt: IsoTime,
  delivery: Enum(memberDeliveries),
  handover: Handover,
  /** The draft coach on exactly the text that was sent (empty for a note of a spoken talk). */
  advice: Type.Array(DraftAdvice),
});
export type MessageSent = Static<typeof MessageSent>;

const OutcomeList = Type.Array(Enum(outcomes), {
  minItems: 1,
  maxItems: outcomes.length,
  uniqueItems: true,
  description: 'Every outcome that is true, e.g. committed-to-change and apologised',
});
export const OutcomeBody = Type.Object(
  {
    outcomes: Type.Optional(OutcomeList),
    outcome: Type.Optional(Enum(outcomes, 'One outcome (the same as `outcomes` with one)')),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);
export const OutcomeRecorded = Type.Object({
  id: Uuid,
  status: Enum(callInStatuses),
  outcome: Enum(outcomes, 'The first of `outcomes`'),
  outcomes: OutcomeList,
  followUpAt: NullableString,
});
export type OutcomeRecorded = Static<typeof OutcomeRecorded>;

export const StatusResult = Type.Object({ id: Uuid, status: Enum(callInStatuses) });
export type StatusResult = Static<typeof StatusResult>;
