// Command gen turns the reference data in ../shared/data into the compact,
// tab-separated files that Dossier embeds under assets/codebooks. It keeps
// facts only (codes, names, scores, coordinates), never descriptions or
// example sentences, which are other people's words.
//
//	go run ./data/codebook/gen -shared ../shared/data -out assets/codebooks
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

func main() {
	shared := flag.String("shared", "../shared/data", "folder holding codebooks/ and gazetteer/")
	out := flag.String("out", "assets/codebooks", "folder to write the compact files to")
	flag.Parse()
	steps := []struct {
		name string
		fn   func(src, dst string) error
	}{
		{"cameo.tsv", genCAMEO},
		{"plover.tsv", genPLOVER},
		{"crosswalk.tsv", genCrosswalk},
		{"countries.tsv", genCountries},
		{"gazetteer.tsv.gz", genGazetteer},
	}
	for _, s := range steps {
		if err := s.fn(*shared, filepath.Join(*out, s.name)); err != nil {
			log.Fatalf("%s: %v", s.name, err)
		}
		fmt.Println("wrote", filepath.Join(*out, s.name))
	}
}

func writeRows(dst string, rows [][]string) error {
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, r := range rows {
		fmt.Fprintln(w, strings.Join(r, "\t"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[1:], nil
}

// genCAMEO keeps code, name, Goldstein score and QuadClass.
func genCAMEO(shared, dst string) error {
	rows, err := readCSV(filepath.Join(shared, "codebooks", "cameo-event-codes.csv"))
	if err != nil {
		return err
	}
	var out [][]string
	for _, r := range rows {
		out = append(out, []string{r[0], clean(r[1]), r[3], r[4]})
	}
	return writeRows(dst, out)
}

// genPLOVER keeps kind (type, mode, context), event type, value and quad class.
func genPLOVER(shared, dst string) error {
	rows, err := readCSV(filepath.Join(shared, "codebooks", "plover-event-types.csv"))
	if err != nil {
		return err
	}
	var out [][]string
	for _, r := range rows {
		out = append(out, []string{r[0], r[1], strings.TrimSpace(r[2]), r[3], r[4]})
	}
	return writeRows(dst, out)
}

var crossLine = regexp.MustCompile(`^(\d+):\s*([A-Z]+)\s*(?:,([^,#]*)(?:,([^#]*))?)?`)

// genCrosswalk keeps CAMEO code → PLOVER type, mode and contexts. When a code
// appears twice (the root 08) the first mapping wins.
func genCrosswalk(shared, dst string) error {
	data, err := os.ReadFile(filepath.Join(shared, "codebooks", "cameo-to-plover-2021.txt"))
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		m := crossLine.FindStringSubmatch(line)
		if m == nil || seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		var ctx []string
		for _, c := range strings.Split(m[4], ";") {
			if c = strings.TrimSpace(c); c != "" {
				ctx = append(ctx, c)
			}
		}
		out = append(out, []string{m[1], m[2], strings.TrimSpace(m[3]), strings.Join(ctx, "|")})
	}
	return writeRows(dst, out)
}

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2     string   `json:"cca2"`
	CCA3     string   `json:"cca3"`
	Capital  []string `json:"capital"`
	Alt      []string `json:"altSpellings"`
	LatLng   []float64
	Demonyms map[string]struct{ F, M string } `json:"demonyms"`
	// Translations are the country's names in other languages, by ISO 639-3 code
	Translations map[string]struct{ Common, Official string } `json:"translations"`
	Latitude     float64
	Longitude    float64
}

// genCountries keeps codes, names, demonyms, capitals, alternative
// spellings and names in other languages, coordinates, and the French
// demonyms.
func genCountries(shared, dst string) error {
	data, err := os.ReadFile(filepath.Join(shared, "codebooks", "countries.json"))
	if err != nil {
		return err
	}
	var cs []country
	if err := json.Unmarshal(data, &cs); err != nil {
		return err
	}
	var out [][]string
	for _, c := range cs {
		dem, fra := c.Demonyms["eng"], c.Demonyms["fra"]
		var alt []string
		for _, a := range c.Alt {
			if len([]rune(a)) > 2 && isLatin(a) {
				alt = append(alt, clean(a))
			}
		}
		for _, lang := range translated {
			if t, ok := c.Translations[lang]; ok {
				alt = append(alt, clean(t.Common), clean(t.Official))
			}
		}
		alt = strings.Split(uniqueJoin(alt...), "|")
		lat, lng := "", ""
		if len(c.LatLng) == 2 {
			lat, lng = fmt.Sprint(c.LatLng[0]), fmt.Sprint(c.LatLng[1])
		}
		out = append(out, []string{c.CCA2, c.CCA3, clean(c.Name.Common), clean(c.Name.Official),
			uniqueJoin(dem.M, dem.F), uniqueJoin(c.Capital...), strings.Join(alt, "|"), lat, lng, uniqueJoin(fra.M, fra.F)})
	}
	return writeRows(dst, out)
}

// translated are the languages whose names of countries are kept: those
// Dossier's analysts read most (Ukrainian has none in the source).
var translated = []string{"rus", "ara", "per", "zho", "fra", "deu", "spa"}

// genGazetteer keeps id, name, alternate names in the Latin, Cyrillic,
// Arabic and Chinese scripts, coordinates,
// country (alpha-2), admin1 code, population and feature code, gzipped.
func genGazetteer(shared, dst string) error {
	f, err := os.Open(filepath.Join(shared, "gazetteer", "cities15000.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	o, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		r := strings.Split(sc.Text(), "\t")
		if len(r) < 15 {
			continue
		}
		var alt []string
		for _, a := range strings.Split(r[3], ",") {
			if a != r[1] && (len([]rune(a)) > 2 && isLatin(a) || otherScript(a)) {
				alt = append(alt, a)
			}
		}
		row := []string{r[0], r[1], uniqueJoin(alt...), r[4], r[5], r[8], r[10], r[14], r[7]}
		fmt.Fprintln(zw, strings.Join(row, "\t"))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return o.Close()
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

// otherScript: a name written wholly in Cyrillic, Arabic or Chinese
// characters (two at least), the scripts of the languages Dossier reads
// beside the Latin ones.
func otherScript(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Cyrillic, unicode.Arabic, unicode.Han) && r != ' ' && r != '-' {
			return false
		}
		n++
	}
	return n >= 2
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func uniqueJoin(items ...string) string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		it = clean(strings.ReplaceAll(it, "|", " "))
		if it != "" && !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	return strings.Join(out, "|")
}
