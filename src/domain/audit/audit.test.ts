// The audit chain on its own: entries made by chainEntry verify, and any edit, removal or
// reordering is found at the entry where it happened.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorKinds, auditActions, auditTargetTypes } from '../../contract/vocabulary.ts';
import { parseKeyList } from '../../config/keys.ts';
import {
  chainEntry,
  createAuditSeal,
  GENESIS_HASH,
  sealOf,
  verifyChain,
  type AuditInput,
  type ChainedEntry,
} from './audit.ts';

const seal = createAuditSeal(parseKeyList(`k1:${Buffer.alloc(32, 3).toString('base64')}`));
const otherSeal = createAuditSeal(parseKeyList(`k1:${Buffer.alloc(32, 4).toString('base64')}`));
/** What someone with the key would write for an entry. */
const hashEntry = (e: Omit<ChainedEntry, 'hash'>) => sealOf(seal, e.keyId ?? 'k1', e)!;

const input: fc.Arbitrary<AuditInput> = fc.record({
  communityId: fc.option(fc.uuid(), { nil: null }),
  actorKind: fc.constantFrom(...actorKinds),
  actorId: fc.option(fc.uuid(), { nil: null }),
  action: fc.constantFrom(...auditActions),
  targetType: fc.constantFrom(...auditTargetTypes),
  targetId: fc.option(fc.uuid(), { nil: null }),
});
const at = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

/** A chain as recordAudit builds it: each entry made from the one before. */
function buildChain(items: readonly { input: AuditInput; at: string }[]): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  for (const item of items) out.push(chainEntry(out.at(-1), item.input, item.at, seal));
  return out;
}
const chain = (minLength = 1) =>
  fc.array(fc.record({ input, at }), { minLength, maxLength: 12 }).map(buildChain);

async function* inOrder(entries: readonly ChainedEntry[]) {
  for (const e of entries) yield e;
}
const verify = (entries: readonly ChainedEntry[]) => verifyChain(inOrder(entries), seal);

/** A different value of the same kind (null becomes text), so the edit is never a no-op. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string')
    return value === '' ? 'x' : `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}`;
  return 'edited';
}

describe('the audit chain', () => {
  it('starts from the genesis hash and numbers entries from 1', () => {
    const [first, second] = buildChain([
      {
        input: {
          communityId: null,
          actorKind: 'cli',
          actorId: null,
          action: 'community.create',
          targetType: 'community',
          targetId: 'c1',
        },
        at: '2026-12-01T10:00:00.000Z',
      },
      {
        input: {
          communityId: 'c1',
          actorKind: 'cli',
          actorId: null,
          action: 'community.update',
          targetType: 'community',
          targetId: 'c1',
        },
        at: '2026-12-01T10:00:01.000Z',
      },
    ]);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    const { hash, ...rest } = first!;
    expect(hashEntry(rest)).toBe(hash);
  });

  it('verifies every chain built entry by entry', async () => {
    await fc.assert(
      fc.asyncProperty(chain(0), async (entries) => {
        expect(await verify(entries)).toEqual({
          ok: true,
          checked: entries.length,
          firstBroken: null,
          head: {
            count: entries.length,
            lastSeq: entries.at(-1)?.seq ?? 0,
            lastMac: entries.at(-1)?.hash ?? GENESIS_HASH,
          },
          checkpoint: null,
        });
      }),
    );
  });

  it('finds any edit to any field of any entry, at that entry', async () => {
    await fc.assert(
      fc.asyncProperty(chain(), fc.nat(), fc.nat(), async (entries, whichEntry, whichField) => {
        const index = whichEntry % entries.length;
        const fields = Object.keys(entries[index]!) as (keyof ChainedEntry)[];
        const field = fields[whichField % fields.length]!;
        const edited = entries.map((e) => ({ ...e }));
        (edited[index] as Record<string, unknown>)[field] = changed(entries[index]![field]);
        const report = await verify(edited);
        expect(report.ok).toBe(false);
        // Everything before the edit still holds; the edited entry is the one named.
        expect(report.checked).toBe(index + 1);
        expect(report.firstBroken?.seq).toBe(edited[index]!.seq);
      }),
    );
  });

  it('finds a removed entry anywhere but at the end', async () => {
    await fc.assert(
      fc.asyncProperty(chain(2), fc.nat(), async (entries, which) => {
        const index = which % (entries.length - 1);
        const report = await verify(entries.filter((_, i) => i !== index));
        expect(report.ok).toBe(false);
        expect(report.firstBroken?.problem).toBe(
          `entry ${index + 1} is missing (the next one found is ${index + 2})`,
        );
      }),
    );
  });

  it('finds two entries swapped', async () => {
    await fc.assert(
      fc.asyncProperty(chain(2), fc.nat(), async (entries, which) => {
        const index = which % (entries.length - 1);
        const swapped = [...entries];
        [swapped[index], swapped[index + 1]] = [swapped[index + 1]!, swapped[index]!];
        const report = await verify(swapped);
        expect(report.ok).toBe(false);
        expect(report.firstBroken?.seq).toBe(index + 2);
      }),
    );
  });

  it('finds an entry rebuilt with a fresh hash, because the next entry still points at the old one', async () => {
    await fc.assert(
      fc.asyncProperty(chain(2), fc.nat(), async (entries, which) => {
        const index = which % (entries.length - 1);
        const rebuilt = entries.map((e) => ({ ...e }));
        const { hash: _old, ...rest } = {
          ...rebuilt[index]!,
          action: auditActions.find((a) => a !== rebuilt[index]!.action)!,
        };
        rebuilt[index] = { ...rest, hash: hashEntry(rest) };
        const report = await verify(rebuilt);
        expect(report).toMatchObject({
          ok: false,
          checked: index + 2,
          firstBroken: { seq: index + 2, problem: 'it does not point at the entry before it' },
        });
      }),
    );
  });

  it('refuses a whole chain sealed with a key this installation does not hold', async () => {
    await fc.assert(
      fc.asyncProperty(chain(), async (entries) => {
        const report = await verifyChain(inOrder(entries), otherSeal);
        expect(report.ok).toBe(false);
        expect(report.firstBroken?.seq).toBe(1);
      }),
    );
  });
});
