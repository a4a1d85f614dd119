package data

import "testing"

func TestGradesAsAnalystsWriteThem(t *testing.T) {
	for in, want := range map[string]Grade{"B2": {"B", "2"}, " b 2 ": {"B", "2"}, "C": {"C", ""}, "3": {"", "3"}, "?4": {"", "4"}, "A?": {"A", ""}, "": {}} {
		g, err := ParseGrade(in)
		if err != nil || g != want {
			t.Errorf("ParseGrade(%q) = %+v, %v; want %+v", in, g, err, want)
		}
	}
	for _, bad := range []string{"G2", "B7", "B22", "2B", "AB", "0"} {
		if _, err := ParseGrade(bad); err == nil {
			t.Errorf("ParseGrade(%q) took it", bad)
		}
	}
	for g, want := range map[Grade]string{{"B", "2"}: "B2", {"B", ""}: "B?", {"", "3"}: "?3", {}: ""} {
		if g.String() != want {
			t.Errorf("%+v prints %q, want %q", g, g.String(), want)
		}
	}
	if w := (Grade{"B", "2"}).Words(); w != "usually reliable, probably true" {
		t.Errorf("B2 in words: %q", w)
	}
}

// "B3 or better" keeps A1 to B3; an ungraded half, and the "cannot be
// judged" grades, do not pass a filter on that half.
func TestGradeAtLeast(t *testing.T) {
	min := Grade{"B", "3"}
	for g, want := range map[Grade]bool{{"A", "1"}: true, {"B", "3"}: true, {"C", "1"}: false, {"A", "4"}: false,
		{"", "1"}: false, {"A", ""}: false, {"F", "1"}: false, {"A", "6"}: false} {
		if g.AtLeast(min) != want {
			t.Errorf("%s at least B3: %v, want %v", g, !want, want)
		}
	}
	if !(Grade{}).AtLeast(Grade{}) || !(Grade{"E", ""}).AtLeast(Grade{Credibility: ""}) || !(Grade{"", "2"}).AtLeast(Grade{Credibility: "2"}) {
		t.Error("a filter on one half looks at the other")
	}
}
