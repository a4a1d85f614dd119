package suggest

import (
	"regexp"
	"strings"
	"unicode"
)

// Trigger words of other languages, keyed to the same CAMEO codes as the
// English lexicon (our own lists of common news verbs). Words in the
// Latin script join the English lexicon as they are; the Cyrillic and
// Arabic ones are matched at the start of a word by a Unicode boundary
// (Go's \b knows ASCII letters only), and the Chinese ones anywhere, as
// Chinese is written without spaces.
var otherTriggers = [][2]string{
	// Russian and Ukrainian
	{`встретил\p{L}*|встреча\p{L}*|переговор\p{L}*|обсудил\p{L}*|провел\p{L}* переговоры|зустрів\p{L}*|зустрі\p{L}*|провів\p{L}* переговори`, "040"},
	{`посетил\p{L}*|прибыл\p{L}* в|прилетел\p{L}* в|визит\p{L}*|відвідав\p{L}*|прибув\p{L}* до`, "042"},
	{`осудил\p{L}*|осуждени\p{L}*|раскритиковал\p{L}*|засудив\p{L}*|засудил\p{L}*`, "111"},
	{`обвинил\p{L}*|обвиняет\p{L}*|обвинени\p{L}*|звинуват\p{L}*`, "112"},
	{`пригрозил\p{L}*|угрожа\p{L}*|предупредил\p{L}*|погрожу\p{L}*|попередив\p{L}*`, "130"},
	{`протест\p{L}*|митинг\p{L}*|демонстрац\p{L}*|забастов\p{L}*`, "140"},
	{`атаковал\p{L}*|атак\p{L}*|обстрел\p{L}*|удар\p{L}* по|бомбил\p{L}*|уби\p{L}*|обстріл\p{L}*|атакува\p{L}*`, "190"},
	{`арестова\p{L}*|задержа\p{L}*|заарештува\p{L}*|затрима\p{L}*`, "173"},
	{`подписал\p{L}*|підписа\p{L}*`, "057"},
	{`договорил\p{L}*|согласил\p{L}*|пообещал\p{L}*|домовил\p{L}*|погодил\p{L}*`, "030"},
	{`потребова\p{L}*|призвал\p{L}*|закликав\p{L}*|вимага\p{L}*`, "100"},
	{`поддержа\p{L}*|приветствова\p{L}*|підтрима\p{L}*`, "051"},
	{`санкци\p{L}*|санкці\p{L}*`, "160"},
	// French
	{`a rencontré|ont rencontré|rencontre\w*|s'est entretenu\w*|entretien\w*|ont discuté|a discuté`, "040"},
	{`a visité|en visite|s'est rendu\w*|est arrivé\w* à`, "042"},
	{`a condamné|ont condamné|condamn\w*|dénonc\w*|a critiqué`, "111"},
	{`a accusé|ont accusé|accus\w*`, "112"},
	{`a menacé|menac\w*|a averti|a mis en garde`, "130"},
	{`manifest\w*|grève`, "140"},
	{`attaqu\w*|bombard\w*|frapp\w*|a tué|ont tué|tués`, "190"},
	{`arrêté\w*|interpellé\w*`, "173"},
	{`a signé|ont signé`, "057"},
	{`a appelé|ont appelé|exig\w*|réclam\w*`, "100"},
	// German
	{`traf\w*|getroffen|trafen|gespräch\w*|beraten|verhandelt\w*`, "040"},
	{`besucht\w*|reiste\w* nach`, "042"},
	{`verurteilt\w*|kritisiert\w*`, "111"},
	{`beschuldigt\w*|wirft\w* vor|warf\w* vor`, "112"},
	{`drohte\w*|droht|warnte\w*`, "130"},
	{`protestiert\w*|demonstriert\w*|streik\w*`, "140"},
	{`angegriffen|griff\w* an|bombardiert\w*|beschoss\w*|getötet`, "190"},
	{`festgenommen|verhaftet`, "173"},
	{`unterzeichnet\w*|unterschrieb\w*`, "057"},
	{`forderte\w*|fordert`, "100"},
	// Spanish
	{`se reunió|se reunieron|reunión|conversaciones|dialogó`, "040"},
	{`visitó|llegó a|viajó a`, "042"},
	{`condenó|condenaron|critic[óa]\w*`, "111"},
	{`acusó|acusaron`, "112"},
	{`amenazó|advirtió`, "130"},
	{`protest\w*|manifestaci\w*|huelga`, "140"},
	{`atac[óa]\w*|bombarde\w*|mataron|asesin\w*`, "190"},
	{`detenid\w*|arrestad\w*|detuvo`, "173"},
	{`firmó|firmaron`, "057"},
	{`exigió|pidió`, "100"},
	// Arabic and Persian
	{`التقى|التقت|اجتمع|اجتماع|محادثات|بحث|ناقش|دیدار|گفتگو|مذاکره`, "040"},
	{`زار|زيارة|وصل إلى|سفر`, "042"},
	{`أدان|أدانت|ندد|نددت|انتقد|محکوم کرد`, "111"},
	{`اتهم|اتهمت|متهم`, "112"},
	{`هدد|هددت|حذر|حذرت|تهدید`, "130"},
	{`احتجاج|تظاهر|مظاهرات|اعتصام|اعتراض`, "140"},
	{`هاجم|هجوم|قصف|غارة|قتل|حمله|بمباران`, "190"},
	{`اعتقل|اعتقال|احتجز|بازداشت`, "173"},
	{`وقع|وقعت|توقيع|امضا`, "057"},
	{`طالب|دعا|طالبت|خواستار`, "100"},
	// Chinese
	{`会见|会晤|会谈|举行会谈|通电话|磋商`, "040"},
	{`访问|抵达|出访`, "042"},
	{`谴责|批评`, "111"},
	{`指责|指控`, "112"},
	{`威胁|警告`, "130"},
	{`抗议|示威|游行|罢工`, "140"},
	{`袭击|轰炸|空袭|炮击|打死`, "190"},
	{`逮捕|拘留`, "173"},
	{`签署`, "057"},
	{`呼吁|要求`, "100"},
	{`制裁`, "160"},
}

// foreignTriggers are otherTriggers compiled: the Latin-script ones as the
// English lexicon is, the others with a boundary of their own.
var foreignTriggers = compileForeign(otherTriggers)

func compileForeign(list [][2]string) []trigger {
	var out []trigger
	for _, t := range list {
		first := firstRune(t[0])
		switch {
		case first < 0x250: // Latin: as the English lexicon
			out = append(out, compileTriggers([][2]string{t})...)
		case first >= 0x4e00 && first <= 0x9fff: // Chinese: anywhere
			out = append(out, trigger{re: regexp.MustCompile(`()(?:` + t[0] + `)`), cameo: t[1], stems: stems(t[0]), script: unicode.Han})
		default: // at the start of a word
			sc, clitic := unicode.Cyrillic, ""
			if unicode.Is(unicode.Arabic, first) {
				sc, clitic = unicode.Arabic, `[وف]?` // "وأدانت": and (she) condemned
			}
			out = append(out, trigger{re: regexp.MustCompile(`(?:^|[^\p{L}\p{N}])` + clitic + `()(?:` + t[0] + `)`), cameo: t[1], stems: stems(t[0]), script: sc})
		}
	}
	return out
}

// otherNegations deny a verb in other languages ("не встретился", "n'a
// pas", "nicht", "لم", "没有").
var otherNegations = strings.Fields(`не ні ne n'a pas nicht kein keine no لم لن لا ما 没有 未 不`)
