import { describe, expect, it } from 'vitest';
import { coachDraft } from './draft-coach.ts';
import { coachReply } from './reply-coach.ts';

const ids = (r: { findings: { id: string }[] }): string[] => r.findings.map((f) => f.id);

describe('draft coach', () => {
  it('flags what makes people defensive, each with why and a direction', () => {
    const draft =
      "You're so rude. You always do this. Apologise publicly in the channel or you'll be banned. Sam told me.";
    const r = coachDraft(draft, { harmedNames: ['Sam'] });
    expect(ids(r)).toEqual([
      'draft.label',
      'draft.absolutes',
      'draft.public-apology',
      'draft.threat',
      'draft.names-harmed',
      'draft.no-impact',
      'draft.no-question',
    ]);
    expect(r.findings[0]).toMatchObject({ start: 0, text: "You're so rude" });
    for (const f of r.findings) {
      expect(f.why.length).toBeGreaterThan(20);
      expect(f.suggestion.length).toBeGreaterThan(10);
    }
    expect(r.strengths.length).toBeGreaterThan(0);
  });

  it('flags sarcasm', () => {
    expect(
      ids(coachDraft('Oh great, another joke about that. How do you see it? It hurt people.')),
    ).toEqual(['draft.sarcasm']);
  });

  it.each([
    "You think you're so smart. It hurt people. How do you see it?",
    'Nice job genius. It hurt people. How do you see it?',
    "Well aren't you clever. It hurt people. How do you see it?",
    'Well aren’t you clever. It hurt people. How do you see it?',
    'Oh great, another thread like that. It hurt people. How do you see it?',
    'Thanks for nothing. It hurt people. How do you see it?',
    "That's real mature of you. It hurt people. How do you see it?",
    'Clearly you know best. It hurt people. How do you see it?',
    'Real mature. It hurt people. How do you see it?',
    'Yeah right, like that helps. It hurt people. How do you see it?',
    'Well done, genius. It hurt people. How do you see it?',
  ])('points out mock praise and sarcasm: %s', (draft) => {
    expect(ids(coachDraft(draft))).toEqual(['draft.sarcasm']);
  });

  it('gives mock praise one finding, not one a word', () => {
    const r = coachDraft('Nice job, genius. It hurt people. How do you see it?');
    expect(r.findings.map((f) => f.text)).toEqual(['Nice job, genius']);
  });

  it('leaves sincere words alone', () => {
    for (const draft of [
      'I think you are smart and kind, and it hurt people. How do you see it?',
      'You are clever with words, which is why it hurt people. How do you see it?',
      'Nice job on the release last week. One comment in the thread hurt people. How do you see it?',
      'Well done on the talk. One joke in it hurt people. How do you see it?',
      'Congratulations on the new role! One remark hurt people. How do you see it?',
      'Good job with the docs, and thank you. One word hurt people. How do you see it?',
      'Thanks a lot for the help last week. One remark hurt people. How do you see it?',
    ])
      expect(ids(coachDraft(draft))).toEqual([]);
  });

  it('does not take words quoted from what was said for the writer’s own', () => {
    const reported = coachDraft(
      'When you wrote "you\'re such a jerk, nice job genius" in the thread, it hurt people. How do you see it?',
    );
    expect(ids(reported)).toEqual([]);
    expect(reported.language).toEqual([]);
    const apology = coachReply(
      "I'm sorry I called your idea 'totally lame'. I will not do it again.",
    );
    expect(apology.language).toEqual([]);
    // Unquoted, the same words are the writer's own.
    const own = coachDraft(
      "You're such a jerk. That idea is lame. It hurt people. How do you see it?",
    );
    expect(ids(own)).toEqual(['draft.label']);
    expect(own.language.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['ableist.lame', 'insult.asshole']),
    );
  });

  it('allows naming the harmed person with consent', () => {
    const r = coachDraft('Sam felt hurt by it. Would you talk with me?', {
      harmedNames: ['Sam'],
      mayNameHarmed: true,
    });
    expect(ids(r)).toEqual([]);
  });

  it('says what a good draft does well and runs the language checks', () => {
    const r = coachDraft(
      "Hi Alex, I noticed that when you said 'guys' in the welcome thread, some newcomers felt left out. I know you meant to be friendly. Would you be open to using 'everyone'?",
    );
    expect(ids(r)).toEqual([]);
    expect(r.strengths).toHaveLength(5);
    expect(r.language).toEqual([]);
    expect(
      coachDraft('hey guys, what do you think? it hurt.').language.map((f) => f.ruleId),
    ).toEqual(['gendered.guys']);
  });
});

describe('draft coach on attributions', () => {
  it.each([
    'Rita told me you said that in the thread.',
    'rita told me about it.',
    'Someone reported your comment.',
    'A member said it upset them.',
    'I heard from a friend that you wrote this.',
    'I was told you posted it twice.',
    'A few people mentioned the joke.',
    'It was reported that you used the word.',
    'According to the moderators, you wrote it.',
  ])('points at where it came from: %s', (draft) => {
    const r = coachDraft(`${draft} It hurt people. How do you see it?`);
    // A capitalised name before "told me" is also the hint that it may name the harmed person.
    expect(ids(r)).toEqual([
      /^[A-Z]/.test(draft) && / told me/.test(draft) ? 'draft.names-harmed' : 'draft.attribution',
    ]);
    expect(r.findings[0]!.text.length).toBeGreaterThan(3);
  });

  it.each([
    'When you said "guys" in the thread, it hurt people. How do you see it?',
    'You told me last week you wanted to learn. It hurt people. How do you see it?',
    'I noticed your comment and it hurt people. Would you be open to talking?',
    'I read the thread myself, and the joke hurt people. How do you see it?',
  ])('says nothing when the draft speaks for itself: %s', (draft) => {
    expect(ids(coachDraft(draft))).toEqual([]);
  });
});

describe('reply coach', () => {
  it.each([
    ['Sorry if anyone was offended.', 'reply.sorry-if'],
    ["I'm sorry you feel that way.", 'reply.sorry-you-feel'],
    ["I'm sorry, but you misread me.", 'reply.sorry-but'],
    ['No offense, but that is silly.', 'reply.no-offense'],
    ['It was just a joke.', 'reply.just-a-joke'],
    ["I didn't mean it like that.", 'reply.intent-over-impact'],
    ['Mistakes were made.', 'reply.passive'],
    ["I'm not racist.", 'reply.credentials'],
  ])('flags %s', (text, id) => {
    expect(ids(coachReply(text))).toEqual([id]);
  });

  it('keeps separate non-apologies apart', () => {
    expect(ids(coachReply("I'm sorry if anyone was offended, but it was just a joke."))).toEqual([
      'reply.sorry-if',
      'reply.just-a-joke',
    ]);
  });

  it('recognises a real apology', () => {
    const r = coachReply(
      "Thank you for telling me. I'm sorry for using that word; it was hurtful. I will use 'everyone' from now on.",
    );
    expect(r.findings).toEqual([]);
    expect(r.strengths).toHaveLength(4);
  });
});
