package suggest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier/app/when"
	"dossier/data"
)

// Dates in the other languages analysts read: each expression is read into
// the English one it stands for ("в пятницу" is "on Friday", "2 марта 2025
// года" is "2 March 2025", "上周五" is "last Friday") and resolved against
// the article's date as English ones are. The words are ours: month and
// weekday names, and the few words of yesterday, today and last week.

// monthForms are the forms of each month's name (a stem takes any ending:
// Russian "марта", "марте").
var monthForms = [12]string{
	`январ\p{L}*|січ\p{L}*|janvier|januar|enero|يناير|كانون الثاني`,
	`феврал\p{L}*|лют\p{L}*|février|februar|febrero|فبراير|شباط`,
	`март\p{L}*|берез\p{L}*|mars|märz|marzo|مارس|آذار`,
	`апрел\p{L}*|квіт\p{L}*|avril|april|abril|أبريل|إبريل|نيسان`,
	`ма[яйе]|трав\p{L}*|mai|mayo|مايو|أيار`,
	`июн\p{L}*|черв\p{L}*|juin|juni|junio|يونيو|حزيران`,
	`июл\p{L}*|лип\p{L}*|juillet|juli|julio|يوليو|تموز`,
	`август\p{L}*|серп\p{L}*|août|agosto|أغسطس|آب`,
	`сентябр\p{L}*|верес\p{L}*|septembre|septiembre|سبتمبر|أيلول`,
	`октябр\p{L}*|жовт\p{L}*|octobre|oktober|octubre|أكتوبر|تشرين الأول`,
	`ноябр\p{L}*|листопад\p{L}*|novembre|noviembre|نوفمبر|تشرين الثاني`,
	`декабр\p{L}*|груд\p{L}*|décembre|dezember|diciembre|ديسمبر|كانون الأول`,
}

// weekdayForms are each weekday's names, Monday first, with the words
// before them that mean "on" (kept in the span, as "on Friday" is).
var weekdayForms = [7]string{
	`понедельник|понеділ\p{L}*|lundi|montag|lunes|الاثنين|الإثنين`,
	`вторник|вівтор\p{L}*|mardi|dienstag|martes|الثلاثاء`,
	`сред[уаы]|серед\p{L}*|mercredi|mittwoch|miércoles|الأربعاء`,
	`четверг|четвер\p{L}*|jeudi|donnerstag|jueves|الخميس`,
	`пятниц[уаы]|п['’]ятниц\p{L}*|vendredi|freitag|viernes|الجمعة`,
	`суббот[уаы]|субот\p{L}*|samedi|samstag|sonnabend|sábado|السبت`,
	`воскресень[ея]|неділ\p{L}*|dimanche|sonntag|domingo|الأحد`,
}

var englishWeekdays = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// relativeWords are the words of days and weeks around the article's.
var relativeWords = map[string]string{
	"вчера": "yesterday", "сегодня": "today", "завтра": "tomorrow", "вчора": "yesterday", "сьогодні": "today",
	"aujourd'hui": "today", "demain": "tomorrow", // not "hier": German reads it as "here"
	"gestern": "yesterday", "heute": "today",
	"ayer": "yesterday", "hoy": "today",
	"أمس": "yesterday", "الأمس": "yesterday", "اليوم": "today", "غدا": "tomorrow",
	"昨天": "yesterday", "今天": "today", "明天": "tomorrow", "昨日": "yesterday", "今日": "today",
	"на прошлой неделе": "last week", "минулого тижня": "last week", "la semaine dernière": "last week",
	"letzte woche": "last week", "vergangene woche": "last week", "la semana pasada": "last week",
	"الأسبوع الماضي": "last week", "上周": "last week", "去年": "last year", "上个月": "last month",
}

const wordStart = `(?:^|[^\p{L}\p{N}])`

var (
	monthAlt   = strings.Join(monthForms[:], "|")
	weekdayAlt = strings.Join(weekdayForms[:], "|")
	// foreignDatePatterns: a day with its month (and year), a month with
	// its year, a Chinese date, a weekday, a relative word; the span
	// starts at the group.
	foreignDatePatterns = []struct {
		re         *regexp.Regexp
		confidence float64
		english    func(m []string, published string) string
		cues       cues // every match holds one: a cheap test first, and the stretches of a long text read
	}{
		{regexp.MustCompile(`((\d{4})年(\d{1,2})月(\d{1,2})日)`), 0.95, func(m []string, _ string) string { return m[2] + "-" + pad(m[3]) + "-" + pad(m[4]) }, cues{words: []string{"年"}}},
		{regexp.MustCompile(`(?i)` + wordStart + `((\d{1,2})\.?\s+(?:de\s+)?(` + monthAlt + `)(?:\s+(?:de\s+)?(\d{4})(?:\s+(?:года|г\.|року|р\.))?)?)`), 0.9,
			func(m []string, _ string) string {
				return strings.TrimSpace(m[2] + " " + englishMonth(m[3]) + " " + m[4])
			}, monthCues},
		{regexp.MustCompile(`(?i)` + wordStart + `((?:в|у|en|im|in|au mois de|في)?\s*(` + monthAlt + `)(?:\s+(?:de\s+)?(\d{4})(?:\s+(?:года|г\.|року|р\.))?))`), 0.85,
			func(m []string, _ string) string { return englishMonth(m[2]) + " " + m[3] }, monthCues},
		{regexp.MustCompile(`((\d{1,2})月(\d{1,2})日)`), 0.85, func(m []string, _ string) string { return m[3] + " " + time.Month(atoiOr(m[2])).String() }, cues{words: []string{"月"}}},
		{regexp.MustCompile(`([上下]?(?:星期|周|礼拜)([一二三四五六日天]))`), 0.8, chineseWeekday, cues{words: []string{"星期", "周", "礼拜"}}},
		{regexp.MustCompile(`(?i)` + wordStart + `((?:в|во|у|am|el|يوم)?\s*(` + weekdayAlt + `)(?:\s+(?:dernier|prochain|pasado|próximo|الماضي|المقبل))?)`), 0.8, foreignWeekday, cues{words: stems(weekdayAlt), whole: wholeWord(weekdayAlt)}},
		{regexp.MustCompile(`(?i)` + wordStart + `(` + relativeAlt() + `)`), 0.75, func(m []string, _ string) string { return relativeWords[strings.ToLower(m[1])] }, cues{words: relativeCues(), whole: wholeWord(relativeAlt())}},
	}
)

