/**
 * Text from the user's files (ids, names, headers, messages that quote them) made harmless before
 * it is printed: a control character could clear a terminal, recolour it, or start a new line
 * that a CI log reads as a `::error` command; a bidi override could make text read differently
 * than it is. Each is shown as a visible escape (`\x1B`, `\u202E`) instead.
 * Every renderer applies this once, where user text enters it; JSON output needs nothing more
 * (JSON.stringify escapes control characters).
 */

/** The text with control and bidi-control characters written as escapes; unchanged if none. */
export function safeText(text: string): string {
  let out: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isUnsafe(c)) continue;
    out = (out ?? '') + text.slice(from, i) + escapeOf(c);
    from = i + 1;
  }
  return out === undefined ? text : out + text.slice(from);
}

function isUnsafe(c: number): boolean {
  return (
    c < 32 ||
    (c >= 127 && c < 160) ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

function escapeOf(c: number): string {
  const hex = c.toString(16).toUpperCase();
  return c < 256 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

const ESC = 27;
const NEWLINE = 10;

/**
 * A renderer's whole output made safe in one pass: line breaks are kept, and with `color` so are
 * the colour codes (ESC [ digits m) the renderer itself painted; every other control character
 * is escaped. Colour codes cannot move the cursor or clear the screen, so one that came from the
 * user is harmless too.
 */
export function safeOutput(text: string, options: { color: boolean }): string {
  let out: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || !isUnsafe(c)) continue;
    if (c === ESC && options.color) {
      const end = colourCodeEnd(text, i);
      if (end !== -1) {
        i = end - 1;
        continue;
      }
    }
    out = (out ?? '') + text.slice(from, i) + escapeOf(c);
    from = i + 1;
  }
  return out === undefined ? text : out + text.slice(from);
}

/** End (exclusive) of an SGR colour code starting at `start`, or -1. */
function colourCodeEnd(text: string, start: number): number {
  if (text.charCodeAt(start + 1) !== 91) return -1; // [
  for (let i = start + 2; i < text.length && i < start + 32; i++) {
    const c = text.charCodeAt(i);
    if (c === 109) return i + 1; // m
    if (!((c >= 48 && c <= 57) || c === 59)) return -1; // digits and ;
  }
  return -1;
}
