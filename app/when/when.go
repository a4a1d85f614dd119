// Package when reads date expressions as articles write them ("on
// Friday", "In December 2023", "last week") against the article's date.
package when

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dossier/data"
)

var (
	weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}
	months = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

	monthPattern = `(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`
	reISO        = regexp.MustCompile(`^(\d{4})-(\d{2})(?:-(\d{2}))?$`)
	reDayMonth   = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPattern + `(?:,?\s+(\d{4}))?$`)
	reMonthDay   = regexp.MustCompile(`^` + monthPattern + `\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	reMonthYear  = regexp.MustCompile(`^` + monthPattern + `(?:\s+of)?\s+(\d{4})$`)
	reYear       = regexp.MustCompile(`^(\d{4})$`)
	fillers      = regexp.MustCompile(`^(?:(?:on|in|at|during|since|from|by|early|late|mid|the)\s+)+`)
)

// Resolve reads a date expression as an analyst selects it ("on
// Friday", "In December 2023", "2025-02-28", "yesterday", "last week") and
// resolves it against the article's published date (YYYY-MM-DD, may be
// empty). The raw expression is kept in the result.
func Resolve(expr, published string) (data.EventDate, error) {
	raw := strings.TrimSpace(expr)
	s := strings.ToLower(strings.Trim(raw, " .,;:"))
	s = fillers.ReplaceAllString(s, "")
	var ref time.Time
	if published != "" {
		ref, _ = time.Parse(data.DateLayout, published)
	}
	d, ok := single(s, ref)
	if !ok {
		d, ok = dateRange(s, ref)
	}
	if !ok {
		return data.EventDate{Raw: raw}, fmt.Errorf("%q is not a date Dossier can read; type it as YYYY-MM-DD, YYYY-MM or YYYY", raw)
	}
	d.Raw = raw
	return data.NormaliseEventDate(d)
}

func single(s string, ref time.Time) (data.EventDate, bool) {
	if d, ok := absoluteDate(s, ref); ok {
		return d, true
	}
	return relativeDate(s, ref)
}

// reRange splits "5-6 April 2016", "3 to 7 June", "between March and May
// 2024", "2011–2014" into their two ends.
var reRange = regexp.MustCompile(`^(?:between\s+)?(.+?)\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\btill\b)\s*(.+)$`)

// dateRange reads two dates joined by "to", "and" or a dash; the first may
// borrow its month and year from the second ("5-6 April 2016").
func dateRange(s string, ref time.Time) (data.EventDate, bool) {
	m := reRange.FindStringSubmatch(s)
	if m == nil {
		return data.EventDate{}, false
	}
	to, ok := single(m[2], ref)
	if !ok {
		return data.EventDate{}, false
	}
	from, ok := single(m[1], ref)
	switch {
	case ok:
	case reDay.MatchString(m[1]) && len(to.Start) == len(data.DateLayout):
		from, ok = data.EventDate{Start: fmt.Sprintf("%s-%02d", to.Start[:7], atoi(strings.TrimRight(m[1], "stndrh")))}, true
	case reMonth.MatchString(m[1]) && len(to.Start) >= 4:
		from, ok = data.EventDate{Start: fmt.Sprintf("%s-%02d", to.Start[:4], months[strings.TrimSuffix(m[1], ".")[:3]])}, true
	}
	if !ok {
		return data.EventDate{}, false
	}
	end := to.Start
	if to.End != "" {
		end = to.End
	}
	return data.EventDate{Start: from.Start, End: end, Precision: data.PrecisionRange}, true
}

var (
	reDay   = regexp.MustCompile(`^\d{1,2}(?:st|nd|rd|th)?$`)
	reMonth = regexp.MustCompile(`^` + monthPattern + `$`)
)

func absoluteDate(s string, ref time.Time) (data.EventDate, bool) {
	if m := reISO.FindStringSubmatch(s); m != nil {
		if m[3] == "" {
			return data.EventDate{Start: m[1] + "-" + m[2], Precision: data.PrecisionMonth}, true
		}
		return data.EventDate{Start: s, Precision: data.PrecisionDay}, true
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		return data.EventDate{Start: m[1], Precision: data.PrecisionYear}, true
	}
	if m := reMonthYear.FindStringSubmatch(s); m != nil {
		return data.EventDate{Start: fmt.Sprintf("%s-%02d", m[2], months[m[1][:3]]), Precision: data.PrecisionMonth}, true
	}
	day, mon, year := "", "", ""
	if m := reDayMonth.FindStringSubmatch(s); m != nil {
		day, mon, year = m[1], m[2], m[3]
	} else if m := reMonthDay.FindStringSubmatch(s); m != nil {
		day, mon, year = m[2], m[1], m[3]
	} else {
		return data.EventDate{}, false
	}
	if year == "" {
		if ref.IsZero() {
			return data.EventDate{}, false
		}
		year = strconv.Itoa(ref.Year())
	}
	d, _ := strconv.Atoi(day)
	t := time.Date(atoi(year), months[mon[:3]], d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return data.EventDate{}, false
	}
	return data.EventDate{Start: t.Format(data.DateLayout), Precision: data.PrecisionDay}, true
}

// relativeDate resolves expressions that need the article's date.
func relativeDate(s string, ref time.Time) (data.EventDate, bool) {
	if ref.IsZero() {
		return data.EventDate{}, false
	}
	day := func(t time.Time) (data.EventDate, bool) {
		return data.EventDate{Start: t.Format(data.DateLayout), Precision: data.PrecisionDay}, true
	}
	if rest, ok := strings.CutPrefix(s, "next "); ok {
		return nextDate(rest, ref)
	}
	s = strings.TrimPrefix(s, "last ")
	switch s {
	case "today", "this morning", "tonight", "this evening":
		return day(ref)
	case "tomorrow":
		return day(ref.AddDate(0, 0, 1))
	case "yesterday", "last night":
		return day(ref.AddDate(0, 0, -1))
	case "week":
		start := ref.AddDate(0, 0, -int((ref.Weekday()+6)%7)-7) // Monday of the week before
		return data.EventDate{Start: start.Format(data.DateLayout), End: start.AddDate(0, 0, 6).Format(data.DateLayout), Precision: data.PrecisionWeek}, true
	case "month":
		return data.EventDate{Start: ref.AddDate(0, -1, 1-ref.Day()).Format("2006-01"), Precision: data.PrecisionMonth}, true
	case "year":
		return data.EventDate{Start: strconv.Itoa(ref.Year() - 1), Precision: data.PrecisionYear}, true
	}
	if wd, ok := weekdays[s]; ok {
		back := (int(ref.Weekday()) - int(wd) + 7) % 7
		return day(ref.AddDate(0, 0, -back))
	}
	return data.EventDate{}, false
}

// nextDate resolves "next Friday" (the first Friday after the article's
// date), "next week", "next month" and "next year".
func nextDate(s string, ref time.Time) (data.EventDate, bool) {
	switch s {
	case "week":
		start := ref.AddDate(0, 0, 7-int((ref.Weekday()+6)%7)) // Monday of the week after
		return data.EventDate{Start: start.Format(data.DateLayout), End: start.AddDate(0, 0, 6).Format(data.DateLayout), Precision: data.PrecisionWeek}, true
	case "month":
		return data.EventDate{Start: ref.AddDate(0, 1, 1-ref.Day()).Format("2006-01"), Precision: data.PrecisionMonth}, true
	case "year":
		return data.EventDate{Start: strconv.Itoa(ref.Year() + 1), Precision: data.PrecisionYear}, true
	}
	wd, ok := weekdays[s]
	if !ok {
		return data.EventDate{}, false
	}
	ahead := (int(wd)-int(ref.Weekday())+6)%7 + 1
	return data.EventDate{Start: ref.AddDate(0, 0, ahead).Format(data.DateLayout), Precision: data.PrecisionDay}, true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
