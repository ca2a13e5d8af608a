/**
 * Long lines of a terminal message block, wrapped at the terminal's width at word boundaries, so
 * a continuation keeps its block's `│ ` bar and indentation instead of running into the margin.
 */

const ESC = String.fromCharCode(27);
const ANSI_STYLE = new RegExp(`${ESC}\\[\\d+m`, 'g');
const ANSI_AT_START = new RegExp(`^${ESC}\\[\\d+m`);
/** The bar of an embed block, indentation, a quote's `> ` (repeated on each line), then a list marker (`- `, `• `, `1. `, `2) `). */
const LINE_HEAD = /^((?:│ )?)([ \t]*(?:> )*)((?:[-•▸*]|\d+[.)])[ ]+)?/;
/** Narrower than this for the text itself, a terminal wraps better than we can; keep words whole. */
const MIN_TEXT_WIDTH = 8;

/** Joiners, variation selectors and combining marks take no column of their own. */
const ZERO_WIDTH = /^(?:\p{M}|[\u200b-\u200f]|[\ufe00-\ufe0f])$/u;
/** Emoji and East Asian wide characters take two columns in a terminal. */
const DOUBLE_WIDTH = /^[\p{Emoji_Presentation}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]$/u;

function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  // Emoji shown as text by default (▶, ✔) stay one column; only emoji-presentation ones (🧨, 📈) take two.
  return DOUBLE_WIDTH.test(char) ? 2 : 1;
}

/** Columns a text takes in a terminal: colour codes take none, emoji and CJK two. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI_STYLE, '')) width += charWidth(char);
  return width;
}

/** The text cut after `columns` visible characters, colour codes kept whole. */
function cutVisible(text: string, columns: number): [string, string] {
  let taken = '';
  let rest = text;
  let count = 0;
  while (rest.length > 0) {
    const code = ANSI_AT_START.exec(rest)?.[0];
    const step = code ?? [...rest][0] ?? '';
    // A wide character that would pass the edge goes to the next line; at least one goes on each.
    if (code === undefined && count > 0 && count + charWidth(step) > columns) break;
    taken += step;
    rest = rest.slice(step.length);
    if (code === undefined) count += charWidth(step);
  }
  return [taken, rest];
}

/**
 * One line as lines no wider than `width` (when it has spaces to break at; a longer word is cut):
 * each continuation starts with the line's bar and indentation, and hangs under a list marker's text.
 */
export function wrapLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const [head = '', bar = '', space = '', marker = ''] = LINE_HEAD.exec(line) ?? [];
  const continuation = `${bar}${space}${' '.repeat(visibleWidth(marker))}`;
  const room = Math.max(width - visibleWidth(continuation), MIN_TEXT_WIDTH);
  const out: string[] = [];
  let current = head;
  let empty = true;
  for (let word of line.slice(head.length).split(' ')) {
    if (!empty && visibleWidth(`${current} ${word}`) > width) {
      out.push(current.trimEnd());
      current = continuation;
      empty = true;
    }
    if (empty) {
      // A word longer than the room left is cut: nothing else would keep it inside the block.
      while (visibleWidth(word) > Math.max(width - visibleWidth(current), room)) {
        const [piece, rest] = cutVisible(word, Math.max(width - visibleWidth(current), room));
        out.push(`${current}${piece}`);
        current = continuation;
        word = rest;
      }
      current += word;
      empty = word === '';
    } else current += ` ${word}`;
  }
  out.push(current.trimEnd());
  return out;
}

/** Every line of a text wrapped by {@link wrapLine}; `width` undefined leaves the text as it is (scripts, pipes). */
export function wrapLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}

/** Items (buttons) joined by spaces into lines no wider than `width`; an item is never split unless alone too wide. */
export function packItems(items: string[], width: number | undefined): string {
  if (width === undefined) return items.join(' ');
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && visibleWidth(`${last} ${item}`) <= width) lines[lines.length - 1] = `${last} ${item}`;
    else lines.push(item);
  }
  return lines.flatMap((line) => wrapLine(line, width)).join('\n');
}
