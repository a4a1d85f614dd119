package data

import (
	"errors"
	"fmt"
	"time"
)

// ErrConflict is what errors.Is finds in a write refused because the
// record changed since the writer read it.
var ErrConflict = errors.New("the record changed since it was read")

// Conflict is a write refused because the stored record is not at the
// version the writer read: someone (another window, an import, a
// colleague) changed or deleted it in between. Nothing was written.
type Conflict struct {
	Record  RecordKind
	ID      string
	Name    string    // how the analyst knows the record: "Wang Yi", "the CONSULT event of 2025-02-28"
	Given   int       // the version the writer read
	Stored  int       // the version stored now (a deleted record's last)
	Deleted bool      // the record was deleted
	By      string    // who made the stored version (a display name)
	At      time.Time // when
}

func (c *Conflict) Is(target error) bool { return target == ErrConflict }

// Error is the sentence the analyst reads.
func (c *Conflict) Error() string {
	switch {
	case c.Deleted:
		return fmt.Sprintf("%s was deleted since you opened it (%s); nothing was saved.", capital(c.Name), c.who())
	case c.Stored == 0:
		return fmt.Sprintf("%s is not in this database; nothing was saved.", capital(c.Name))
	case c.Given == 0:
		return fmt.Sprintf("%s already exists (version %d, %s); nothing was saved — open it to change it.", capital(c.Name), c.Stored, c.who())
	}
	return fmt.Sprintf("%s was changed since you opened it (version %d, %s); nothing was saved — reopen it to see the change.", capital(c.Name), c.Stored, c.who())
}

// NotUndone is the sentence for an undo or redo step this conflict stops.
func (c *Conflict) NotUndone(verb string) string {
	if c.Deleted || c.Stored == 0 {
		return fmt.Sprintf("Not %s: %s was deleted by %s since.", verb, c.Name, orSomeone(c.By))
	}
	return fmt.Sprintf("Not %s: %s was changed by %s since; open it.", verb, c.Name, orSomeone(c.By))
}

func (c *Conflict) who() string {
	s := "by " + orSomeone(c.By)
	if !c.At.IsZero() {
		s += ", " + clock(c.At)
	}
	return s
}

func orSomeone(name string) string {
	if name == "" {
		return "someone else"
	}
	return name
}

// clock is a time as the analyst reads it: 10:42 today, else 2 Jan 10:42.
func clock(t time.Time) string {
	t = t.Local()
	if y, m, d := time.Now().Date(); t.Year() == y && t.Month() == m && t.Day() == d {
		return t.Format("15:04")
	}
	return t.Format("2 Jan 2006 15:04")
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// EventName is how a sentence names an event: "the CONSULT event of 2025-02-28".
func EventName(e *Event) string {
	if e.Date.Start != "" {
		return fmt.Sprintf("the %s event of %s", e.Type, e.Date.Start)
	}
	return fmt.Sprintf("the %s event %s", e.Type, e.ID)
}
