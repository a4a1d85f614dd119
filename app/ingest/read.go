package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"dossier/app/language"
	"dossier/data"
)

// errNotAnArticle marks a folder entry of another kind: skipped, not failed.
var errNotAnArticle = errors.New("not an article file")

// ReadFile reads one file into an Article (not yet stored). explicit says the
// analyst named the file, so an unknown extension is tried as plain text;
// maxSize is the largest file read (0: a default for its kind). The error
// is a reason the analyst can read, without the file name.
func ReadFile(path string, explicit bool, maxSize int64) (a *data.Article, err error) {
	defer readerFault(&a, &err)
	if !explicit && !supported(path) {
		return nil, errNotAnArticle
	}
	raw, err := readLimited(path, sizeLimit(path, maxSize))
	if err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return nil, errors.New("empty file (0 bytes)")
	}
	a, err = parse(strings.ToLower(filepath.Ext(path)), raw)
	if err != nil {
		return nil, err
	}
	return finish(a, path)
}

// readerFault, deferred, turns a panic while reading one article into
// that article's error, so a fault in a reader fails one file of a batch
// (with a reason to report) instead of closing the window.
func readerFault(a **data.Article, err *error) {
	if r := recover(); r != nil {
		*a, *err = nil, fmt.Errorf("an internal fault reading this file (%v): nothing was imported from it; please report it with the file", r)
	}
}

// sizeLimit is maxSize, or by default 100 MB for the kinds of file that
// carry pictures and 20 MB for the others.
func sizeLimit(path string, maxSize int64) int64 {
	if maxSize > 0 {
		return maxSize
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf", ".docx", ".odt", ".mht", ".mhtml", ".rtf":
		return maxDocument
	}
	return defaultMaxSize
}

func readLimited(path string, maxSize int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot be read (%s)", plainError(err))
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	if size > maxSize {
		return nil, fmt.Errorf("too large (%s; Dossier imports files up to %s)", humanSize(size), humanSize(maxSize))
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + 512)
	if _, err := buf.ReadFrom(io.LimitReader(f, maxSize+1)); err != nil {
		return nil, fmt.Errorf("cannot be read (%s)", plainError(err))
	}
	if int64(buf.Len()) > maxSize {
		return nil, fmt.Errorf("too large (over %s)", humanSize(maxSize))
	}
	return buf.Bytes(), nil
}

// parse reads raw as the format its content shows (see detectFormat).
func parse(ext string, raw []byte) (*data.Article, error) {
	f, err := detectFormat(ext, raw)
	if err != nil {
		return nil, err
	}
	switch f {
	case formatHTML:
		return parseHTML(raw)
	case formatMHTML:
		return parseMHTML(raw)
	case formatEmail:
		return parseEmail(raw)
	case formatDocx:
		return parseDocx(raw)
	case formatODT:
		return parseODT(raw)
	case formatRTF:
		return parseRTF(raw)
	case formatPDF:
		return parsePDF(raw)
	case formatMarkdown:
		return parseText(raw, true)
	}
	return parseText(raw, false)
}

// finish checks the text is there, fills title and date from it when the
// format gave none, and computes the content hash.
func finish(a *data.Article, path string) (*data.Article, error) {
	for _, f := range []*string{&a.Text, &a.Title, &a.Byline, &a.Source} {
		*f = validUTF8(*f)
	}
	a.Text = tidyText(a.Text)
	if strings.TrimSpace(a.Text) == "" {
		return nil, errors.New("no article text found in the file")
	}
	if len(a.Text) > data.MaxTextBytes {
		return nil, fmt.Errorf("its text is too long (%s; Dossier keeps articles of up to %s of text, some 2,000 pages): split the document and import the parts", humanSize(int64(len(a.Text))), humanSize(data.MaxTextBytes))
	}
	a.Language = language.Of(a)
	fillFromText(a, referenceTime(path))
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	a.File = path
	a.Hash = ContentHash(a.Text)
	return a, nil
}

// referenceTime is when the file at path was last written, the best guess at
// when its article was saved, or now when that is unknown or in the future.
func referenceTime(path string) time.Time {
	now := time.Now()
	if fi, err := os.Stat(path); err == nil && fi.ModTime().Year() > 1990 && fi.ModTime().Before(now) {
		return fi.ModTime()
	}
	return now
}

// validUTF8 reads text a format declared wrongly (a raw Latin-1 e-mail
// subject, a page that says UTF-8 and is not) as Windows-1252 instead.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	if b, err := charmap.Windows1252.NewDecoder().String(s); err == nil {
		return b
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// tidyText is the text as stored: the file's text as decoded, its line
// ends and spaces untouched, so that offsets in the stored text are offsets
// in the file (for evidence, suggestions and exports); lone carriage
// returns (old Mac files) become line ends, which takes nothing away.
func tidyText(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' && (i+1 == len(s) || s[i+1] != '\n') {
			b.WriteByte('\n')
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// ContentHash identifies an article by its words: case, spacing and Unicode
// compatibility forms do not change it.
func ContentHash(text string) string {
	var words []byte
	if isASCII(text) {
		words = asciiWords(text)
	} else {
		words = unicodeWords(norm.NFKC.String(text))
	}
	sum := sha256.Sum256(words)
	return hex.EncodeToString(sum[:16])
}

// asciiWords lower-cases text and joins its words with single spaces.
func asciiWords(text string) []byte {
	buf := make([]byte, 0, len(text))
	space := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			space = len(buf) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, c)
	}
	return buf
}

// unicodeWords is asciiWords for any script.
func unicodeWords(text string) []byte {
	buf := make([]byte, 0, len(text))
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ArticleFromText makes an article from pasted text, as for a .txt file.
func ArticleFromText(text string) (a *data.Article, err error) {
	defer readerFault(&a, &err)
	a, err = finish(&data.Article{Text: text}, "")
	if err != nil {
		return nil, err
	}
	a.File = ""
	return a, nil
}
