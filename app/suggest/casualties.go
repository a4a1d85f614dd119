package suggest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/data"
)

// Casualties: the people an event killed, injured and arrested, read from
// its sentence in every language the suggestions read. A count is a number
// as written ("12", "1,200", "twelve", "пятеро", "١٢") or a vague quantity
// by a conservative rule, ACLED's where it has one: "several" and "a few"
// are 3, "dozens" (and "tens of") 12, "scores" 20, "hundreds" 100,
// "thousands" 1,000; "more than 20" and "at least 20" are 20. It belongs
// to the word for killing, wounding or detaining that it stands next to:
// after it ("killed at least 12 people", "погибли 5 человек") or before
// it ("two soldiers were wounded", "dozens were detained"), a few words
// away at most, never across "and", a comma or a preposition, and never a
// year or a distance ("2025", "12 km").

// casualty counts, in the order of data.SizeFields
const (
	countKilled = iota
	countInjured
	countArrested
)

// casualtyLexicon is how one language reports the dead, the wounded and
// the detained.
type casualtyLexicon struct {
	cues    map[string]int  // whole lower-case words → the count they report
	numbers map[string]int  // number words and vague quantities
	times   map[string]int  // words that multiply the number before them ("two hundred")
	breaks  map[string]bool // words a count does not reach across
	units   map[string]bool // words after a number that make it no count of people
	prefix  string          // letters a word may carry in front (Arabic's و, ف, ب, ل)
}

// countCues lists the words for each count, "|" between them; "deaths?"
// stands for death and deaths.
func countCues(killed, injured, arrested string) map[string]int {
	m := map[string]int{}
	for kind, list := range []string{killed, injured, arrested} {
		for _, w := range strings.Split(list, "|") {
			if stem, ok := strings.CutSuffix(w, "?"); ok {
				m[stem[:len(stem)-1]] = kind
				w = stem
			}
			m[w] = kind
		}
	}
	return m
}

