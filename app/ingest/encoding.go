package ingest

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// decodeAs turns the bytes of a text into a string, in this order: a byte
// order mark; bytes that are valid UTF-8 (they win over a declaration that
// says otherwise, a common mistake of web pages); the encoding the file
// declares; and, for undeclared legacy text, the encoding a detector
// recognises (Cyrillic, Chinese, Japanese, Korean, Arabic, Greek, Western…).
// Windows-1252 is the last resort: it never fails.
func decodeAs(raw []byte, declared string) string {
	if s, ok := byBOM(raw); ok {
		return s
	}
	if utf8.Valid(raw) {
		return string(raw)
	}
	for _, name := range []string{declared, detected(raw)} {
		if enc := lookup(name); enc != nil && enc != unicode.UTF8 { // not UTF-8: the bytes said so
			if s, err := enc.NewDecoder().Bytes(raw); err == nil {
				return string(s)
			}
		}
	}
	s, _ := charmap.Windows1252.NewDecoder().Bytes(raw)
	return string(s)
}

// byBOM decodes text that starts with a byte order mark.
func byBOM(raw []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		return string(raw[3:]), true
	case bytes.HasPrefix(raw, bomUTF16LE):
		return decodeUTF16(raw[2:], false), true
	case bytes.HasPrefix(raw, bomUTF16BE):
		return decodeUTF16(raw[2:], true), true
	}
	return "", false
}

// detected is the encoding a statistical detector finds likeliest for
// legacy text ("" when it is unsure).
func detected(raw []byte) string {
	r, err := chardet.NewTextDetector().DetectBest(raw[:min(len(raw), 64<<10)])
	if err != nil || r.Confidence < 20 {
		return ""
	}
	return r.Charset
}

// lookup finds an encoding by any of its usual names (WHATWG and IANA
// labels, and the detector's own spellings).
func lookup(name string) encoding.Encoding {
	name = strings.ToLower(strings.TrimSpace(name))
	switch name {
	case "":
		return nil
	case "gb-18030":
		name = "gb18030"
	case "iso-2022-jp", "iso-2022-kr", "iso-2022-cn":
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil
	}
	return enc
}

// A page's declared charset: <meta charset="…"> or http-equiv's content.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// declaredCharset is the charset a web page declares in its first bytes.
func declaredCharset(raw []byte) string {
	if m := metaCharset.FindSubmatch(raw[:min(len(raw), 4096)]); m != nil {
		return string(m[1])
	}
	return ""
}
