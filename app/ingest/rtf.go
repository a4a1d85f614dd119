package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"

	"dossier/data"
)

// The Go RTF readers we found match the whole file with regular
// expressions (memory grows with pictures, nesting is not understood), so
// Dossier reads RTF with its own small parser: one pass over the bytes, an
// explicit stack of groups (never recursion), destinations that are not
// text skipped, and every way RTF spells a character honoured — code-page
// bytes (\'hh, per font charset or \ansicpg, multi-byte for Chinese,
// Japanese and Korean), \uN with its \ucN fallback, and symbols such as
// \emdash.

// maxRTFDepth is the deepest nesting of groups read; real documents stay
// under a few dozen.
const maxRTFDepth = 1000

// parseRTF reads the text of an RTF document, paragraphs a blank line apart
// and table cells separated by tabs, with title and author from \info.
func parseRTF(raw []byte) (*data.Article, error) {
	p := rtfParser{raw: raw, fonts: map[int]encoding.Encoding{}, ansi: lookup("windows-1252")}
	p.stack = []rtfGroup{{uc: 1}}
	if err := p.run(); err != nil {
		return nil, err
	}
	return &data.Article{Text: p.text.String(), Title: strings.TrimSpace(p.title.String()),
		Byline: strings.TrimSpace(p.author.String())}, nil
}

// rtfGroup is the state a group inherits and restores on its close.
type rtfGroup struct {
	dest  rtfDest           // where characters go
	uc    int               // how many fallback characters follow \uN
	enc   encoding.Encoding // code page of the current font
	font  bool              // inside \fonttbl: \fN defines a font
	fontN int               // the font being defined
	upr   rtfDest           // inside \upr: where its Unicode alternative (\ud) goes
}

// rtfDest is where a group's characters go.
type rtfDest int

const (
	toText rtfDest = iota
	toNowhere
	toTitle
	toAuthor
	toInfo // \info itself: only its \title and \author are read
)

type rtfParser struct {
	raw     []byte
	pos     int
	stack   []rtfGroup
	fonts   map[int]encoding.Encoding
	ansi    encoding.Encoding // the document's default code page
	pending []byte            // code-page bytes not yet decoded
	high    rune              // a UTF-16 high surrogate waiting for its pair
	skip    int               // fallback characters still to skip after \uN
	text    bytes.Buffer
	title   strings.Builder
	author  strings.Builder
}

func (p *rtfParser) top() *rtfGroup { return &p.stack[len(p.stack)-1] }

func (p *rtfParser) run() error {
	for p.pos < len(p.raw) {
		c := p.raw[p.pos]
		p.pos++
		switch c {
		case '{':
			if len(p.stack) >= maxRTFDepth {
				return fmt.Errorf("the RTF nests groups more than %d deep: a damaged or hostile file", maxRTFDepth)
			}
			p.flush()
			p.stack = append(p.stack, *p.top())
		case '}':
			p.flush()
			if len(p.stack) > 1 {
				p.stack = p.stack[:len(p.stack)-1]
			}
			if len(p.stack) == 1 {
				return nil // the document's closing brace: anything after it is not RTF
			}
		case '\\':
			p.control()
		case '\r', '\n':
		default:
			p.char(c)
		}
	}
	p.flush()
	return nil
}

// char takes one literal byte of the current code page.
func (p *rtfParser) char(c byte) {
	if p.skip > 0 {
		p.skip--
		return
	}
	if c < 0x80 && len(p.pending) == 0 {
		p.emit(string(rune(c)))
		return
	}
	p.pending = append(p.pending, c)
}

// flush decodes code-page bytes gathered so far (a Chinese character is
// two \'hh escapes in a row).
func (p *rtfParser) flush() {
	if len(p.pending) == 0 {
		return
	}
	enc := p.top().enc
	if enc == nil {
		enc = p.ansi
	}
	s, err := enc.NewDecoder().Bytes(p.pending)
	if err != nil {
		s = []byte(strings.ToValidUTF8(string(p.pending), "\uFFFD"))
	}
	p.pending = p.pending[:0]
	p.emit(string(s))
}

// emit sends decoded text where the group's characters go.
func (p *rtfParser) emit(s string) {
	switch p.top().dest {
	case toText:
		p.text.WriteString(s)
	case toTitle:
		p.title.WriteString(s)
	case toAuthor:
		p.author.WriteString(s)
	}
}

// control reads what follows a backslash: a symbol, \'hh, or a control word
// with its optional numeric parameter and the space that ends it.
func (p *rtfParser) control() {
	if p.pos >= len(p.raw) {
		return
	}
	c := p.raw[p.pos]
	if !isASCIILetter(c) {
		p.pos++
		p.symbol(c)
		return
	}
	start := p.pos
	for p.pos < len(p.raw) && isASCIILetter(p.raw[p.pos]) && p.pos-start < 32 {
		p.pos++
	}
	word := string(p.raw[start:p.pos])
	n, hasN := p.number()
	if p.pos < len(p.raw) && p.raw[p.pos] == ' ' {
		p.pos++
	}
	p.word(word, n, hasN)
}

// number reads a control word's signed parameter, if it has one.
func (p *rtfParser) number() (int, bool) {
	neg := p.pos < len(p.raw) && p.raw[p.pos] == '-'
	if neg {
		p.pos++
	}
	n, digits := 0, 0
	for p.pos < len(p.raw) && '0' <= p.raw[p.pos] && p.raw[p.pos] <= '9' {
		if digits < 10 {
			n = n*10 + int(p.raw[p.pos]-'0')
		}
		digits++
		p.pos++
	}
	if neg {
		n = -n
	}
	return n, digits > 0
}

