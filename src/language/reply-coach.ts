/**
 * The reply coach helps the person who was called in: it flags non-apologies and
 * deflections (product flow, step 6) and says what the reply already does well.
 */
import { findPatterns, languageOf } from './coach.ts';
import type { CoachResult, Pattern } from './coach.ts';
import type { CheckerConfig } from './types.ts';

const PATTERNS: Pattern[] = [
  {
    id: 'reply.sorry-if',
    re: /\b(?:(?:I'?m|I\s+am)\s+)?(?:sorry|apologi[sz]e)\s+if\s+(?:anyone|anybody|someone|somebody|you|people|it|this|that|my|I)\b[^.!?,;\n]*/i,
    why: '"Sorry if …" makes the harm sound hypothetical and puts it on whoever was hurt.',
    suggestion: 'Name what you did and own it: "I\'m sorry I used that word. It was hurtful."',
  },
  {
    id: 'reply.sorry-you-feel',
    re: /\b(?:sorry|apologi[sz]e)\s+(?:that\s+)?(?:you\s+(?:feel|felt|were|are|got|took\s+it)|(?:some\s+)?people\s+(?:feel|felt|were|are|got|took\s+it)|it\s+(?:was\s+taken|came\s+across))[^.!?,;\n]*/i,
    why: 'Apologising for how others feel, rather than for what you did, shifts the responsibility to them.',
    suggestion: 'Apologise for your own words or actions: "I\'m sorry for what I said."',
  },
  {
    id: 'reply.sorry-but',
    re: /\b(?:I'?m\s+sorry|I\s+am\s+sorry|sorry|I\s+apologi[sz]e)\s*,?\s+but\b/i,
    why: 'A "but" after an apology usually cancels it; the listener hears only what comes after.',
    suggestion: 'Let the apology stand on its own. Context can come later, if it is asked for.',
  },
  {
    id: 'reply.no-offense',
    re: /\bno\s+offen[cs]e\s*,?\s+but\b/i,
    why: '"No offence, but" signals that something hurtful is coming and does not make it land softer.',
    suggestion: 'Leave it out and say the point plainly and kindly, or not at all.',
  },
  {
    id: 'reply.just-a-joke',
    re: /\b(?:(?:it\s+was|it's|that\s+was|I\s+was)\s+(?:just|only)\s+(?:a\s+)?jok(?:e|ing|ke)|only\s+joking|just\s+kidding|can'?t\s+(?:you\s+)?take\s+a\s+joke|lighten\s+up|(?:too|so|overly)\s+sensitive)\b/i,
    why: 'Calling it a joke, or the other person too sensitive, tells them their hurt does not count.',
    suggestion: 'Acknowledge the impact, even if it was meant as a joke: "I see how that landed."',
  },
  {
    id: 'reply.intent-over-impact',
    re: /\b(?:I\s+(?:didn'?t|did\s+not|never)\s+mean(?:t)?\s+(?:it|to|anything)|(?:that\s+)?(?:wasn'?t|was\s+not)\s+my\s+intent(?:ion)?|I\s+had\s+no\s+bad\s+intent(?:ions)?)\b/i,
    why: 'Intent matters, but leading with it can sound like a defence; what helps most is acknowledging the impact.',
    suggestion:
      'Start with the impact, then mention intent briefly if at all: "I didn\'t realise, and I\'m sorry it hurt."',
  },
  {
    id: 'reply.passive',
    re: /\b(?:mistakes\s+were\s+made|things\s+were\s+said|it\s+was\s+(?:said|written|posted)\s+badly)\b/i,
    why: "The passive voice leaves out who did it, so the apology feels like no one's.",
    suggestion: 'Say "I": "I made a mistake when I …".',
  },
  {
    id: 'reply.credentials',
    re: /\b(?:I'?m\s+not\s+(?:a\s+)?(?:racist|sexist|homophobic|transphobic|bigot(?:ed)?)|some\s+of\s+my\s+(?:best\s+)?friends\s+are|I\s+have\s+(?:\w+\s+)?friends\s+who\s+are)\b/i,
    why: 'Defending your character moves the focus from what happened to you.',
    suggestion: 'Stay with the specific words and their effect: "What I wrote was hurtful."',
  },
  {
    id: 'reply.deflect',
    re: /\b(?:what\s+about\s+(?:when\s+)?(?:you|them|him|her)|you\s+(?:also|too)\s+(?:said|did|do)|everyone\s+(?:says|does)\s+(?:it|that)|it'?s\s+(?:just\s+)?a\s+word)\b/i,
    why: 'Pointing elsewhere can feel like avoiding what you were asked to look at.',
    suggestion:
      'If something else needs addressing, ask an organizer separately; here, respond to this concern.',
  },
];

const SPECIFIC_APOLOGY =
  /\b(?:I'?m\s+sorry|I\s+am\s+sorry|I\s+apologi[sz]e)\s+(?:for|that\s+I|I)\b/i;
const ACKNOWLEDGE =
  /\b(?:I\s+(?:understand|see|realise|realize|hear)\b|(?:that|it)\s+(?:was|is)\s+(?:hurtful|wrong|not\s+okay|not\s+ok)|hurt(?:ful)?)\b/i;
const COMMIT =
  /\b(?:I\s+will|I'll|going\s+forward|from\s+now\s+on|in\s+(?:the\s+)?future|I'?m\s+going\s+to|I\s+won'?t)\b/i;
const THANKS =
  /\b(?:thank(?:s|\s+you)\s+for\s+(?:telling|letting|raising|pointing|reaching|explaining|being))\b/i;
const ASK =
  /\b(?:how\s+can\s+I|what\s+(?:can|should)\s+I|is\s+there\s+anything\s+I|could\s+you\s+help\s+me\s+understand)\b/i;

/** Coach a reply from the person who was called in. */
export function coachReply(reply: string, options: { config?: CheckerConfig } = {}): CoachResult {
  const findings = findPatterns(reply, PATTERNS);
  const strengths: string[] = [];
  if (SPECIFIC_APOLOGY.test(reply) && !findings.some((f) => f.id.startsWith('reply.sorry'))) {
    strengths.push('It apologises for something specific, which is what makes an apology land.');
  }
  if (ACKNOWLEDGE.test(reply)) strengths.push('It acknowledges the impact on others.');
  if (COMMIT.test(reply)) strengths.push('It commits to doing something differently.');
  if (THANKS.test(reply))
    strengths.push('It thanks them for raising it, which takes courage to do.');
  if (ASK.test(reply)) strengths.push('It asks how to make things right or understand better.');
  if (strengths.length === 0)
    strengths.push('You are responding, which already keeps the conversation open.');
  return { findings, strengths, language: languageOf(reply, options.config) };
}
