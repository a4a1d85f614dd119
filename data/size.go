package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Size counts the people an event killed, injured or arrested; nil means
// the sources do not say (not reported), 0 that they say none.
type Size struct {
	Fatalities *int `json:"fatalities,omitempty"`
	Injured    *int `json:"injured,omitempty"`
	Arrested   *int `json:"arrested,omitempty"`
}

// MaxCount bounds a count of people: the deadliest single events on
// record are far below it, so anything above is a typing slip.
const MaxCount = 10_000_000

// SizeFields names the counts as the window, the exports and the error
// messages do, in the order they are shown.
var SizeFields = []string{"fatalities", "injured", "arrested"}

// SizeWords say each count of SizeFields after its number: "12 killed".
var SizeWords = []string{"killed", "injured", "arrested"}

// Field is one of the counts by its name in SizeFields.
func (s *Size) Field(name string) **int {
	switch name {
	case "fatalities":
		return &s.Fatalities
	case "injured":
		return &s.Injured
	case "arrested":
		return &s.Arrested
	}
	panic("data: no count named " + name)
}

// Check refuses a negative count or one beyond MaxCount.
func (s Size) Check() error {
	for _, name := range SizeFields {
		if n := *s.Field(name); n != nil && (*n < 0 || *n > MaxCount) {
			return fmt.Errorf("%d %s is not a count of people (0 to %d)", *n, name, MaxCount)
		}
	}
	return nil
}

// Label says the counts reported, "12 killed, 3 injured", or "".
func (s Size) Label() string {
	var parts []string
	for i, name := range SizeFields {
		if n := *s.Field(name); n != nil {
			parts = append(parts, strconv.Itoa(*n)+" "+SizeWords[i])
		}
	}
	return strings.Join(parts, ", ")
}

// countPattern is a whole number, its digits perhaps grouped by threes
// ("1,200", "1 200", "1.200"), or as a spreadsheet may write it ("12.0").
var countPattern = regexp.MustCompile(`^(\d+|\d{1,3}([,.' \x{a0}\x{202f}]\d{3})+)([.,]0+)?$`)

// ParseCount reads a count as an analyst types it or a workbook holds it:
// "" is not reported, "0" none.
func ParseCount(s string) (*int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	m := countPattern.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("%q is not a number of people (leave it empty when the sources do not say)", s)
	}
	digits := strings.Map(func(r rune) rune {
		if r < '0' || r > '9' {
			return -1
		}
		return r
	}, m[1])
	n, err := strconv.Atoi(digits)
	if err != nil || n > MaxCount {
		return nil, fmt.Errorf("%s people is more than any event (at most %d)", s, MaxCount)
	}
	return &n, nil
}

// CountText is a count as the form and the workbook show it ("" when not
// reported).
func CountText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