var monthCues = cues{words: stems(monthAlt), whole: wholeWord(monthAlt)}

func relativeCues() []string {
	var out []string
	for w := range relativeWords {
		out = append(out, w)
	}
	return out
}

func relativeAlt() string {
	var ws []string
	for w := range relativeWords {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	// longest first, so that "la semaine dernière" wins over a word of it
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			if len(ws[j]) > len(ws[i]) || len(ws[j]) == len(ws[i]) && ws[j] < ws[i] {
				ws[i], ws[j] = ws[j], ws[i]
			}
		}
	}
	return strings.Join(ws, "|")
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func atoiOr(s string) int { n, _ := strconv.Atoi(s); return n }

// wholeForms are the forms of each month and weekday as whole words.
var monthsWhole, weekdaysWhole = wholeForms(monthForms[:]), wholeForms(weekdayForms[:])

func wholeForms(forms []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(forms))
	for i, f := range forms {
		out[i] = regexp.MustCompile(`(?i)^(?:` + f + `)$`)
	}
	return out
}

// englishMonth is the English name of a month's form in another language.
func englishMonth(form string) string {
	for i, re := range monthsWhole {
		if re.MatchString(form) {
			return time.Month(i + 1).String()
		}
	}
	return ""
}

func foreignWeekday(m []string, _ string) string {
	day := strings.ToLower(m[2])
	for i, re := range weekdaysWhole {
		if re.MatchString(day) {
			switch {
			case strings.Contains(m[1], "prochain") || strings.Contains(m[1], "próximo") || strings.Contains(m[1], "المقبل"):
				return "next " + englishWeekdays[i]
			case strings.Contains(m[1], "dernier") || strings.Contains(m[1], "pasado") || strings.Contains(m[1], "الماضي"):
				return "last " + englishWeekdays[i]
			}
			return englishWeekdays[i]
		}
	}
	return ""
}

// chineseWeekday reads 周五 (Friday), 上周五 (Friday of the week before
// the article's) and 下周五 (of the week after).
func chineseWeekday(m []string, published string) string {
	i := min(strings.Index("一二三四五六日天", m[2])/len("一"), 6)
	week := 0
	switch {
	case strings.HasPrefix(m[1], "上"):
		week = -1
	case strings.HasPrefix(m[1], "下"):
		week = 1
	}
	if week == 0 {
		return englishWeekdays[i]
	}
	ref, err := time.Parse(data.DateLayout, published)
	if err != nil {
		return ""
	}
	monday := ref.AddDate(0, 0, -int((ref.Weekday()+6)%7))
	return monday.AddDate(0, 0, 7*week+i).Format(data.DateLayout)
}

// runeCounter turns byte offsets, asked in increasing order, into code
// point offsets, counting each stretch once (not the text from its start
// for every match of a long article).
type runeCounter struct {
	text        string
	byte, runes int
}

func (c *runeCounter) at(b int) int {
	if b < c.byte {
		c.byte, c.runes = 0, 0
	}
	c.runes += utf8.RuneCountInString(c.text[c.byte:b])
	c.byte = b
	return c.runes
}

// foreignDates proposes the dates of other languages that resolve, where
// no date was found already.
func foreignDates(d *document, published string, taken map[int]bool, long bool) []Suggestion {
	var out []Suggestion
	lower := strings.ToLower(d.text)
	for _, p := range foreignDatePatterns {
		var windows []window
		if long {
			windows = cueWindows(d.text, lower, p.cues)
		}
		if windows != nil && len(windows) == 0 || windows == nil && !slices.ContainsFunc(p.cues.words, func(c string) bool { return strings.Contains(lower, c) }) {
			continue // none of its cues: the pattern cannot match
		}
		runes := runeCounter{text: d.text}
		for _, m := range matchesIn(p.re, d.text, windows) {
			at := 2 // the span is the first group
			if m[at] < 0 {
				continue
			}
			raw := strings.TrimSpace(d.text[m[at]:m[at+1]])
			from := m[at] + strings.Index(d.text[m[at]:m[at+1]], raw)
			if end := from + len(raw); end < len(d.text) {
				if r, _ := utf8.DecodeRuneInString(d.text[end:]); unicode.IsLetter(r) && !unicode.Is(unicode.Han, r) {
					continue // the middle of a word
				}
			}
			groups := make([]string, len(m)/2)
			for g := range groups {
				if m[2*g] >= 0 {
					groups[g] = d.text[m[2*g]:m[2*g+1]]
				}
			}
			english := p.english(groups, published)
			start := runes.at(from)
			end := start + utf8.RuneCountInString(raw)
			if english == "" || overlapsTaken(taken, start, end) {
				continue
			}
			r, err := when.Resolve(english, published)
			if err != nil {
				continue
			}
			for i := start; i < end; i++ {
				taken[i] = true
			}
			out = append(out, Suggestion{Kind: Date, Start: start, End: end, Text: raw, Confidence: p.confidence, Date: dateValue(r.Start, r.Precision), DateEnd: rangeLast(r), Precision: r.Precision})
		}
	}
	return out
}
