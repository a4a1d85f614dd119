package data

import (
	"fmt"
	"time"
)

// DateLayout is how dates are stored: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParsePartialDate reads "2025-02-28", "2023-12" or "2023" and returns the
// first and last day it covers with the matching precision.
func ParsePartialDate(s string) (first, last time.Time, precision string, err error) {
	for _, f := range []struct {
		layout, precision string
		years, months     int
		days              int
	}{
		{DateLayout, PrecisionDay, 0, 0, 1},
		{"2006-01", PrecisionMonth, 0, 1, 0},
		{"2006", PrecisionYear, 1, 0, 0},
	} {
		if t, e := time.Parse(f.layout, s); e == nil && len(s) == len(f.layout) {
			return t, t.AddDate(f.years, f.months, f.days-1), f.precision, nil
		}
	}
	return time.Time{}, time.Time{}, "", fmt.Errorf("%q is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// NormaliseEventDate expands a partial start or end date to full days and
// fills a missing precision; it checks that the end is not before the start.
func NormaliseEventDate(d EventDate) (EventDate, error) {
	if d.Start == "" && d.End == "" {
		return d, nil
	}
	if d.Start == "" {
		return d, fmt.Errorf("the date has an end (%s) but no start", d.End)
	}
	first, last, prec, err := ParsePartialDate(d.Start)
	if err != nil {
		return d, err
	}
	if d.End != "" {
		if _, last, _, err = ParsePartialDate(d.End); err != nil {
			return d, err
		}
		if last.Before(first) {
			return d, fmt.Errorf("the end date %s is before the start date %s", d.End, d.Start)
		}
		if d.Precision == "" && !last.Equal(first) && prec == PrecisionDay {
			prec = PrecisionRange
		}
	}
	if d.Precision == "" {
		d.Precision = prec
	}
	d.Start = first.Format(DateLayout)
	if last.Equal(first) {
		d.End = ""
	} else {
		d.End = last.Format(DateLayout)
	}
	return d, nil
}