var casualtyLexicons = []casualtyLexicon{
	{ // English
		cues: countCues(`killed|killing|kills|kill|dead|died|dying|deaths?|fatalities|lives|slain|massacred|executed`,
			`injured|injuring|injuries|wounded|wounding|hurt`,
			`arrested|arresting|arrests|detained|detaining|detentions|detainees|captured|abducted|kidnapped`),
		numbers: map[string]int{"nobody": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
			"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
			"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
			"several": 3, "few": 3, "dozens": 12, "tens": 12, "scores": 20, "hundreds": 100, "thousands": 1000},
		times:  map[string]int{"hundred": 100, "thousand": 1000},
		breaks: wordSet("and or but while whereas in on near after before during by from since when with against into across"),
		units:  wordSet("years year km kilometres kilometers kilometre miles mile metres meters days day hours hour minutes percent per % times january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"),
	},
	{ // Russian
		cues: countCues(`погиб|погибла|погибли|погибло|погибших|погибшими|погибшие|убит|убита|убиты|убито|убили|убив|убивший|жертвами|жертвы|скончались|скончался`,
			`ранен|ранена|ранены|ранено|раненых|ранеными|ранили|пострадали|пострадало|пострадавших|пострадавшие|пострадал|травмы`,
			`задержан|задержана|задержаны|задержано|задержали|задержанных|арестован|арестована|арестованы|арестовано|арестовали|арестованных`),
		numbers: map[string]int{"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
			"двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "двенадцать": 12, "двадцать": 20, "тридцать": 30,
			"несколько": 3, "нескольких": 3, "десятки": 12, "десятков": 12, "сотни": 100, "сотен": 100, "тысячи": 1000},
		times:  map[string]int{"сотни": 100, "тысячи": 1000, "тысяч": 1000},
		breaks: wordSet("и а но в во на при после до из от с со у под над"),
		units:  wordSet("лет года год км километров километра метров дней дня часов процентов % раз января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
	},
	{ // Ukrainian
		cues: countCues(`загинув|загинула|загинули|загинуло|загиблих|загиблими|вбито|вбили|вбиті|убито|убили|загибель`,
			`поранений|поранені|поранено|поранених|пораненими|постраждали|постраждало|постраждалих|травмовані`,
			`затримано|затримали|затриманий|затримані|затриманих|заарештовано|заарештували|заарештовані`),
		numbers: map[string]int{"один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "п’ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10,
			"двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "кілька": 3, "кількох": 3, "десятки": 12, "десятків": 12, "сотні": 100, "сотень": 100},
		breaks: wordSet("і й та а але в у на при після до з із від під над"),
		units:  wordSet("років роки рік км кілометрів метрів днів годин відсотків % січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),
	},
	{ // French
		cues: countCues(`tué|tués|tuée|tuées|tuant|tue|morts?|mortes?|décès|décédés|péri|périssent|victimes`,
			`blessé|blessés|blessée|blessées|blessant`,
			`arrêté|arrêtés|arrêtées|arrestations|interpellé|interpellés|interpellées|interpellations|détenus|détenues|capturés|enlevés`),
		numbers: map[string]int{"aucun": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
			"onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
			"plusieurs": 3, "quelques": 3, "dizaines": 12, "douzaine": 12, "centaines": 100, "milliers": 1000},
		times:  map[string]int{"cent": 100, "cents": 100, "mille": 1000},
		breaks: wordSet("et ou mais dans à aux en près après avant lors par depuis pendant contre sur"),
		units:  wordSet("ans an km kilomètres mètres jours heures minutes % pour janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
	},
	{ // Spanish
		cues: countCues(`muertos?|muertas?|murieron|murió|fallecidos|fallecieron|asesinados|asesinadas|mató|mataron|matando|víctimas`,
			`heridos?|heridas?|hiriendo|hirió|lesionados`,
			`detenidos?|detenidas?|detuvo|detuvieron|arrestados?|arrestadas?|arrestó|arrestaron|capturados|secuestrados`),
		numbers: map[string]int{"ningún": 0, "ninguno": 0, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
			"once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100,
			"varios": 3, "varias": 3, "decenas": 12, "docena": 12, "cientos": 100, "centenares": 100, "miles": 1000},
		times:  map[string]int{"cientos": 100, "mil": 1000},
		breaks: wordSet("y e o pero en cerca tras durante por desde contra sobre"),
		units:  wordSet("años año km kilómetros metros días horas minutos % por enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
	},
	{ // German
		cues: countCues(`getötet|getöteten|tote|toten|tot|starben|gestorben|umgekommen|ermordet`,
			`verletzt|verletzte|verletzten|verwundet|verwundete|verwundeten`,
			`festgenommen|verhaftet|inhaftiert|festnahmen|gefangen|verschleppt|entführt`),
		numbers: map[string]int{"niemand": 0, "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
			"elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
			"mehrere": 3, "einige": 3, "dutzende": 12, "hunderte": 100, "tausende": 1000},
		times:  map[string]int{"hundert": 100, "tausend": 1000},
		breaks: wordSet("und oder aber in im bei nach an am durch von vom seit während gegen auf"),
		units:  wordSet("jahre jahren jahr km kilometer meter tage tagen stunden minuten prozent % januar februar märz april mai juni juli august september oktober november dezember"),
	},
	{ // Arabic
		cues: countCues(`قتل|قتلى|مقتل|قتيل|قتيلا|قتيلاً|قتلوا|لقي|لقوا|حتفهم|مصرع|وفاة|استشهاد|شهداء|شهيدا|قتلت`,
			`جرح|جرحى|جريح|جريحا|إصابة|اصابة|أصيب|اصيب|أصيبوا|مصابين|إصابات`,
			`اعتقال|اعتقل|اعتقلت|معتقلين|احتجاز|احتجز|احتجزت|اعتقالات|توقيف|أوقفت`),
		numbers: map[string]int{"واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10,
			"عدة": 3, "عدد": 3, "عشرات": 12, "مئات": 100, "آلاف": 1000},
		breaks: wordSet("في على إلى الى عند بعد قبل خلال منذ مع ضد"),
		units:  wordSet("عاما عاماً سنوات سنة كم كيلومتر كيلومترات متر أيام يوما ساعات دقائق بالمئة % يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر آذار نيسان أيار حزيران تموز آب أيلول تشرين شباط"),
		prefix: "وفبل",
	},
	{ // Persian
		cues: countCues(`کشته|کشتن|کشت|جان|باختند|درگذشت|کشتار`,
			`زخمی|مجروح|مصدوم`,
			`بازداشت|دستگیر|بازداشتی|زندانی`),
		numbers: map[string]int{"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
			"چند": 3, "چندین": 3, "ده\u200cها": 12, "دهها": 12, "صدها": 100, "هزاران": 1000},
		breaks: wordSet("و در به با پس پیش برای"),
		units:  wordSet("سال کیلومتر متر روز ساعت درصد %"),
	},
}

// countWord is one word of a sentence: where it is (bytes) and, lower case,
// what it says.
type countWord struct {
	start, end int
	text       string
}

var countToken = regexp.MustCompile(`\p{Nd}{1,3}(?:[,.٬\x{a0}\x{202f}]\p{Nd}{3})+|\p{Nd}+|[\p{L}\p{M}'’\x{200c}-]+|[^\s\p{L}\p{M}\p{Nd}]`)

// countWords splits a sentence into its words, numbers and marks, each
// in lower case where it stands; "no one" is one word, "nobody".
func countWords(sentence string) []countWord {
	var ws []countWord
	for _, loc := range countToken.FindAllStringIndex(sentence, -1) {
		w := countWord{loc[0], loc[1], strings.ToLower(sentence[loc[0]:loc[1]])}
		if n := len(ws); n > 0 && w.text == "one" && ws[n-1].text == "no" {
			ws[n-1] = countWord{ws[n-1].start, w.end, "nobody"}
			continue
		}
		ws = append(ws, w)
	}
	return ws
}

// casualties reads the counts a sentence gives, and the words that gave
// them ("killed at least 12 people; 30 wounded").
func casualties(sentence string) (data.Size, string) {
	if hasHan(sentence) {
		return chineseCasualties(sentence)
	}
	ws := countWords(sentence)
	var size data.Size
	var said []string
	used := map[int]bool{}
	for i := range ws {
		for _, lx := range casualtyLexicons {
			kind, ok := lx.cue(ws[i].text)
			if !ok || *size.Field(data.SizeFields[kind]) != nil {
				continue
			}
			n, at, ok := lx.countAfter(ws, i, used)
			if !ok {
				n, at, ok = lx.countBefore(ws, i, used)
			}
			if ok {
				used[at] = true
				*size.Field(data.SizeFields[kind]) = &n
				from, to := min(at, i), max(at, i)
				said = append(said, sentence[ws[from].start:ws[to].end])
			}
			break
		}
	}
	return size, strings.Join(said, "; ")
}

// cue says which count a word reports, if any.
func (lx casualtyLexicon) cue(w string) (int, bool) { return lx.find(lx.cues, w) }

// find looks a word up in one of the lexicon's lists, also without a
// letter it may carry in front (Arabic's "وإصابة" is "and injury").
func (lx casualtyLexicon) find(list map[string]int, w string) (int, bool) {
	if v, ok := list[w]; ok {
		return v, true
	}
	if r, n := utf8.DecodeRuneInString(w); lx.prefix != "" && strings.ContainsRune(lx.prefix, r) {
		v, ok := list[w[n:]]
		return v, ok
	}
	return 0, false
}

// countAfter is the first number within three words after the cue.
func (lx casualtyLexicon) countAfter(ws []countWord, cue int, used map[int]bool) (int, int, bool) {
	for j := cue + 1; j < len(ws) && j <= cue+4; j++ {
		if lx.breaks[ws[j].text] || isPunct(ws[j].text) {
			return 0, 0, false
		}
		if _, other := lx.cue(ws[j].text); other {
			return 0, 0, false
		}
		if n, ok := lx.number(ws, j); ok && !used[j] {
			return n, j, true
		}
	}
	return 0, 0, false
}

// countBefore is the nearest number within three words before the cue.
func (lx casualtyLexicon) countBefore(ws []countWord, cue int, used map[int]bool) (int, int, bool) {
	for j := cue - 1; j >= 0 && j >= cue-4; j-- {
		if lx.breaks[ws[j].text] || isPunct(ws[j].text) {
			return 0, 0, false
		}
		if _, ok := lx.times[ws[j].text]; ok && j > 0 { // "two hundred were killed": the whole number
			continue
		}
		if n, ok := lx.number(ws, j); ok && !used[j] {
			return n, j, true
		}
	}
	return 0, 0, false
}

// number reads the number at word j, with a multiplier after it ("two
// hundred"); a year or a distance is none.
func (lx casualtyLexicon) number(ws []countWord, j int) (int, bool) {
	w := ws[j].text
	n, ok := digitsValue(w)
	if ok && len(w) == 4 && n >= 1900 && n < 2100 {
		return 0, false // a year
	}
	if !ok {
		n, ok = lx.find(lx.numbers, w)
	}
	if !ok {
		return 0, false
	}
	if j+1 < len(ws) {
		if m, times := lx.times[ws[j+1].text]; times && n < 100 {
			n *= m
		} else if lx.units[ws[j+1].text] {
			return 0, false
		}
	}
	return n, n <= data.MaxCount
}

// digitsValue reads digits of any script, grouped or not ("1,200", "١٢").
func digitsValue(w string) (int, bool) {
	n, any := 0, false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			n = n*10 + digitOf(r)
			any = true
			if n > data.MaxCount {
				return 0, false
			}
		case r == ',' || r == '.' || r == '٬' || r == '\u00a0' || r == '\u202f':
		default:
			return 0, false
		}
	}
	return n, any
}

// digitOf is a decimal digit's value in whatever script it is written.
func digitOf(r rune) int {
	for _, zero := range []rune{'0', '٠', '۰', '०', '０'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return 0
}

func isPunct(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return len([]rune(w)) == 1 && (unicode.IsPunct(r) || unicode.IsSymbol(r)) && r != '%'
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Chinese writes a count with its measure word next to the verb: "造成12人死亡",
// "3人受伤", "逮捕了5名嫌疑人", "数十人死亡".
var (
	hanCount  = `([0-9０-９]+|[零一二两三四五六七八九十百千]+|数十|数百|数千|数)(?:多)?(?:名|人|位)`
	hanBefore = regexp.MustCompile(hanCount + `(?:[^\p{Han}0-9０-９，。、；]{0,2})?(?:被)?(死亡|遇难|丧生|身亡|罹难|受伤|伤|被捕|被拘|被拘留|被逮捕)`)
	hanAfter  = regexp.MustCompile(`(打死|炸死|击毙|杀害|杀死|打伤|炸伤|逮捕|拘留|拘捕|抓获)(?:了)?` + hanCount)
	hanKinds  = map[string]int{"死亡": countKilled, "遇难": countKilled, "丧生": countKilled, "身亡": countKilled, "罹难": countKilled, "打死": countKilled,
		"炸死": countKilled, "击毙": countKilled, "杀害": countKilled, "杀死": countKilled, "受伤": countInjured, "伤": countInjured, "打伤": countInjured,
		"炸伤": countInjured, "被捕": countArrested, "被拘": countArrested, "被拘留": countArrested, "被逮捕": countArrested, "逮捕": countArrested,
		"拘留": countArrested, "拘捕": countArrested, "抓获": countArrested}
)

func chineseCasualties(sentence string) (data.Size, string) {
	var size data.Size
	var said []string
	take := func(kind int, num, words string) {
		f := size.Field(data.SizeFields[kind])
		if n, ok := hanNumber(num); ok && *f == nil {
			*f = &n
			said = append(said, words)
		}
	}
	for _, m := range hanBefore.FindAllStringSubmatch(sentence, -1) {
		take(hanKinds[m[2]], m[1], m[0])
	}
	for _, m := range hanAfter.FindAllStringSubmatch(sentence, -1) {
		take(hanKinds[m[1]], m[2], m[0])
	}
	return size, strings.Join(said, "; ")
}

// hanNumber reads 12, １２, 十二, 二十五, 一百, 两; 数 is several (3), 数十
// dozens (12), 数百 hundreds (100), 数千 thousands (1,000).
func hanNumber(s string) (int, bool) {
	switch s {
	case "数":
		return 3, true
	case "数十":
		return 12, true
	case "数百":
		return 100, true
	case "数千":
		return 1000, true
	}
	if n, ok := digitsValue(s); ok {
		return n, true
	}
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十', '百', '千':
			unit := map[rune]int{'十': 10, '百': 100, '千': 1000}[r]
			if cur == 0 {
				cur = 1
			}
			total += cur * unit
			cur = 0
		default:
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			cur = cur*10 + d
		}
	}
	return total + cur, true
}
