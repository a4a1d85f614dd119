package when

import (
	"testing"

	"dossier/data"
)

func TestResolve(t *testing.T) {
	const sunday = "2025-03-02"
	cases := []struct {
		expr string
		want data.EventDate
	}{
		{"on Friday", data.EventDate{Start: "2025-02-28", Precision: "day", Raw: "on Friday"}},
		{"Sunday", data.EventDate{Start: "2025-03-02", Precision: "day", Raw: "Sunday"}},
		{"In December 2023", data.EventDate{Start: "2023-12-01", End: "2023-12-31", Precision: "month", Raw: "In December 2023"}},
		{"2025-02-28", data.EventDate{Start: "2025-02-28", Precision: "day", Raw: "2025-02-28"}},
		{"28 February 2025", data.EventDate{Start: "2025-02-28", Precision: "day", Raw: "28 February 2025"}},
		{"March 1", data.EventDate{Start: "2025-03-01", Precision: "day", Raw: "March 1"}},
		{"yesterday", data.EventDate{Start: "2025-03-01", Precision: "day", Raw: "yesterday"}},
		{"last week", data.EventDate{Start: "2025-02-17", End: "2025-02-23", Precision: "week", Raw: "last week"}},
		{"in 2024", data.EventDate{Start: "2024-01-01", End: "2024-12-31", Precision: "year", Raw: "in 2024"}},
		{"next Friday", data.EventDate{Start: "2025-03-07", Precision: "day", Raw: "next Friday"}},
		{"tomorrow", data.EventDate{Start: "2025-03-03", Precision: "day", Raw: "tomorrow"}},
		{"next week", data.EventDate{Start: "2025-03-03", End: "2025-03-09", Precision: "week", Raw: "next week"}},
		{"next month", data.EventDate{Start: "2025-04-01", End: "2025-04-30", Precision: "month", Raw: "next month"}},
	}
	for _, c := range cases {
		got, err := Resolve(c.expr, sunday)
		if err != nil || got != c.want {
			t.Errorf("%q → %+v, %v; want %+v", c.expr, got, err, c.want)
		}
	}
	if _, err := Resolve("during his trip", sunday); err == nil {
		t.Error("an expression with no date was resolved")
	}
	if _, err := Resolve("on Friday", ""); err == nil {
		t.Error("a weekday was resolved without the article's date")
	}
}

func TestRanges(t *testing.T) {
	const sunday = "2025-03-02"
	for _, c := range []struct{ expr, start, end string }{
		{"5-6 April 2016", "2016-04-05", "2016-04-06"},
		{"from 3 to 7 June", "2025-06-03", "2025-06-07"},
		{"between March and May 2024", "2024-03-01", "2024-05-31"},
		{"from 2011 to 2014", "2011-01-01", "2014-12-31"},
		{"28 February – 2 March 2025", "2025-02-28", "2025-03-02"},
	} {
		got, err := Resolve(c.expr, sunday)
		if err != nil || got.Start != c.start || got.End != c.end || got.Precision != data.PrecisionRange || got.Raw != c.expr {
			t.Errorf("%q → %+v, %v; want %s to %s, a range", c.expr, got, err, c.start, c.end)
		}
	}
	for _, bad := range []string{"from 9 to 2 March 2025", "3 to 7", "2 and 3 percent"} {
		if got, err := Resolve(bad, sunday); err == nil {
			t.Errorf("%q was read as %+v", bad, got)
		}
	}
}
