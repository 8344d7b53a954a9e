import type { VersionProfile } from '../versions/profile';

/**
 * What a piece of the create path read of its minor's profile, so that range mode can hand its
 * result to every other minor that reads the same there (range/index.ts).
 *
 * Rules are pure functions of their node and their profile (STYLE §2): given the same document,
 * a run that reads the same value at every profile key it reads cannot tell two minors apart, so
 * its result is the other minor's too. Every read is logged, through getters on a per-minor view
 * of the profile; a read is a number (one per gate, switch and option, the version, the schema),
 * and two minors agree on it when their profiles hold the same value there.
 */

/** The reads of one run: read numbers, in order, repeats kept. */
export type Reads = readonly number[];

const NO_READS: Reads = Object.freeze([]);

const TABLES = ['gates', 'switches', 'options'] as const;

/** The profiles of a range, their logged views, and the one log all the views write to. */
export class ProfileReads {
  /** Each minor's profile, every read logged. */
  readonly views: readonly VersionProfile[];
  /** The log: runs never interleave, so a mark and a slice delimit one run's reads. */
  private readonly entries: number[] = [];
  /** Per read number, each minor's value there. */
  private readonly values: unknown[][] = [];
  /** Reads on which no two minors agree: for a result whose reads are not known. */
  readonly unknown: Reads;

  constructor(profiles: readonly VersionProfile[]) {
    const log = this.entries;
    const read = (valueIn: (p: VersionProfile, m: number) => unknown): number => {
      this.values.push(profiles.map(valueIn));
      return this.values.length - 1;
    };
    const version = read((p) => {
      return p.version; // read as a value, compared with nothing here
    });
    const schema = read((p) => p.schema);
    this.unknown = [read((_, m) => m)];
    // The tables have the same keys in every minor (one row per gate, switch, option).
    const ids = TABLES.map((t) =>
      Object.keys(profiles[0]?.[t] ?? {}).map((k) => [k, read((p) => (p[t] as Record<string, unknown>)[k])] as const),
    );
    this.views = profiles.map((p) => {
      const [gates, switches, options] = TABLES.map((t, n) => {
        const view = {};
        for (const [k, id] of ids[n]) {
          const value = (p[t] as Record<string, unknown>)[k];
          Object.defineProperty(view, k, {
            enumerable: true,
            get() {
              log.push(id);
              return value;
            },
          });
        }
        return Object.freeze(view);
      });
      return Object.freeze({
        get version() {
          log.push(version);
          return p.version;
        },
        get schema() {
          log.push(schema);
          return p.schema;
        },
        gates,
        switches,
        options,
      }) as VersionProfile;
    });
  }

  /** Forgets every read (between documents). */
  clear(): void {
    this.entries.length = 0;
  }

  mark(): number {
    return this.entries.length;
  }

  /** True when nothing was read since `mark`. */
  none(mark: number): boolean {
    return this.entries.length === mark;
  }

  /** The reads since `mark`, which stay in the log (an enclosing run read them too). */
  since(mark: number): Reads {
    return this.entries.length === mark ? NO_READS : this.entries.slice(mark);
  }

  /** Logs reads again (a memoized value computed by an earlier run: its reader depends on them too). */
  replay(reads: Reads): void {
    for (let i = 0; i < reads.length; i++) this.entries.push(reads[i]);
  }

  /** True when minors `a` and `b` hold the same value at every read of `reads` (the schema by identity). */
  agree(reads: Reads, a: number, b: number): boolean {
    for (let i = 0; i < reads.length; i++) {
      const row = this.values[reads[i]];
      if (row[a] !== row[b]) return false;
    }
    return true;
  }

  /** A fresh scratch space for one minor's rule runs (RuleContext.memo). */
  memo(): TrackedMemo {
    return new TrackedMemo(this);
  }
}

/**
 * The scratch space of one minor's rule runs (RuleContext.memo): a value computed by one rule and
 * read by a later one carries the reads of its computation, which the later rule's run then logs
 * as its own. Without this, the later rule would look independent of the profile and be shared
 * with a minor whose memoized value differs.
 */
export class TrackedMemo extends Map<object, unknown> {
  private readonly reads = new Map<object, Reads | undefined>();
  private readonly started = new Map<object, number>();

  constructor(private readonly log: ProfileReads) {
    super();
  }

  override has(key: object): boolean {
    const found = super.has(key);
    // memoized(): a miss is followed by the computation and then set(); its reads start here.
    if (!found) this.started.set(key, this.log.mark());
    return found;
  }

  override get(key: object): unknown {
    const reads = this.reads.get(key);
    // A value set without memoized()'s lookup first: its reads are unknown, so it counts as
    // reading the version, which no two minors share.
    if (reads === undefined && super.has(key)) this.log.replay(this.log.unknown);
    else if (reads) this.log.replay(reads);
    return super.get(key);
  }

  override set(key: object, value: unknown): this {
    const start = this.started.get(key);
    this.reads.set(key, start === undefined ? undefined : this.log.since(start));
    this.started.delete(key);
    return super.set(key, value);
  }
}
