import { say } from "../i18n/messages";

/**
 * The user-supplied validation_rules.pattern: generated forms will run it on every keystroke, and the editor
 * compiles it live, so it is bounded and refused when it repeats a group that itself repeats ((a+)+, (\w*)*),
 * the shape behind catastrophic backtracking.
 */
export const MAX_PATTERN_LENGTH = 1000;

/** Why the pattern cannot be used, as a sentence, or null. Linear in the pattern's length. */
export function regexProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return say("server.patternTooLong", { max: MAX_PATTERN_LENGTH });
  try {
    new RegExp(pattern);
  } catch (error) {
    return say("server.patternNoCompile", { detail: (error as Error).message });
  }
  if (repeatsARepetition(pattern)) {
    return say("server.patternExponential");
  }
  return null;
}

/** Length of the quantifier at i (0 when none) and whether it allows more than one repetition. */
function quantifierAt(p: string, i: number): { length: number; repeats: boolean } {
  const c = p[i];
  let length = 0;
  let repeats = false;
  if (c === "*" || c === "+") [length, repeats] = [1, true];
  else if (c === "?") [length, repeats] = [1, false];
  else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
    if (!m) return { length: 0, repeats: false };
    length = m[0].length;
    repeats = m[2] !== undefined && (m[3] === "" || Number(m[3]) > 1); // {n} exactly is no choice
  }
  if (length > 0 && p[i + length] === "?") length++; // lazy
  return { length, repeats };
}

/** The group prefix after "(": "?:", "?=", "?!", "?<=", "?<!", "?<name>"; its length. */
function groupPrefix(p: string, i: number): number {
  if (p[i] !== "?") return 0;
  if (p[i + 1] === "<" && p[i + 2] !== "=" && p[i + 2] !== "!") {
    const end = p.indexOf(">", i);
    return end < 0 ? 1 : end - i + 1;
  }
  return p[i + 1] === "<" ? 3 : 2;
}

interface Frame {
  /** Something inside repeats. */
  rep: boolean;
  /** Something inside must match exactly once (a delimiter between repetitions). */
  mand: boolean;
}
type Atom = { group: false; zeroWidth: boolean } | ({ group: true } & Frame);

/**
 * True when a repeated group holds a repetition and nothing it must match once, e.g. (a+)+, (\w+\s?)*,
 * (\d*)*: the shapes whose ways of splitting the input multiply. (-[a-z]+)* is fine: each round needs a "-".
 * A heuristic (alternations such as (a|aa)+ pass), linear and without recursion.
 */
function repeatsARepetition(p: string): boolean {
  const frames: Frame[] = [{ rep: false, mand: false }];
  let pending: Atom | null = null;
  const settle = (quantifier: { repeats: boolean } | null): boolean => {
    const frame = frames[frames.length - 1];
    const atom = pending;
    pending = null;
    if (!atom) return false;
    if (quantifier) {
      if (quantifier.repeats && atom.group && atom.rep && !atom.mand) return true;
      frame.rep ||= quantifier.repeats || (atom.group && atom.rep);
    } else if (atom.group) {
      frame.rep ||= atom.rep;
      frame.mand ||= atom.mand;
    } else if (!atom.zeroWidth) frame.mand = true;
    return false;
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    const q = quantifierAt(p, i);
    if (q.length > 0) {
      if (settle(q)) return true;
      i += q.length - 1;
      continue;
    }
    if (settle(null)) return true;
    if (c === "\\") {
      pending = { group: false, zeroWidth: p[i + 1] === "b" || p[i + 1] === "B" };
      i++;
    } else if (c === "[") {
      for (i++; i < p.length && p[i] !== "]"; i++) if (p[i] === "\\") i++;
      pending = { group: false, zeroWidth: false };
    } else if (c === "(") {
      frames.push({ rep: false, mand: false });
      i += groupPrefix(p, i + 1);
    } else if (c === ")") {
      const inner = frames.length > 1 ? frames.pop()! : { rep: false, mand: false };
      pending = { group: true, ...inner };
    } else {
      pending = { group: false, zeroWidth: c === "^" || c === "$" || c === "|" };
    }
  }
  return settle(null);
}
