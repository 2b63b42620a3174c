/**
 * The draft coach reads a call-in draft and points at what tends to make people defensive
 * (product flow, step 4), says what the draft already does well, and runs the language
 * checks on the draft itself.
 */
import { findPatterns, languageOf, wholeText } from './coach.ts';
import type { CoachFinding, CoachResult, Pattern } from './coach.ts';
import type { CheckerConfig } from './types.ts';

export interface DraftCoachOptions {
  /** Names (or handles) of the person who was harmed. */
  harmedNames?: string[];
  /** The harmed person agreed to be named. */
  mayNameHarmed?: boolean;
  config?: CheckerConfig;
}

const LABEL_WORDS =
  'racist|sexist|homophobic|transphobic|ableist|bigot(?:ed)?|misogynist(?:ic)?|toxic|rude|mean|cruel|nasty|hateful|awful|terrible|horrible|disgusting|selfish|arrogant|ignorant|entitled|creep(?:y)?|jerk|bully|troll|problem|liar|hypocrite|bad person|terrible person|horrible person|awful person';

/** Praise that sarcasm turns around: "you think you're so smart", "aren't you clever". */
const PRAISE =
  'smart|clever|funny|special|brilliant|great|cool|important|witty|hilarious|genius|perfect|wise|talented|superior|better\\s+than\\s+(?:everyone|us|the\\s+rest)';
/** Mock titles of address: "nice job, genius", "thanks, Einstein". */
const MOCK_NAMES =
  'genius|einstein|sherlock|smarty\\s?pants|smart\\s+alec?k|hotshot|champ|big\\s+shot';

