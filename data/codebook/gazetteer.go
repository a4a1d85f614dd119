package codebook

import (
	"compress/gzip"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"dossier/data"
)

// Place is a populated place from the GeoNames gazetteer.
type Place struct {
	ID         string
	Name       string
	AltNames   []string
	Lat, Lon   float64
	Country    string // ISO alpha-3
	Admin1     string // GeoNames admin1 code
	Population int
	Feature    string // PPLC is a capital
}

// Label is "Beijing, China".
func (p Place) Label() string {
	if c, ok := CountryByCode(p.Country); ok {
		return p.Name + ", " + c.Name
	}
	return p.Name
}

type gazetteerTable struct {
	places []Place
	byName map[string][]int // normalised name or alternate name → places
	keys   []string         // the byName keys, sorted, for prefix search
}

var (
	gazetteerOnce sync.Once
	gazetteer     gazetteerTable
)

func loadGazetteer() {
	gazetteer.byName = map[string][]int{}
	rc := readAsset("gazetteer.tsv.gz")
	defer rc.Close()
	zr, err := gzip.NewReader(rc)
	if err != nil {
		panic("codebook: embedded gazetteer is corrupt: " + err.Error())
	}
	forEachRow(zr, func(f []string) {
		lat, _ := strconv.ParseFloat(field(f, 3), 64)
		lon, _ := strconv.ParseFloat(field(f, 4), 64)
		pop, _ := strconv.Atoi(field(f, 7))
		p := Place{ID: f[0], Name: field(f, 1), AltNames: splitList(field(f, 2)), Lat: lat, Lon: lon,
			Admin1: field(f, 6), Population: pop, Feature: field(f, 8)}
		if c, ok := CountryByCode(field(f, 5)); ok {
			p.Country = c.Alpha3
		}
		i := len(gazetteer.places)
		gazetteer.places = append(gazetteer.places, p)
		for _, n := range append([]string{p.Name}, p.AltNames...) {
			k := data.NormaliseName(n)
			if l := gazetteer.byName[k]; len(l) == 0 || l[len(l)-1] != i {
				gazetteer.byName[k] = append(l, i)
			}
		}
	})
	for k := range gazetteer.byName {
		gazetteer.keys = append(gazetteer.keys, k)
	}
	sort.Strings(gazetteer.keys)
}

func gazetteerData() *gazetteerTable {
	gazetteerOnce.Do(loadGazetteer)
	return &gazetteer
}

// PlacesNamed returns the places called exactly name (any spelling), the
// likelier first: capitals, then by population.
func PlacesNamed(name string) []Place {
	d := gazetteerData()
	var out []Place
	for _, i := range d.byName[data.NormaliseName(name)] {
		out = append(out, d.places[i])
	}
	rankPlaces(out)
	return out
}

// HanPairStarts reports whether the name of some place or country written
// in Chinese characters starts with the characters a and b: a cheap test
// before looking up every run of characters that might be one (Chinese has
// no spaces between words). The pairs are gathered once.
func HanPairStarts(a, b rune) bool {
	hanPairsOnce.Do(gatherHanPairs)
	_, ok := hanPairs[[2]rune{a, b}]
	return ok
}

var (
	hanPairsOnce sync.Once
	hanPairs     map[[2]rune]struct{}
)

func gatherHanPairs() {
	hanPairs = map[[2]rune]struct{}{}
	for _, keys := range [][]string{gazetteerData().keys, countryData().keys} {
		for _, k := range keys {
			rs := []rune(k)
			if len(rs) >= 2 && unicode.Is(unicode.Han, rs[0]) {
				hanPairs[[2]rune{rs[0], rs[1]}] = struct{}{}
			}
		}
	}
}

// SearchPlaces finds places one of whose names starts with the query
// ("beij" finds Beijing), the likelier first, at most limit of them.
func SearchPlaces(query string, limit int) []Place {
	d := gazetteerData()
	q := data.NormaliseName(query)
	if q == "" {
		return nil
	}
	seen := map[int]bool{}
	var out []Place
	for k := sort.SearchStrings(d.keys, q); k < len(d.keys) && strings.HasPrefix(d.keys[k], q); k++ {
		for _, i := range d.byName[d.keys[k]] {
			if !seen[i] {
				seen[i] = true
				out = append(out, d.places[i])
			}
		}
	}
	rankPlaces(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func rankPlaces(ps []Place) {
	sort.SliceStable(ps, func(i, j int) bool {
		ci, cj := ps[i].Feature == "PPLC", ps[j].Feature == "PPLC"
		if ci != cj {
			return ci
		}
		return ps[i].Population > ps[j].Population
	})
}

// LargestPlaces are the n most populous places of the gazetteer: the
// towns a map names.
func LargestPlaces(n int) []Place {
	out := slices.Clone(gazetteerData().places)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Population > out[j].Population })
	return out[:min(n, len(out))]
}
