package codebook

import (
	"testing"
)

func TestCAMEOCodesAreComplete(t *testing.T) {
	codes := CAMEOCodes()
	if len(codes) != 312 {
		t.Fatalf("%d CAMEO codes, want 312", len(codes))
	}
	c, ok := CAMEO("042")
	if !ok || c.Name != "Make a visit" || c.QuadClass != 1 || c.Goldstein != 1.9 || c.Type != "CONSULT" || c.Mode != "visit" {
		t.Fatalf("042 = %+v", c)
	}
	if c, _ := CAMEO("036"); c.Type != "AGREE" {
		t.Fatalf("036 maps to %q", c.Type)
	}
	// A code the crosswalk does not list maps through its root; PLOVER has
	// no type for CAMEO's statements (01) and appeals (02).
	for _, c := range codes {
		if c.Type == "" && c.Code[:2] != "01" && c.Code[:2] != "02" {
			t.Errorf("CAMEO %s has no PLOVER type", c.Code)
		}
	}
}

func TestSearchCAMEOByWords(t *testing.T) {
	got := map[string]bool{}
	for _, c := range SearchCAMEO("visit") {
		got[c.Code] = true
	}
	if !got["042"] || !got["043"] {
		t.Fatalf("'visit' found %v", got)
	}
	if r := SearchCAMEO("04"); len(r) < 7 || r[0].Code != "04" {
		t.Fatalf("code prefix search: %+v", r)
	}
}

func TestPLOVERTypes(t *testing.T) {
	if n := len(Types()); n != 16 {
		t.Fatalf("%d PLOVER types, want 16", n)
	}
	consult, ok := Type("consult")
	if !ok || !consult.HasMode("visit") {
		t.Fatalf("CONSULT = %+v", consult)
	}
	if len(Contexts()) != 37 || !IsContext("military") {
		t.Fatalf("contexts: %d", len(Contexts()))
	}
	found := false
	for _, m := range SearchTypes("visit") {
		found = found || m.Label() == "CONSULT-visit"
	}
	if !found {
		t.Fatalf("'visit' did not find CONSULT-visit: %+v", SearchTypes("visit"))
	}
}

func TestCountries(t *testing.T) {
	ru, ok := CountryByCode("RU")
	if !ok || ru.Alpha3 != "RUS" || ru.Name != "Russia" {
		t.Fatalf("RU = %+v", ru)
	}
	cn, _ := CountryByCode("chn")
	if cn.Demonyms[0] != "Chinese" || cn.Capitals[0] != "Beijing" {
		t.Fatalf("CHN = %+v", cn)
	}
	if r := SearchCountries("russian"); len(r) == 0 || r[0].Alpha3 != "RUS" {
		t.Fatalf("demonym search: %+v", r)
	}
	if n := len(Countries()); n != 250 {
		t.Fatalf("%d countries", n)
	}
}

func TestGazetteer(t *testing.T) {
	p := PlacesNamed("Beijing")
	if len(p) == 0 || p[0].Country != "CHN" || p[0].Lat < 39.9 || p[0].Lat > 40 || p[0].Lon < 116.3 || p[0].Lon > 116.5 {
		t.Fatalf("Beijing = %+v", p)
	}
	if p[0].Label() != "Beijing, China" {
		t.Fatalf("label %q", p[0].Label())
	}
	if k := SearchPlaces("kabu", 5); len(k) == 0 || k[0].Name != "Kabul" || k[0].Country != "AFG" {
		t.Fatalf("kabu = %+v", k)
	}
	if pk := PlacesNamed("Peking"); len(pk) == 0 || pk[0].ID != p[0].ID {
		t.Fatalf("alternate name Peking = %+v", pk)
	}
}

func BenchmarkGazetteerSearch(b *testing.B) {
	SearchPlaces("x", 1)
	for b.Loop() {
		SearchPlaces("mos", 10)
	}
}
