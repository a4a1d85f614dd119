package suggest

import (
	"strings"
	"testing"
)

// The cheap stem test never hides a trigger the full pattern would find.
func TestStemsNeverHideATrigger(t *testing.T) {
	sentences := []string{
		"the minister was received by the king and later hosted a dinner.",
		"rebels launched an offensive and air strikes hit the town; gunmen fired at police.",
		"they agreed to resume talks, were willing to compromise and will provide aid.",
		"protesters rallied and blocked roads; the army imposed a curfew and detained dozens.",
		"the envoy criticized the decision, accused the mayor and demanded an inquiry.",
		"forces withdrew, a truce held, and the government received a mission from the un.",
		"the two apologised, recognised the vote, cooperated in a joint exercise and donated food.",
		"it refused, vowed to retaliate, and plans to impose sanctions; others would blockade the port.",
	}
	for _, tr := range triggers {
		for _, s := range sentences {
			for _, loc := range tr.re.FindAllStringIndex(s, -1) {
				m := s[loc[0]:loc[1]]
				if tr.stems != nil && !strings.HasPrefix(m, firstStem(tr.stems, m)) {
					t.Errorf("trigger %s matches %q, which none of its stems %q starts", tr.cameo, m, tr.stems)
				}
			}
		}
	}
}

func firstStem(stems []string, m string) string {
	for _, s := range stems {
		if strings.HasPrefix(m, s) {
			return s
		}
	}
	return "\x00"
}
