package suggest

import "dossier/data/codebook"

// Event types learned: when the analyst codes an event whose evidence holds
// a trigger word, the word is remembered with the event's CAMEO code, and
// later events triggered by the same word take the code the analyst gave it
// most ("warned" coded as an accusation, say, where the rules read a threat).

// TeachEvent notes that the trigger in an event's evidence stands for the
// CAMEO code the analyst coded it with.
func (m *Model) TeachEvent(evidence, cameo string) {
	word := triggerWord(evidence)
	if word == "" || cameo == "" {
		return
	}
	if m.eventTypes == nil {
		m.eventTypes = map[string]map[string]uint16{}
	}
	if m.eventTypes[word] == nil {
		m.eventTypes[word] = map[string]uint16{}
	}
	m.eventTypes[word][cameo]++
}

// triggerWord is the words that trigger an event in text, lower case.
func triggerWord(text string) string {
	lower := asciiLower(text)
	t, at, ok := firstTrigger(text, triggersIn(lower))
	if !ok {
		return ""
	}
	loc := t.re.FindStringSubmatchIndex(lower[at:])
	if loc == nil {
		return ""
	}
	return lower[at+triggerStart(loc) : at+loc[1]]
}

// learnedType gives an event suggestion the code its trigger was taught.
func (m *Model) learnedType(s *Suggestion) {
	codes := m.eventTypes[triggerWord(s.Text)]
	best, most := "", uint16(0)
	for code, n := range codes {
		if n > most || n == most && code < best {
			best, most = code, n
		}
	}
	if best == "" || best == s.CAMEO {
		return
	}
	s.CAMEO, s.Type, s.Mode, s.Learned = best, "", "", LearnedType
	if c, ok := codebook.CAMEO(best); ok {
		s.Type, s.Mode = c.Type, c.Mode
	}
}
