package codebook

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Country is one ISO 3166 country with the names an article may use for it.
type Country struct {
	Alpha2, Alpha3 string
	Name, Official string
	Demonyms       []string // "Russian"
	FrenchDemonyms []string // "Russe"
	Capitals       []string
	AltNames       []string
	Lat, Lon       float64
}

type countryTable struct {
	list   []Country
	byCode map[string]int
	byName map[string]int // lower-case name, official name or spelling
	keys   []string       // the byName keys, sorted, for prefix search
}

var (
	countriesOnce sync.Once
	countries     countryTable
)

func loadCountries() {
	countries.byCode = map[string]int{}
	rc := readAsset("countries.tsv")
	defer rc.Close()
	forEachRow(rc, func(f []string) {
		lat, _ := strconv.ParseFloat(field(f, 7), 64)
		lon, _ := strconv.ParseFloat(field(f, 8), 64)
		c := Country{Alpha2: f[0], Alpha3: field(f, 1), Name: field(f, 2), Official: field(f, 3),
			Demonyms: splitList(field(f, 4)), Capitals: splitList(field(f, 5)), AltNames: splitList(field(f, 6)), Lat: lat, Lon: lon, FrenchDemonyms: splitList(field(f, 9))}
		countries.byCode[c.Alpha2] = len(countries.list)
		countries.byCode[c.Alpha3] = len(countries.list)
		countries.list = append(countries.list, c)
	})
	sort.SliceStable(countries.list, func(i, j int) bool { return countries.list[i].Name < countries.list[j].Name })
	countries.byName = map[string]int{}
	for i, c := range countries.list {
		countries.byCode[c.Alpha2], countries.byCode[c.Alpha3] = i, i
		for _, n := range append([]string{c.Name, c.Official}, c.AltNames...) {
			if _, taken := countries.byName[strings.ToLower(n)]; !taken {
				countries.byName[strings.ToLower(n)] = i
			}
		}
	}
	for k := range countries.byName {
		countries.keys = append(countries.keys, k)
	}
	sort.Strings(countries.keys)
}

func countryData() *countryTable {
	countriesOnce.Do(loadCountries)
	return &countries
}

// Countries returns every country, sorted by common name.
func Countries() []Country { return append([]Country(nil), countryData().list...) }

// CountryByCode looks a country up by its alpha-2 or alpha-3 code.
func CountryByCode(code string) (Country, bool) {
	d := countryData()
	i, ok := d.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return d.list[i], true
}

// shortNames are the names English news commonly uses where the ISO name
// differs (a renamed country, an abbreviation).
var shortNames = map[string]string{
	"Turkey": "TUR", "Ivory Coast": "CIV", "Czech Republic": "CZE", "Burma": "MMR", "Swaziland": "SWZ",
	"Macedonia": "MKD", "Cape Verde": "CPV", "East Timor": "TLS", "Holland": "NLD", "Britain": "GBR",
	"Great Britain": "GBR", "UK": "GBR", "U.K.": "GBR", "US": "USA", "U.S.": "USA", "America": "USA",
	"USA": "USA", "U.S": "USA", "U.K": "GBR", "UAE": "ARE", "North Korea": "PRK", "South Korea": "KOR", "Syria": "SYR", "Iran": "IRN",
	"Vatican": "VAT", "Laos": "LAO", "Moldova": "MDA", "Palestine": "PSE", "Gaza": "PSE",
}

// CountryNamed returns the country a name (or common short name) means.
func CountryNamed(name string) (Country, bool) {
	if code, ok := shortNames[name]; ok {
		return CountryByCode(code)
	}
	d := countryData()
	if i, ok := d.byName[strings.ToLower(name)]; ok {
		return d.list[i], true
	}
	return Country{}, false
}

// SearchCountries finds countries by code, name, official name, demonym or
// alternative spelling ("chin" finds China, "russian" finds Russia).
func SearchCountries(query string) []Country {
	qw := words(query)
	var out []Country
	for _, c := range countryData().list {
		if strings.EqualFold(query, c.Alpha3) || strings.EqualFold(query, c.Alpha2) {
			out = append(out, c)
			continue
		}
		for _, n := range append(append([]string{c.Name, c.Official}, c.Demonyms...), c.AltNames...) {
			if matchesWords(qw, words(n)) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}
