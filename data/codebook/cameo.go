package codebook

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// QuadClass names, indexed by the CAMEO QuadClass number.
var QuadClassNames = [...]string{"", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}

// CAMEOCode is one CAMEO event code and what derives from it.
type CAMEOCode struct {
	Code      string
	Name      string
	Goldstein float64
	QuadClass int
	// PLOVER mapping through the crosswalk (from the nearest mapped ancestor).
	Type     string
	Mode     string
	Contexts []string
}

// Label is "042 Make a visit".
func (c CAMEOCode) Label() string { return c.Code + " " + c.Name }

type crossEntry struct {
	typ, mode string
	contexts  []string
}

type cameoTable struct {
	list   []CAMEOCode
	byCode map[string]int
	words  [][]string
}

var (
	cameoOnce sync.Once
	cameo     cameoTable
)

func loadCAMEO() {
	cross := map[string]crossEntry{}
	rc := readAsset("crosswalk.tsv")
	forEachRow(rc, func(f []string) {
		cross[f[0]] = crossEntry{field(f, 1), field(f, 2), splitList(field(f, 3))}
	})
	rc.Close()
	cameo.byCode = map[string]int{}
	rc = readAsset("cameo.tsv")
	forEachRow(rc, func(f []string) {
		g, _ := strconv.ParseFloat(field(f, 2), 64)
		q, _ := strconv.Atoi(field(f, 3))
		c := CAMEOCode{Code: f[0], Name: field(f, 1), Goldstein: g, QuadClass: q}
		c.Type, c.Mode, c.Contexts = crosswalk(cross, c.Code)
		cameo.byCode[c.Code] = len(cameo.list)
		cameo.list = append(cameo.list, c)
		cameo.words = append(cameo.words, words(c.Name))
	})
	rc.Close()
}

// crosswalk maps a code through the nearest ancestor the table names.
func crosswalk(cross map[string]crossEntry, code string) (string, string, []string) {
	for p := code; len(p) >= 2; p = p[:len(p)-1] {
		if e, ok := cross[p]; ok {
			return e.typ, e.mode, e.contexts
		}
	}
	return "", "", nil
}

func cameoData() *cameoTable {
	cameoOnce.Do(loadCAMEO)
	return &cameo
}

// CAMEO looks a code up ("042").
func CAMEO(code string) (CAMEOCode, bool) {
	d := cameoData()
	i, ok := d.byCode[strings.TrimSpace(code)]
	if !ok {
		return CAMEOCode{}, false
	}
	return d.list[i], true
}

// CAMEOCodes returns all codes in codebook order.
func CAMEOCodes() []CAMEOCode { return append([]CAMEOCode(nil), cameoData().list...) }

// SearchCAMEO finds codes whose code starts with the query or whose name has
// words starting with every query word. Results are in code order.
func SearchCAMEO(query string) []CAMEOCode {
	d := cameoData()
	q := strings.TrimSpace(query)
	qw := words(q)
	var out []CAMEOCode
	for i, c := range d.list {
		if (q != "" && strings.HasPrefix(c.Code, q)) || matchesWords(qw, d.words[i]) {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
