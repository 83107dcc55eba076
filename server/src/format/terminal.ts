// Text bound for a terminal: what a document or a path holds is shown, never obeyed.

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts erase-line, cursor moves, OSC 8
 * hyperlinks and title changes; CR and BS overwrite; a newline would fake an output line), DEL, C1 controls
 * (U+009B is CSI, U+009D OSC) and the bidi embeddings, overrides and isolates that reorder what is shown
 * (U+202A-U+202E, U+2066-U+2069).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
}

/**
 * Text from a document or a file name (a path, a message quoting the document, a front matter value), made safe
 * to print: each control or bidi character is shown as an escape (`\x1b`, `\x0a`, `\u202e`); everything else,
 * backslashes included, is kept. Apply it to each such piece before adding pmm-lint's own colour codes.
 */
export function escapeForTerminal(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, visible) : text;
}
