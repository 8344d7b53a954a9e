import type { VersionProfile } from '../versions/profile';

/**
 * What a piece of the create path read of its minor's profile, so that the range mode can hand its
 * result to every other minor that reads the same there (range/index.ts).
 *
 * Rules are pure functions of their node and their profile (STYLE §2): given the same document,
 * a run that reads the same value at every profile key it reads cannot tell two minors apart, so
 * its result is the other minor's too. Every read is logged, through getters on a per-minor view
 * of the profile; the log holds (table, key) pairs and is compared value by value, never by minor.
 */

/** The profile's parts a read can land in; `version` and `schema` are read whole. */
type Table = 'gates' | 'switches' | 'options' | 'version' | 'schema';

/** The reads of one run: table and key, alternating. */
export type Reads = readonly string[];

/** One log for all views of a range: runs never interleave, so a mark and a slice delimit one run's reads. */
export class ReadLog {
  readonly entries: string[] = [];

  mark(): number {
    return this.entries.length;
  }

  /** The reads since `mark`, which stay in the log (an enclosing run read them too). */
  since(mark: number): Reads {
    return this.entries.length === mark ? NO_READS : this.entries.slice(mark);
  }

  /** Logs reads again (a memoized value computed by an earlier run: its reader depends on them too). */
  replay(reads: Reads): void {
    for (let i = 0; i < reads.length; i++) this.entries.push(reads[i]);
  }
}

const NO_READS: Reads = Object.freeze([]);
const UNKNOWN_READS: Reads = Object.freeze(['version', '']);

function trackedTable<T extends object>(table: Table, values: T, log: ReadLog): T {
  const view = {} as T;
  for (const k of Object.keys(values)) {
    Object.defineProperty(view, k, {
      enumerable: true,
      get() {
        log.entries.push(table, k);
        return (values as Record<string, unknown>)[k];
      },
    });
  }
  return Object.freeze(view);
}

/** A profile whose every read of a gate, switch, option, the version or the schema is logged. */
export function trackedProfile(profile: VersionProfile, log: ReadLog): VersionProfile {
  const gates = trackedTable('gates', profile.gates, log);
  const switches = trackedTable('switches', profile.switches, log);
  const options = trackedTable('options', profile.options, log);
  return Object.freeze({
    get version() {
      log.entries.push('version', '');
      return profile.version;
    },
    get schema() {
      log.entries.push('schema', '');
      return profile.schema;
    },
    gates,
    switches,
    options,
  });
}

function valueIn(profile: VersionProfile, table: string, key: string): unknown {
  if (table === 'version') return profile.version;
  if (table === 'schema') return profile.schema;
  return (profile[table as 'gates' | 'switches' | 'options'] as Record<string, unknown>)[key];
}

/** True when `b` holds the same value as `a` at every key of `reads` (identity for the schema). */
export function agreeOn(reads: Reads, a: VersionProfile, b: VersionProfile): boolean {
  for (let i = 0; i < reads.length; i += 2) {
    if (valueIn(a, reads[i], reads[i + 1]) !== valueIn(b, reads[i], reads[i + 1])) return false;
  }
  return true;
}

/**
 * The scratch space of one minor's rule runs (RuleContext.memo): a value computed by one rule and
 * read by a later one carries the reads of its computation, which the later rule's run then logs
 * as its own. Without this, the later rule would look independent of the profile and be shared
 * with a minor whose memoized value differs.
 */
export class TrackedMemo extends Map<object, unknown> {
  private readonly reads = new Map<object, Reads>();
  private readonly started = new Map<object, number>();

  constructor(private readonly log: ReadLog) {
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
    if (reads) this.log.replay(reads);
    return super.get(key);
  }

  override set(key: object, value: unknown): this {
    const start = this.started.get(key);
    // A value set without memoized()'s lookup first: its reads are unknown, so it counts as reading
    // the version, which no two minors share.
    this.reads.set(key, start === undefined ? UNKNOWN_READS : this.log.since(start));
    this.started.delete(key);
    return super.set(key, value);
  }
}
