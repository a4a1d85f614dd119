package data

import (
	"os/user"
	"strings"
)

// Analyst is the person working on a database: a stable id, derived from
// the signing key created with the database (AnalystIDFor) and carried by
// every record they write (UpdatedBy), and a display name they may set.
type Analyst struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Key and Sig: the analyst's public key and their signature on their
	// name, as they travel to colleagues (see Sign).
	Key []byte `json:"key,omitempty"`
	Sig []byte `json:"sig,omitempty"`
}

// AnalystPrefix starts analysts' ids.
const AnalystPrefix = "an"

// DisplayName is the name to show: the one set, else a short form of the id.
func (a Analyst) DisplayName() string {
	if a.Name != "" {
		return a.Name
	}
	if len(a.ID) > 8 {
		return "analyst " + a.ID[len(a.ID)-5:]
	}
	return "analyst " + a.ID
}

// DefaultAnalystName is the computer account's full name, else its login
// (without a Windows domain).
func DefaultAnalystName() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	if n := strings.TrimSpace(strings.SplitN(u.Name, ",", 2)[0]); n != "" {
		return n
	}
	login := u.Username
	if i := strings.LastIndexByte(login, '\\'); i >= 0 {
		login = login[i+1:]
	}
	return login
}