// symbol handles \ followed by a non-letter.
func (p *rtfParser) symbol(c byte) {
	switch c {
	case '\'':
		if p.pos+2 <= len(p.raw) {
			if b, ok := hexByte(p.raw[p.pos], p.raw[p.pos+1]); ok {
				p.pos += 2
				p.char(b)
			}
		}
	case '*': // an optional destination: unknown to us, so not text
		p.top().dest = toNowhere
	case '~':
		p.literal("\u00a0")
	case '_':
		p.literal("\u2011")
	case '-': // an optional hyphen is not text
	case '\\', '{', '}':
		p.literal(string(rune(c)))
	case '\r', '\n': // \ before a line end is a paragraph
		p.literal("\n\n")
	}
}

// literal emits text that counts as one character for \uN fallbacks.
func (p *rtfParser) literal(s string) {
	p.flush()
	if p.skip > 0 {
		p.skip--
		return
	}
	p.emit(s)
}

// rtfSymbols are control words that stand for characters.
var rtfSymbols = map[string]string{
	"par": "\n\n", "sect": "\n\n", "page": "\n\n", "line": "\n", "tab": "\t", "cell": "\t", "nestcell": "\t",
	"row": "\n\n", "nestrow": "\n\n", "emdash": "—", "endash": "–", "emspace": "\u2003", "enspace": "\u2002",
	"qmspace": "\u2005", "bullet": "•", "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”",
	"zwj": "\u200d", "zwnj": "\u200c", "ltrmark": "\u200e", "rtlmark": "\u200f",
}

// rtfSkipped are destinations whose content is not running text.
var rtfSkipped = map[string]bool{
	"colortbl": true, "stylesheet": true, "listtable": true, "listoverridetable": true,
	"rsidtbl": true, "generator": true, "pict": true, "object": true, "header": true, "headerl": true,
	"headerr": true, "headerf": true, "footer": true, "footerl": true, "footerr": true, "footerf": true,
	"footnote": true, "annotation": true, "fldinst": true, "themedata": true, "colorschememapping": true,
	"datastore": true, "latentstyles": true, "xmlnstbl": true, "mmathPr": true, "pgdsctbl": true,
	"shpinst": true, "nonshppict": true, "bkmkstart": true, "bkmkend": true, "filetbl": true,
	"revtbl": true, "userprops": true, "template": true, "subject": true, "keywords": true, "comment": true,
	"doccomm": true, "operator": true, "company": true, "manager": true, "category": true, "creatim": true,
	"revtim": true, "printim": true, "buptim": true, "hlinkbase": true, "falt": true, "panose": true,
}

// word handles one control word.
func (p *rtfParser) word(w string, n int, hasN bool) {
	if s, ok := rtfSymbols[w]; ok {
		if w == "row" || w == "nestrow" {
			trimEnd(&p.text, "\t") // the last cell's tab
		}
		p.literal(s)
		return
	}
	g := p.top()
	switch w {
	case "u":
		if hasN {
			p.unicode(n)
		}
	case "uc":
		g.uc = max(0, min(n, 8))
	case "bin":
		p.pos = min(len(p.raw), p.pos+max(0, n))
	case "ansicpg":
		if enc := codePage(n); enc != nil {
			p.ansi = enc
		}
	case "fonttbl":
		g.dest, g.font = toNowhere, true
	case "f":
		p.flush()
		if g.font {
			g.fontN = n
		} else if enc, ok := p.fonts[n]; ok {
			g.enc = enc
		} else {
			g.enc = nil
		}
	case "fcharset":
		if g.font {
			p.fonts[g.fontN] = charsetEncoding(n)
		}
	case "info":
		g.dest = toInfo
	case "title":
		if g.dest == toInfo && p.title.Len() == 0 {
			g.dest = toTitle
		}
	case "author":
		if g.dest == toInfo && p.author.Len() == 0 {
			g.dest = toAuthor
		}
	case "upr": // {\upr{ANSI text}{\*\ud{Unicode text}}}: only the second is read
		g.upr, g.dest = g.dest, toNowhere
	case "ud":
		g.dest = g.upr
	default:
		if rtfSkipped[w] {
			p.flush()
			g.dest = toNowhere
		}
	}
}

// unicode emits \uN (a signed 16-bit UTF-16 unit) and arranges for the
// next \ucN fallback characters to be skipped.
func (p *rtfParser) unicode(n int) {
	p.flush()
	if n < 0 {
		n += 65536
	}
	r := rune(n)
	switch {
	case utf16.IsSurrogate(r) && r < 0xDC00:
		p.high = r
	case utf16.IsSurrogate(r):
		if p.high != 0 {
			p.emit(string(utf16.DecodeRune(p.high, r)))
		}
		p.high = 0
	default:
		p.high = 0
		p.emit(string(r))
	}
	p.skip = p.top().uc
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func hexByte(a, b byte) (byte, bool) {
	x, ok1 := hexDigit(a)
	y, ok2 := hexDigit(b)
	return x<<4 | y, ok1 && ok2
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// charsetEncoding is the code page of an RTF font charset (\fcharsetN).
func charsetEncoding(n int) encoding.Encoding {
	pages := map[int]int{0: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258,
		177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250}
	if cp, ok := pages[n]; ok {
		return codePage(cp)
	}
	return nil
}

// codePage is a Windows code page by number.
func codePage(n int) encoding.Encoding {
	switch n {
	case 932:
		return lookup("shift_jis")
	case 936:
		return lookup("gbk")
	case 949:
		return lookup("euc-kr")
	case 950:
		return lookup("big5")
	case 874:
		return lookup("windows-874")
	case 10000:
		return lookup("macintosh")
	}
	if 1250 <= n && n <= 1258 {
		return lookup(fmt.Sprintf("windows-%d", n))
	}
	return nil
}
