package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// ErrScanned and ErrPassword are the two refusals an analyst can act on:
// run OCR first, or save a copy without the password.
var (
	ErrScanned  = errors.New("this PDF holds only images of its pages; it needs OCR before Dossier can read it")
	ErrPassword = errors.New("this PDF is protected by a password: open it in a PDF reader, save a copy without the password, and import that")
)

// A Document is what a PDF gives an article.
type Document struct {
	Text       string // paragraphs in reading order, pages joined
	PageStarts []int  // byte offset in Text where each page begins
	Title      string // the metadata's title, or the first page's headline
	Author     string // the metadata's author
	Created    string // the metadata's creation date as written ("D:2025…")
}

// CreatedOn is the day of the metadata's creation date, when it has a
// plausible one.
func (d *Document) CreatedOn() (time.Time, bool) { return pdfDate(d.Created) }

// Read reads the text of a PDF page by page in reading order, with the
// title and author from its metadata or its first page, and where each page
// begins. A file that is damaged or hostile gives an error saying so, never
// a panic or an unbounded read.
func Read(raw []byte) (d *Document, err error) {
	if err := checkPDF(raw); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("a damaged PDF (%v)", r)
		}
	}()
	rd, err := pdf.NewReader(pdfVersionOne(raw), int64(len(raw)))
	if err != nil {
		return nil, openPDFError(err)
	}
	pages, err := pdfPages(rd.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	lines, images, err := readPages(pages)
	if err != nil {
		return nil, err
	}
	dropRunningLines(lines)
	d = &Document{}
	d.Text, d.PageStarts = pdfText(lines)
	if strings.TrimSpace(d.Text) == "" {
		if images {
			return nil, ErrScanned
		}
		return nil, errors.New("this PDF has no text to read (its letters may be drawn as shapes)")
	}
	d.metadata(rd.Trailer().Key("Info"), lines[0])
	return d, nil
}

// openPDFError explains why the library could not open the file.
func openPDFError(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		return ErrPassword
	case strings.Contains(msg, "encrypt") || strings.Contains(msg, "Encrypt"):
		return fmt.Errorf("this PDF is encrypted in a way Dossier cannot read (%s): save a copy without protection and import that", msg)
	}
	return fmt.Errorf("a damaged PDF (%s)", msg)
}

// pdfVersionOne lets the library read PDF 2.0 files, whose syntax it
// knows but whose header it refuses.
func pdfVersionOne(raw []byte) io.ReaderAt {
	if !bytes.HasPrefix(raw, []byte("%PDF-2.")) {
		return bytes.NewReader(raw)
	}
	fixed := slices.Clone(raw[:8])
	copy(fixed, "%PDF-1.7")
	return bytes.NewReader(append(fixed, raw[8:]...))
}

// readPages reads every page's lines, each page on its own: a page the
// library cannot interpret is left out rather than losing the rest. images
// says whether the pages show pictures (for the sentence about scans).
func readPages(pages []pdf.Value) (lines [][]line, images bool, err error) {
	fonts := fontCache{}
	total, failed := 0, 0
	for _, p := range pages {
		size, err := contentSize(p.Key("Contents"))
		if err != nil {
			return nil, false, err
		}
		if total += size; total > maxPDFContent {
			return nil, false, fmt.Errorf("its pages unpack to more than %s of drawing instructions (a PDF bomb?)", mb(maxPDFContent))
		}
		gs, ok := pageGlyphs(p, fonts)
		if !ok {
			failed++
		}
		lines = append(lines, pageLines(gs))
		images = images || hasImages(p)
	}
	if failed == len(pages) {
		return nil, false, errors.New("a damaged PDF (no page could be read)")
	}
	return lines, images, nil
}

// pageGlyphs reads one page, recovering from the library's panics on
// malformed content.
func pageGlyphs(p pdf.Value, fonts fontCache) (gs []glyph, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			gs, ok = nil, false
		}
	}()
	return readGlyphs(p, fonts.forPage(p)), true
}

// fontCache keeps fonts read once for all pages that use them.
type fontCache map[string]*pdfFont

// forPage gives the page's fonts by their resource names, reading those
// not seen before.
func (c fontCache) forPage(p pdf.Value) map[string]*pdfFont {
	out := map[string]*pdfFont{}
	res := inherited(p, "Resources").Key("Font")
	for _, name := range res.Keys() {
		v := res.Key(name)
		key := fmt.Sprint(name, v.Key("BaseFont").Name(), v.Key("Subtype").Name(), v.Key("FirstChar").Int64(),
			v.Key("LastChar").Int64(), v.Key("ToUnicode").Key("Length").Int64(), v.Key("Widths").Len())
		if c[key] == nil {
			c[key] = newPDFFont(v)
		}
		out[name] = c[key]
	}
	return out
}

func hasImages(p pdf.Value) bool {
	xo := inherited(p, "Resources").Key("XObject")
	for _, k := range xo.Keys() {
		if xo.Key(k).Key("Subtype").Name() == "Image" {
			return true
		}
	}
	return false
}

var pageNumberLine = regexp.MustCompile(`(?i)^[\s\-–—|·•]*((page|p\.|seite|página|страница|стр\.)\s*)?(\d{1,4})(\s*(of|/|из|de|von)\s*\d{1,4})?[\s\-–—|·•]*$`)

