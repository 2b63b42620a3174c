// The conversation with the reporter (issue 10): organizers ask the reporter a question from the
// concern page; the reporter answers, or adds information, from their private follow link (or,
// signed in, from "My concerns"). The person the concern is about, callers and allies never see
// any of it. And the identity-free address a reporter may leave to hear that something changed.
import { Type, type Static } from '@sinclair/typebox';
import { reporterMessageKinds } from '../vocabulary.ts';
import { Email } from './accounts.ts';
import { Enum, IsoTime, NullableString, Text, Uuid } from './primitives.ts';

/** How long an organizer's question and a reporter's message may be. */
export const REPORTER_QUESTION_MAX = 2_000;
export const REPORTER_MESSAGE_MAX = 5_000;
/** How many messages one concern's conversation holds at most. */
export const REPORTER_THREAD_MAX = 200;

export const AskReporterBody = Type.Object(
  { text: Text(REPORTER_QUESTION_MAX) },
  { additionalProperties: false },
);
export type AskReporterBody = Static<typeof AskReporterBody>;

export const ReporterMessageBody = Type.Object(
  {
    text: Text(REPORTER_MESSAGE_MAX),
    questionId: Type.Optional(
      Type.Union([Uuid, Type.Null()], {
        description: 'The question this answers; absent or null to add information.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReporterMessageBody = Static<typeof ReporterMessageBody>;

export const ReporterMessageSent = Type.Object({
  id: Uuid,
  kind: Enum(reporterMessageKinds),
  createdAt: IsoTime,
});
export type ReporterMessageSent = Static<typeof ReporterMessageSent>;

/** One message as the organizers read it: who wrote it, in order. */
export const ConcernThreadItem = Type.Object({
  id: Uuid,
  kind: Enum(reporterMessageKinds),
  /** 'reporter', or 'organizer' with the organizer's display name. */
  author: Type.Union([Type.Literal('reporter'), Type.Literal('organizer')]),
  authorName: NullableString,
  replyTo: Type.Union([Uuid, Type.Null()]),
  /** For a question: whether the reporter has answered it. */
  answered: Type.Boolean(),
  text: Type.String(),
  createdAt: IsoTime,
});
export type ConcernThreadItem = Static<typeof ConcernThreadItem>;

export const ConcernThread = Type.Object({
  items: Type.Array(ConcernThreadItem),
  can: Type.Object({ ask: Type.Boolean() }),
});
export type ConcernThread = Static<typeof ConcernThread>;

/** One message as the reporter reads it: their own words, or the organizers' (never by name). */
export const ReporterThreadItem = Type.Object({
  id: Uuid,
  kind: Enum(reporterMessageKinds),
  from: Type.Union([Type.Literal('you'), Type.Literal('organizers')]),
  replyTo: Type.Union([Uuid, Type.Null()]),
  answered: Type.Boolean(),
  text: Type.String(),
  createdAt: IsoTime,
});
export type ReporterThreadItem = Static<typeof ReporterThreadItem>;

export const ReporterThread = Type.Object({
  items: Type.Array(ReporterThreadItem),
  /** The organizers' questions still waiting for an answer, oldest first. */
  waiting: Type.Array(Uuid),
  /** Whether an address is kept to say that something changed (follow link only). */
  alert: Type.Boolean(),
  can: Type.Object({ write: Type.Boolean() }),
});
export type ReporterThread = Static<typeof ReporterThread>;

export const FollowAlertBody = Type.Object({ email: Email }, { additionalProperties: false });
export type FollowAlertBody = Static<typeof FollowAlertBody>;

export const FollowAlertState = Type.Object({ alert: Type.Boolean() });
export type FollowAlertState = Static<typeof FollowAlertState>;

export const MyConcernParams = Type.Object({ concernId: Uuid });