const PATTERNS: Pattern[] = [
  {
    id: 'draft.label',
    re: new RegExp(
      `\\byou(?:'re|’re| are|r)\\s+(?:(?:such|so|being|a|an|the|really|just|clearly|obviously|kind of|quite)\\s+)*(?:${LABEL_WORDS})\\b`,
      'i',
    ),
    why: 'Labelling the person ("you are …") invites them to defend who they are instead of looking at what they did.',
    suggestion: 'Name the behaviour instead: "When you wrote …, it came across as …".',
  },
  {
    id: 'draft.absolutes',
    re: /\b(?:you\s+(?:always|never|constantly|keep|continually)|every\s+single\s+time|all\s+the\s+time|everyone\s+(?:thinks|knows|agrees|says)|nobody\s+(?:likes|wants|thinks))\b/i,
    why: 'Absolutes ("you always", "you never") are easy to disprove and turn one moment into a verdict on the person.',
    suggestion: 'Point to the specific moment: "In yesterday\'s thread, you …".',
  },
  {
    // Mock praise and sarcastic asides, as a class: praise turned against the person
    // ("nice job, genius", "well aren't you clever", "you think you're so smart") and
    // weary irony ("oh great, another …", "thanks for nothing", "what a surprise").
    id: 'draft.sarcasm',
    re: new RegExp(
      [
        `\\byou\\s+(?:must\\s+|really\\s+|probably\\s+)?(?:think|thought|believe)\\s+you(?:'re|’re|\\s+are|\\s+were)\\s+(?:so\\s+|really\\s+|very\\s+|such\\s+an?\\s+|the\\s+)?(?:${PRAISE})\\b`,
        `\\b(?:(?:well|oh|gee|wow),?\\s+)?aren(?:'|’)?t\\s+you\\s+(?:just\\s+)?(?:so\\s+|a\\s+little\\s+|an?\\s+|the\\s+)?(?:${PRAISE}|precious|something|cute)\\b`,
        `\\b(?:nice|great|good|brilliant|fantastic|amazing|excellent|smooth|real\\s+smooth)\\s+(?:job|work|one|move|going)\\s*[,!.]*\\s*(?:${MOCK_NAMES})\\b`,
        `\\b(?:oh|wow|gee)\\s*,?\\s+(?:great|wonderful|perfect|lovely|fantastic|brilliant|joy|goody|good)\\s*[,!.]*\\s+(?:another|more|just\\s+what|exactly\\s+what)\\b`,
        `\\b(?:thanks|thank\\s+you)\\s+for\\s+nothing\\b`,
        `\\b(?:what\\s+a|such\\s+a)\\s+(?:surprise|shock)\\b`,
        `\\bhow\\s+(?:very\\s+)?(?:original|surprising|shocking|clever\\s+of\\s+you|thoughtful\\s+of\\s+you)\\b`,
        `\\b(?:must\\s+be\\s+nice)\\b`,
        `\\b(?:clearly|obviously)\\s+you\\s+know\\s+(?:best|better|everything)\\b`,
        `\\b(?:that(?:'|’)s|that\\s+was|that\\s+is)\\s+(?:real|very|so|really)\\s+(?:mature|smart|clever|helpful|nice)\\s+of\\s+you\\b`,
        `\\b(?:sure|yeah|right),?\\s+because\\b`,
        `\\bwho\\s+(?:knew|would\\s+have\\s+(?:thought|guessed))\\b`,
        `\\b(?:${MOCK_NAMES})\\b(?=\\s*[.!?]|\\s*$)`,
      ].join('|'),
      'iu',
    ),
    why: 'Mock praise and sarcasm ("nice job, genius", "aren\'t you clever") read as contempt in writing; the person hears the scorn, not the point.',
    suggestion: 'Drop the irony and say plainly what you noticed and how it landed.',
  },
  {
    id: 'draft.sarcasm',
    // Only words that are sarcastic on their own. Praise that is usually sincere ("nice job on
    // the release", "well done", "congratulations") counts only when turned on the person, as
    // in the pattern above ("nice job, genius").
    re: /(?:\b(?:oh\s+great|real\s+mature|very\s+mature|yeah\s+right|oh\s+sure)\b(?=[^.?\n]*(?:[!.]{1}|$))|\/s\b|\bso\s+"[^"]+"|🙄)/i,
    why: 'Sarcasm reads as contempt in writing and makes it hard for the person to hear the real point.',
    suggestion: 'Say plainly what you noticed and how it landed.',
  },
  {
    id: 'draft.public-apology',
    re: /\b(?:public(?:ly)?\s+apolog(?:y|i[sz]e)|apolog(?:y|i[sz]e)\s+(?:publicly|in\s+public|to\s+everyone|in\s+(?:the\s+)?(?:channel|thread|chat|forum)|on\s+(?:the\s+)?(?:channel|list|forum))|say\s+sorry\s+(?:to\s+everyone|in\s+front\s+of|publicly))\b/i,
    why: 'Demanding a public apology turns a private call-in into a call-out and makes a sincere apology less likely.',
    suggestion: 'Leave the next step to them: "Is there anything you would like to do about it?".',
  },
  {
    id: 'draft.threat',
    re: /\b(?:or\s+else|(?:you\s+(?:will|'ll|could|might)\s+(?:be|get)\s+)(?:banned|kicked|removed|suspended|blocked|reported)|ban\s+you|kick\s+you|remove\s+you|report\s+you|last\s+warning|final\s+warning|there\s+will\s+be\s+consequences|face\s+consequences|(?:get|be)\s+banned)\b/i,
    why: 'A call-in is an invitation; mixing in threats of punishment makes it a warning and shuts the conversation down.',
    suggestion:
      'Keep the call-in about learning. If enforcement is needed, organizers handle it separately.',
  },
];

const HARMED_HINT =
  /\b(?!(?:You|We)\b)[A-Z][a-z]+\s+(?:told\s+me|was\s+(?:hurt|upset|offended|uncomfortable)|felt\s+(?:hurt|upset|excluded)|complained|reported\s+(?:this|you|it))\b/;

/**
 * Saying where the concern came from: "Rita told me", "someone reported", "I heard from",
 * "a member said". It sends the member looking for who it was, and may point at them.
 */
const ATTRIBUTION: Pattern = {
  id: 'draft.attribution',
  re: new RegExp(
    [
      // "<someone> told me / us": a name or any word but "you", "I" and "we"
      "(?<![\\p{L}'’])(?!(?:you|i|we|they)\\s)\\p{L}+\\s+(?:has\\s+|had\\s+)?told\\s+(?:me|us)\\b",
      // "someone reported", "a member said", "a few people mentioned", "people complained"
      '\\b(?:someone|somebody|a\\s+(?:community\\s+)?(?:member|person|friend|colleague|contributor|participant|moderator|user)|(?:a\\s+few|some|several|other|many|two|three)\\s+(?:people|members|folks|contributors|participants|users|of\\s+them)|people|others)\\s+(?:have\\s+|has\\s+|had\\s+)?(?:told|reported|said|mentioned|complained|flagged|raised|shared|came\\s+to)\\b',
      // "I heard from", "I was told", "it was reported", "according to", "reported by"
      "\\bI\\s+(?:have\\s+|'ve\\s+)?(?:heard|learned|learnt)\\s+(?:from|through|via)\\b",
      "\\bI\\s+(?:was|have\\s+been|'ve\\s+been)\\s+told\\b",
      '\\b(?:it|this)\\s+(?:was|has\\s+been|got)\\s+reported\\b',
      '\\b(?:we|I)\\s+(?:got|received|had)\\s+(?:a\\s+|some\\s+)?(?:report|complaint)s?\\b',
      '\\b(?:according\\s+to|reported\\s+by)\\b',
    ].join('|'),
    'iu',
  ),
  why: 'Saying who told you, or that someone reported it, turns the conversation towards who it was, and can point at a person who has not agreed to be known.',
  suggestion:
    'Speak from what you noticed yourself: "I saw your comment in the thread …" or "When you wrote …".',
};

const IMPACT =
  /\b(?:impact|hurt|harm|affect(?:ed|s)?|felt|feel(?:s)?|made\s+(?:\w+\s+){0,3}feel|excluded|unwelcome|upset|land(?:ed|s)?|effect|uncomfortable|alienat|pushed\s+away|discourag)/i;
const QUESTION =
  /\?|\b(?:would\s+you\s+be\s+open|could\s+we\s+talk|i(?:'d|\s+would)\s+love\s+to\s+hear|let\s+me\s+know\s+what\s+you\s+think)\b/i;
const I_STATEMENT = /\bI\s+(?:noticed|felt|feel|wanted|want|saw|think|was|am|hope|care|value)\b/;
const BEHAVIOUR =
  /\b(?:when\s+you\s+(?:said|wrote|posted|used|called|made)|your\s+(?:comment|message|post|reply|joke|word)|the\s+(?:word|phrase|term|comment|joke))\b/i;
const GOOD_FAITH =
  /\b(?:I\s+know\s+you|I\s+(?:don't|do\s+not)\s+think\s+you\s+meant|I'm\s+sure\s+you\s+(?:didn't|did\s+not)|you\s+probably\s+didn't|I\s+value|I\s+appreciate|thank(?:s|\s+you)|assume\s+good\s+intent|I\s+trust)\b/i;

/** Coach a call-in draft. */
export function coachDraft(draft: string, options: DraftCoachOptions = {}): CoachResult {
  const findings: CoachFinding[] = findPatterns(draft, PATTERNS);
  if (options.mayNameHarmed !== true) {
    const names = (options.harmedNames ?? []).filter((n) => n.trim().length > 1);
    const lower = draft.toLowerCase();
    let named = false;
    for (const name of names) {
      const at = lower.indexOf(name.toLowerCase());
      if (at >= 0) {
        named = true;
        findings.push({
          id: 'draft.names-harmed',
          start: at,
          end: at + name.length,
          text: draft.slice(at, at + name.length),
          why: 'This names the person who was harmed, and they have not agreed to be named.',
          suggestion: 'Describe what happened without saying who raised it or who was hurt.',
        });
      }
    }
    const hint = named ? null : HARMED_HINT.exec(draft);
    if (hint !== null) {
      findings.push({
        id: 'draft.names-harmed',
        start: hint.index,
        end: hint.index + hint[0].length,
        text: hint[0],
        why: 'This may name the person who raised the concern or was hurt; do so only with their consent.',
        suggestion: 'Describe what happened without saying who raised it or who was hurt.',
      });
    }
  }
  // Where the draft says where it came from, unless that very phrase was already flagged above.
  for (const f of findPatterns(draft, [ATTRIBUTION]))
    if (!findings.some((g) => g.start < f.end && f.start < g.end)) findings.push(f);
  const hasImpact = IMPACT.test(draft);
  const hasQuestion = QUESTION.test(draft);
  if (!hasImpact) {
    findings.push(
      wholeText(
        'draft.no-impact',
        'The draft does not say how the words or behaviour affected people, which is what helps someone understand why it matters.',
        'Add a sentence about the impact: "Words like that can make people feel they do not belong here."',
      ),
    );
  }
  if (!hasQuestion) {
    findings.push(
      wholeText(
        'draft.no-question',
        'There is no question inviting them to respond, so it may read as a verdict rather than a conversation.',
        'End with an open question: "How do you see it?" or "Would you be open to talking about it?".',
      ),
    );
  }
  const strengths: string[] = [];
  if (hasImpact) strengths.push('It describes the impact, which helps them see why it matters.');
  if (hasQuestion) strengths.push('It invites them to respond, which keeps it a conversation.');
  if (I_STATEMENT.test(draft))
    strengths.push('It speaks from your own view ("I noticed …"), which is easier to hear.');
  if (BEHAVIOUR.test(draft))
    strengths.push('It focuses on what was said or done rather than on who they are.');
  if (GOOD_FAITH.test(draft))
    strengths.push('It shows good faith towards them, which lowers defensiveness.');
  if (strengths.length === 0)
    strengths.push(
      'You are taking the time to call someone in privately, which is a kindness in itself.',
    );
  // Findings about words first, in text order; findings about the whole draft last.
  findings.sort((a, b) => Number(a.end === 0) - Number(b.end === 0) || a.start - b.start);
  return { findings, strengths, language: languageOf(draft, options.config) };
}