// isPageNumber: a line that is only the number of its page (or close to
// it, for documents whose numbering starts after a cover), such as "3",
// "- 3 -" or "Page 3 of 12". Other lone numbers at a page's foot may be
// data (the last cell of a table).
func isPageNumber(text string, page int) bool {
	m := pageNumberLine.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[3])
	return n >= page-2 && n <= page+2
}

// dropRunningLines removes what repeats at the top or bottom of the pages
// — running heads and feet, whatever page number they carry — and lone
// page numbers there.
func dropRunningLines(pages [][]line) {
	seen := map[string]int{}
	for _, ls := range pages {
		for _, l := range marginLines(ls) {
			seen[runningKey(l)]++
		}
	}
	for i, ls := range pages {
		margin := marginLines(ls)
		pages[i] = slices.DeleteFunc(ls, func(l line) bool {
			if !slices.Contains(margin, l) {
				return false
			}
			repeated := len(pages) >= 2 && seen[runningKey(l)] >= max(2, (len(pages)+1)/2)
			return repeated || isPageNumber(l.text, i+1)
		})
	}
}

// marginLines are the two highest and two lowest lines of a page.
func marginLines(ls []line) []line {
	if len(ls) <= 2 {
		return nil
	}
	byHeight := slices.Clone(ls)
	slices.SortFunc(byHeight, func(a, b line) int {
		switch {
		case a.y > b.y:
			return -1
		case a.y < b.y:
			return 1
		}
		return 0
	})
	n := min(2, len(byHeight)/3)
	return append(byHeight[:n:n], byHeight[len(byHeight)-n:]...)
}

// runningKey identifies a running line whatever its page number.
func runningKey(l line) string {
	text := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return unicode.ToLower(r)
	}, l.text)
	return fmt.Sprintf("%s@%d", text, int(l.y/6))
}

// pdfText lays the pages out as text, paragraphs a blank line apart, and
// says where each page starts (in code points). A paragraph broken by a
// page turn is mended.
func pdfText(pages [][]line) (string, []int) {
	type mark struct{ para, at int } // a page starts in paragraph para, at byte at
	var paras []string
	marks := make([]mark, 0, len(pages))
	for _, ls := range pages {
		ps := paragraphs(readingOrder(ls))
		if len(ps) > 0 && len(paras) > 0 && continues(paras[len(paras)-1], ps[0]) {
			joined := joinLines(paras[len(paras)-1], ps[0])
			marks = append(marks, mark{len(paras) - 1, len(joined) - len(ps[0])})
			paras[len(paras)-1] = joined
			ps = ps[1:]
		} else {
			marks = append(marks, mark{len(paras), 0})
		}
		paras = append(paras, ps...)
	}
	var b strings.Builder
	offsets := make([]int, len(paras)) // code point where each paragraph starts
	n := 0
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
			n += 2
		}
		offsets[i] = n
		b.WriteString(p)
		n += utf8.RuneCountInString(p)
	}
	starts := make([]int, len(marks))
	for i, m := range marks {
		starts[i] = n
		if m.para < len(paras) {
			starts[i] = offsets[m.para] + utf8.RuneCountInString(paras[m.para][:m.at])
		}
	}
	return b.String(), starts
}

// continues: the text so far stops mid-sentence and the page goes on in
// lower case.
func continues(text, next string) bool {
	first, _ := utf8.DecodeRuneInString(next)
	return !endsSentence(text) && unicode.IsLower(first)
}

// metadata takes title, author and creation date from the document
// information dictionary, or the title from the first page's largest type.
func (d *Document) metadata(info pdf.Value, first []line) {
	if t := strings.TrimSpace(info.Key("Title").Text()); usefulTitle(t) {
		d.Title = t
	} else {
		d.Title = headline(first)
	}
	d.Author = strings.TrimSpace(info.Key("Author").Text())
	d.Created = info.Key("CreationDate").Text()
}

// mb says a limit in megabytes, as the refusals name it.
func mb(n int) string { return strconv.Itoa(n>>20) + " MB" }

// usefulTitle: not empty and not the name of the file it was made from.
func usefulTitle(t string) bool {
	lower := strings.ToLower(t)
	for _, junk := range []string{".doc", ".docx", ".pdf", ".indd", ".odt", ".rtf", ".txt", "microsoft word - ", "untitled"} {
		if strings.Contains(lower, junk) {
			return false
		}
	}
	return t != ""
}

// headline is the largest type in the top half of the first page, when it
// stands out from the body text.
func headline(ls []line) string {
	if len(ls) == 0 {
		return ""
	}
	body, top := medianHeight(ls), ls[0].y
	for _, l := range ls {
		top = max(top, l.y)
	}
	var best []line
	for _, l := range readingOrder(slices.Clone(ls)) {
		if l.y < top-400 || l.h < 1.2*body {
			continue
		}
		switch {
		case len(best) == 0 || l.h > best[0].h*1.05:
			best = []line{l}
		case l.h > best[0].h*0.95 && best[len(best)-1].y-l.y < 2*l.h:
			best = append(best, l)
		}
	}
	parts := make([]string, len(best))
	for i, l := range best {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

var pdfDatePattern = regexp.MustCompile(`^D?:?(\d{4})(\d{2})?(\d{2})?`)

// pdfDate reads a PDF date ("D:20250302104500+01'00'"), as far as the day.
func pdfDate(s string) (time.Time, bool) {
	m := pdfDatePattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || m[2] == "" || m[3] == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102", m[1]+m[2]+m[3])
	return t, err == nil && t.Year() > 1990
}
