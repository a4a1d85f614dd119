// Package pdftext reads the text of a PDF as an analyst reads it: in
// reading order, in paragraphs, without running heads, page numbers or
// hyphens, with where each page begins.
//
// It reads with github.com/ledongthuc/pdf (pure Go, BSD), chosen over
// go-pdfium's WebAssembly build by measurement: the same word F1 on our
// LibreOffice-made test documents, 2–8 times faster, 0.8 MB added to the
// program instead of 12.6 MB, and no 4-second start. The library parses
// the file: cross-reference tables, objects, streams and their filters,
// decryption, the content stream's tokens (pdf.Interpret) and a simple
// font's /Encoding (pdf.Font.Encoder). What this package does itself, and
// why the library's own version does not serve:
//
//   - The text operators (page.go). The library's Page.Content takes each
//     character's advance from the byte at the same index as the character,
//     and from /Widths only, so in a two-byte (Type0/CID) font, which is how
//     Chinese, Japanese and most subset Arabic and Cyrillic fonts are
//     embedded, every character after the first stands in the wrong place
//     and words run together or split; it never applies word spacing (Tw);
//     it drops the rendering mode, so the OCR layer of a scan cannot be
//     told from clipping text; it panics on an operator with the wrong
//     number of operands ("bad g.Tw") instead of skipping it; and it has no
//     bound on the characters of one page.
//   - ToUnicode maps (font.go). The library's reader panics on a section
//     that ends without its beginning ("missing beginbfrange") and gives up
//     on the whole map at one bad code-space range; ours keeps what it can
//     read of the bfchar and bfrange sections (ranges mapped to arrays and
//     to surrogate pairs) and falls back to the library's /Encoding for
//     codes a simple font's map leaves out.
//   - Layout (layout.go): lines from characters, columns, right-to-left
//     lines, reading order, paragraphs, hyphens at line ends, running heads
//     and page numbers (read.go). The library offers rows and columns of
//     characters only.
//   - Checks before the library reads (check.go): it trusts a file's
//     structure, so a cross-reference chain that loops, objects nested
//     thousands deep or a stream that unpacks to gigabytes would make it
//     loop, recurse without end or fill memory.
//
// Nothing here prints: the library's panics on a page are caught and that
// page is left out, and a file no page of which can be read is refused
// with a message that says so.
package pdftext
