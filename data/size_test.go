package data

import "testing"

func TestParseCount(t *testing.T) {
	for in, want := range map[string]int{"0": 0, "12": 12, " 12 ": 12, "1,200": 1200, "1 200": 1200, "1.200": 1200, "12.0": 12, "1,234,567": 1234567, "1\u00a0200": 1200} {
		n, err := ParseCount(in)
		if err != nil || n == nil || *n != want {
			t.Errorf("ParseCount(%q) = %v, %v; want %d", in, n, err, want)
		}
	}
	if n, err := ParseCount(""); n != nil || err != nil {
		t.Errorf("an empty count is not reported: %v %v", n, err)
	}
	for _, in := range []string{"-3", "2.5", "twelve", "12 people", "1,20", "99999999", "+4", "1e3"} {
		if n, err := ParseCount(in); err == nil {
			t.Errorf("ParseCount(%q) = %d, want an error", in, *n)
		}
	}
}

func TestSizeCheckAndLabel(t *testing.T) {
	twelve, none, neg := 12, 0, -1
	s := Size{Fatalities: &twelve, Arrested: &none}
	if err := s.Check(); err != nil || s.Label() != "12 killed, 0 arrested" {
		t.Fatalf("check %v, label %q", err, s.Label())
	}
	if err := (Size{Injured: &neg}).Check(); err == nil {
		t.Fatal("a negative count was taken")
	}
}
