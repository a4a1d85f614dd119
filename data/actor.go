package data

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Actor kinds.
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindGovernment   = "government"
	KindArmedGroup   = "armed group"
	KindOther        = "other"
)

// ActorKinds lists the kinds in the order a picker shows them.
var ActorKinds = []string{KindPerson, KindOrganisation, KindGovernment, KindArmedGroup, KindOther}

// Sectors are the PLOVER/CAMEO sector codes an actor may carry.
var Sectors = []string{"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "BUS", "MED", "NGO", "IGO", "EDU", "REL", "CVL", "SPY", "UAF"}

// Role is a post an actor held, with optional dates (YYYY, YYYY-MM or YYYY-MM-DD).
type Role struct {
	Post         string `json:"post"`
	Organisation string `json:"organisation,omitempty"`
	Start        string `json:"start,omitempty"`
	End          string `json:"end,omitempty"`
}

// Actor is a person, government or organisation in the register.
type Actor struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Kind        string            `json:"kind"`
	Aliases     []string          `json:"aliases,omitempty"`
	Country     string            `json:"country,omitempty"` // ISO alpha-3
	Sector      string            `json:"sector,omitempty"`
	Roles       []Role            `json:"roles,omitempty"`
	ExternalIDs map[string]string `json:"external_ids,omitempty"`
	Notes       string            `json:"notes,omitempty"`
	MergedInto  string            `json:"merged_into,omitempty"`
	Created     time.Time         `json:"created"`
	Revision
}

// Names returns the canonical name and the aliases.
func (a *Actor) Names() []string {
	return append([]string{a.Name}, a.Aliases...)
}

// NormaliseName folds a name for matching: case, accents, punctuation and
// spacing do not matter ("Sergei K. Shoigu" ~ "sergei k shoigu").
func NormaliseName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
