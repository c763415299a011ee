/**
 * Fitting text to a terminal width: word wrap with hanging indents, aware of ANSI colour codes
 * (they take no columns, and a style open at a line break is closed and reopened so each line
 * stands alone). Pure: the width is always given by the caller.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const ANSI_AT_START = /^\u001b\[([0-9;]*)m/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns the text takes on screen (colour codes take none). */
export function visibleLength(text: string): number {
  return stripAnsi(text).length;
}

/** The longest run of non-space characters: the narrowest a wrapped text can be without splitting. */
export function longestWord(text: string): number {
  return Math.max(
    0,
    ...stripAnsi(text)
      .split(/\s+/)
      .map((w) => w.length),
  );
}

/** Which SGR codes a closing code ends (chalk uses 22 for bold and dim, 39 for colours). */
function closes(close: string, open: string): boolean {
  const n = Number(open);
  if (close === '22') return n === 1 || n === 2;
  if (close === '39') return (n >= 30 && n <= 37) || (n >= 90 && n <= 97);
  if (close === '49') return (n >= 40 && n <= 47) || (n >= 100 && n <= 107);
  return Number(close) === n + 20;
}

/** The styles still open after `text`, as the codes that reopen them. */
function openStyles(text: string): string[] {
  const active: string[] = [];
  for (const match of text.matchAll(ANSI)) {
    const code = match[0].slice(2, -1);
    if (code === '' || code === '0') active.length = 0;
    else if (['22', '23', '24', '27', '28', '29', '39', '49'].includes(code)) {
      for (let i = active.length - 1; i >= 0; i--)
        if (closes(code, active[i] ?? '')) active.splice(i, 1);
    } else active.push(code);
  }
  return active;
}

/** Splits a word into pieces of at most `size` visible characters, codes kept whole. */
function splitWord(word: string, size: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let length = 0;
  let rest = word;
  while (rest.length > 0) {
    const code = ANSI_AT_START.exec(rest);
    if (code) {
      piece += code[0];
      rest = rest.slice(code[0].length);
      continue;
    }
    if (length === size) {
      pieces.push(piece);
      piece = '';
      length = 0;
    }
    // Keep a surrogate pair (an emoji in a name) together.
    const char = String.fromCodePoint(rest.codePointAt(0) ?? 0);
    piece += char;
    length += 1;
    rest = rest.slice(char.length);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export interface WrapOptions {
  /** Put before the first line. */
  indent?: string;
  /** Put before every later line (default: the same as `indent`). */
  hanging?: string;
}

/**
 * Greedy word wrap to `width` columns. Spaces between words on one line are kept as written;
 * a break drops them. A word goes whole to the next line; only a word longer than a whole line
 * is split.
 */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string[] {
  const indent = options.indent ?? '';
  let hanging = options.hanging ?? indent;
  // A hanging indent that would leave almost no room is shortened.
  if (visibleLength(hanging) > width / 2) hanging = ' '.repeat(Math.floor(width / 4));
  const lines: string[] = [];
  let line = indent;
  let used = visibleLength(indent);
  let empty = true;

  const breakLine = () => {
    const styles = openStyles(line);
    lines.push(styles.length > 0 ? `${line}\u001b[0m` : line);
    line = hanging + styles.map((s) => `\u001b[${s}m`).join('');
    used = visibleLength(hanging);
    empty = true;
  };

  for (const match of text.matchAll(/( *)([^ ]+)/g)) {
    const spaces = match[1] ?? '';
    const word = match[2] ?? '';
    const size = visibleLength(word);
    if (size === 0) {
      line += word;
      continue;
    }
    const gap = empty ? 0 : spaces.length;
    const fresh = Math.max(1, width - visibleLength(hanging));
    if (size > fresh) {
      // Longer than any line can hold: start it here if there is room, split the rest.
      let room = width - used - gap;
      if (room < 1 && !empty) {
        breakLine();
        room = width - used;
      } else if (!empty) line += spaces;
      const head = splitWord(word, Math.max(1, room))[0] ?? '';
      line += head;
      used += visibleLength(head);
      empty = false;
      for (const piece of splitWord(word.slice(head.length), fresh)) {
        breakLine();
        line += piece;
        used += visibleLength(piece);
        empty = false;
      }
      continue;
    }
    if (!empty && used + gap + size > width) breakLine();
    line += (empty ? '' : spaces) + word;
    used += (empty ? 0 : spaces.length) + size;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Leading spaces and org-chart branches (`│  ├─ `), and a list marker after them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const PREFIX = /^((?:\u001b\[[0-9;]*m)*)([ │├└─]*)((?:[-+~*] |\d+\. )?)/;

/**
 * One line fitted to `width`: continuation lines hang under the text after a list marker, or
 * two columns in from the line's own indent; org-chart branches continue as a plain trunk.
 */
export function fitLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const [prefix = '', codes = '', indent = '', marker = ''] = PREFIX.exec(line) ?? [];
  const trunk = indent.replace(/├─/g, '│ ').replace(/└─/g, '  ').replace(/─/g, ' ');
  const hanging = marker ? trunk + ' '.repeat(marker.length) : `${trunk}  `;
  return wrapText(codes + marker + line.slice(prefix.length), width, { indent, hanging });
}

/** Every line of `text` fitted to `width`; lines that fit are left exactly as they are. */
export function fitText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => fitLine(line, width))
    .join('\n');
}
