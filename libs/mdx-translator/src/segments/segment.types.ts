/**
 * A segment is one translatable unit of a document (a paragraph, a heading, a table cell, an attribute
 * value, a front matter value…) cut into pieces: text the model translates and placeholders standing
 * for markup it must hand back untouched.
 */
export type Piece =
  /** Text to translate (decoded: what a reader sees, without Markdown escapes). */
  | { kind: 'text'; value: string }
  /**
   * Markup kept as one placeholder `⟦n⟧`; written back as the source bytes `[start, end)`. `bareUrl`
   * marks a URL typed as text (a GFM literal autolink), which needs white space around it to stay one.
   */
  | { kind: 'atom'; n: number; start: number; end: number; bareUrl?: boolean }
  /** A do-not-translate term, shown as `⟦n⟧` and written back as text. */
  | { kind: 'term'; n: number; value: string }
  /** The opening markup of a span (`**`, `[`, `<b>`) shown as `⟦n⟧`; bytes `[start, end)`. */
  | { kind: 'open'; n: number; start: number; end: number }
  /**
   * The closing markup of the same span (`**`, `](url)`, `</b>`) shown as `⟦/n⟧`; `text`, when set, is
   * written instead of the source bytes (`][label]` for a shortcut reference whose label is translated).
   */
  | { kind: 'close'; n: number; start: number; end: number; text?: string };

/** Where a segment's translation goes, which decides how its text is escaped. */
export type SegmentContext =
  | {
      type: 'markdown';
      /** A paragraph may keep line breaks; every other block writes them as spaces. */
      block: 'paragraph' | 'heading' | 'cell' | 'label' | 'alt';
      /** Written after each line break: the container syntax of the paragraph's lines (`> `, indentation). */
      linePrefix: string;
      /** The line ending of the paragraph (that of the file when the paragraph has one line). */
      eol: '\n' | '\r\n';
    }
  | { type: 'attribute'; quote: '"' | "'" }
  | { type: 'title'; delimiter: '"' | "'" | ')' }
  /** A front matter value; `flow` when it sits in a `{…}` mapping, where only a quoted scalar is safe. */
  | { type: 'yaml'; key: string; flow: boolean };

export interface Segment {
  /** `s1`, `s2`… in document order; unique within one document. */
  id: string;
  /** The source range the translation replaces. */
  start: number;
  end: number;
  pieces: Piece[];
  /** What the model sees: text with `⟦n⟧` / `⟦/n⟧` placeholders. */
  text: string;
  context: SegmentContext;
}

/** A zero-length or ranged replacement of source bytes, applied by offsets. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}
