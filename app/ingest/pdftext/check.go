package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// Checks that keep a hostile PDF from making the library loop, recurse
// without end or fill memory: the library trusts a file's structure, so
// Dossier looks at that structure first.

const (
	maxPDFNesting = 100       // arrays and dictionaries inside each other
	maxPDFPages   = 10000     // pages read
	maxPageTree   = 100000    // page tree nodes visited
	maxPageDraw   = 16 << 20  // one page's unpacked drawing instructions
	maxPDFContent = 256 << 20 // all pages' unpacked drawing instructions
	maxObjStream  = 64 << 20  // one object stream, unpacked to be checked
)

var errPDFLoop = errors.New("its cross-reference tables point back to themselves (a damaged or hostile file)")

// checkPDF refuses files whose objects nest beyond reason (also inside
// compressed object streams) or whose cross-reference chain loops.
func checkPDF(raw []byte) error {
	if err := checkNesting(raw); err != nil {
		return err
	}
	return checkXrefChain(raw)
}

var (
	streamStart = regexp.MustCompile(`stream\r?\n`)
	objStart    = []byte(" obj")
)

// checkNesting scans the file's objects, skipping strings, comments and
// streams, except object streams, which are unpacked and scanned too.
func checkNesting(raw []byte) error {
	depth, deepest := 0, 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '%':
			for i < len(raw) && raw[i] != '\n' && raw[i] != '\r' {
				i++
			}
		case '(':
			i = skipPDFString(raw, i)
		case '[':
			depth++
		case ']':
			depth = max(0, depth-1)
		case '<':
			if i+1 < len(raw) && raw[i+1] == '<' {
				depth++
				i++
			}
		case '>':
			if i+1 < len(raw) && raw[i+1] == '>' {
				depth = max(0, depth-1)
				i++
			}
		case 's':
			if end, body, ok := streamAt(raw, i); ok {
				if err := checkObjStream(raw, i, body); err != nil {
					return err
				}
				i = end
			}
		}
		if deepest = max(deepest, depth); deepest > maxPDFNesting {
			return fmt.Errorf("its objects nest more than %d deep (a damaged or hostile file)", maxPDFNesting)
		}
	}
	return nil
}

// skipPDFString returns the index of the parenthesis closing the literal
// string opened at i (strings may hold balanced parentheses and escapes).
func skipPDFString(raw []byte, i int) int {
	depth := 0
	for ; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return i
}

// streamAt recognises the keyword "stream" at i and returns the index of
// its "endstream" and the bytes between.
func streamAt(raw []byte, i int) (end int, body []byte, ok bool) {
	loc := streamStart.FindIndex(raw[i:min(len(raw), i+8)])
	if loc == nil || loc[0] != 0 || (i > 0 && isPDFRegular(raw[i-1])) {
		return 0, nil, false
	}
	start := i + loc[1]
	e := bytes.Index(raw[start:], []byte("endstream"))
	if e < 0 {
		return len(raw), raw[start:], true
	}
	return start + e + len("endstream") - 1, raw[start : start+e], true
}

func isPDFRegular(c byte) bool {
	return !bytes.ContainsRune([]byte(" \t\r\n\f\x00()<>[]{}/%"), rune(c))
}

// checkObjStream unpacks an object stream (a compressed bundle of objects)
// and checks the nesting of what it holds.
func checkObjStream(raw []byte, at int, body []byte) error {
	head := raw[max(0, at-1024):at]
	if o := bytes.LastIndex(head, objStart); o >= 0 {
		head = head[o:]
	}
	if !bytes.Contains(head, []byte("/ObjStm")) || !bytes.Contains(head, []byte("/FlateDecode")) {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil // the library will say it is damaged
	}
	inner, _ := io.ReadAll(io.LimitReader(zr, maxObjStream+1))
	if len(inner) > maxObjStream {
		return fmt.Errorf("an object stream unpacks to more than %s (a PDF bomb?)", mb(maxObjStream))
	}
	if bytes.Contains(inner, []byte("stream")) {
		inner = bytes.ReplaceAll(inner, []byte("stream"), []byte("strea_")) // object streams hold no streams
	}
	return checkNesting(inner)
}

var (
	startXref = regexp.MustCompile(`startxref\s+(\d+)`)
	prevEntry = regexp.MustCompile(`/Prev\s+(\d+)`)
)

// checkXrefChain follows the chain of cross-reference sections (each
// update of a file adds one, pointing to the previous with /Prev) and
// refuses a chain that loops.
func checkXrefChain(raw []byte) error {
	tail := raw[max(0, len(raw)-2048):]
	all := startXref.FindAllSubmatch(tail, -1)
	if all == nil {
		return nil // the library will say what is missing
	}
	off, _ := strconv.Atoi(string(all[len(all)-1][1]))
	seen := map[int]bool{}
	for range 10000 {
		if off <= 0 || off >= len(raw) {
			return nil
		}
		if seen[off] {
			return errPDFLoop
		}
		seen[off] = true
		next, ok := prevOf(raw[off:])
		if !ok {
			return nil
		}
		off = next
	}
	return errPDFLoop
}

// prevOf finds the /Prev of the cross-reference section at the start of
// section: in the trailer after a table, or in an xref stream's dictionary.
func prevOf(section []byte) (int, bool) {
	window := section[:min(len(section), 1<<20)]
	end := len(window)
	if bytes.HasPrefix(bytes.TrimLeft(window, " \r\n\t"), []byte("xref")) {
		t := bytes.Index(window, []byte("trailer"))
		if t < 0 {
			return 0, false
		}
		window = window[t:]
		end = len(window)
	}
	if s := bytes.Index(window, []byte("stream")); s >= 0 && s < end {
		end = s
	}
	if e := bytes.Index(window, []byte("startxref")); e >= 0 && e < end {
		end = e
	}
	m := prevEntry.FindSubmatch(window[:end])
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[1]))
	return n, err == nil
}

// pdfPages lists the pages of the page tree in order. The walk is bounded,
// so a tree whose kids point back to their ancestors ends with a sentence.
func pdfPages(root pdf.Value) ([]pdf.Value, error) {
	var pages []pdf.Value
	visited := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if visited++; visited > maxPageTree || depth > 64 {
			return errors.New("its page tree loops or nests beyond reason (a damaged or hostile file)")
		}
		kids := v.Key("Kids")
		if kids.Kind() != pdf.Array {
			if v.Kind() == pdf.Dict && len(pages) < maxPDFPages {
				pages = append(pages, v)
			}
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errors.New("a damaged PDF (no pages found)")
	}
	return pages, nil
}

// contentSize is how many bytes a page's drawing instructions unpack to,
// refusing a page beyond maxPageDraw before anything interprets it.
func contentSize(contents pdf.Value) (size int, err error) {
	defer func() {
		if recover() != nil { // an unknown filter: the page's reading will fail on its own
			size, err = 0, nil
		}
	}()
	parts := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		parts = parts[:0]
		for i := 0; i < contents.Len() && i < 10000; i++ {
			parts = append(parts, contents.Index(i))
		}
	}
	for _, p := range parts {
		rc := p.Reader()
		n, _ := io.Copy(io.Discard, io.LimitReader(rc, int64(maxPageDraw-size+1)))
		rc.Close()
		if size += int(n); size > maxPageDraw {
			return 0, fmt.Errorf("a page unpacks to more than %s of drawing instructions (a PDF bomb?)", mb(maxPageDraw))
		}
	}
	return size, nil
}
