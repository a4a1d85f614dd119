package suggest

import "unicode"

// Arabic news names people by their office far more than by name, and its
// names have no capitals to find them by: "وزير الدفاع الروسي" (the
// Russian defence minister), "نظيره الصيني" (his Chinese counterpart). An
// office word, its remit and the nationality after it are one mention of
// a person, as "the Iraqi Foreign Minister" is in English.

// arabicOfficeHeads begin an office.
var arabicOfficeHeads = wordSet(`وزير وزيرة الوزير رئيس الرئيس رئيسة نظيره نظيرته نظيرها نظيرهم سفير السفير سفيرة المتحدث الناطق
قائد ملك الملك أمير الأمير المبعوث مبعوث ولي`)

// arabicRemits complete an office: foreign affairs, defence, interior,
// the government, the chiefs of staff…
var arabicRemits = wordSet(`الخارجية الدفاع الداخلية المالية العدل الخزانة الوزراء الحكومة البرلمان الأركان الجمهورية الاقتصاد
الطاقة الصحة التجارة الإعلام الجيش العهد باسم`)

// arabicOffice proposes the office starting at word i, with its country,
// and returns the last word it took (i when there is none).
func arabicOffice(d *document, c *claims, i int) int {
	if !arabicOfficeHeads[d.words[i].text] || !c.free(i, i) {
		return i
	}
	last, country, remit := i, "", false
	for k := i + 1; k < len(d.words) && k <= i+3 && sameStretch(d, k-1, k); k++ {
		w := d.words[k].text
		if !unicode.Is(unicode.Arabic, firstRune(w)) || !c.free(k, k) {
			break
		}
		if cc, ok := arabicNationality(w); ok {
			last, country = k, cc
			break
		}
		if !arabicRemits[w] {
			break
		}
		last, remit = k, true
	}
	if country == "" && !remit {
		return i
	}
	role := d.slice(d.words[i].start, d.words[last].end)
	c.add(d, i, last, Suggestion{Kind: Person, Confidence: 0.6, Role: role, Country: country, Sector: "GOV"})
	if country != "" {
		c.addOver(d, last, last, Suggestion{Kind: Nationality, Confidence: 0.8, Country: country})
	}
	return last
}
