package data

import (
	"errors"
	"fmt"
)

// Error codes a Store returns; the window and the command line turn them into
// sentences and exit codes.
const (
	ENotFound = "not found"
	EInvalid  = "invalid"
	ELocked   = "locked"
	EConflict = "conflict"
	EInternal = "internal"
	// EDiskFull: the disk is too full to write safely; nothing was written.
	EDiskFull = "disk full"
	// ENeedPassphrase: the database is encrypted and no passphrase was given.
	ENeedPassphrase = "passphrase needed"
	// EDamaged: the database's files are damaged; what it says may be
	// incomplete, and nothing was changed.
	EDamaged = "damaged"
	// EReadOnly: the database may only be read (its folder cannot be
	// written, or it is damaged); nothing was written.
	EReadOnly = "read only"
	// ETooBig: one commit holds more than the store takes at once; nothing
	// was written, and the same changes in smaller commits can be.
	ETooBig = "too big"
)

// Error is an error the analyst can read: Message is a sentence; Err, when
// set, is the cause for the log.
type Error struct {
	Code    string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	var c *Conflict
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &c):
		return EConflict
	}
	return EInternal
}

// ErrorMessage returns the sentence of the first *Error in err's chain, or
// err's text.
func ErrorMessage(err error) string {
	var e *Error
	var c *Conflict
	if errors.As(err, &e) {
		return e.Message
	}
	if errors.As(err, &c) {
		return c.Error()
	}
	if err == nil {
		return ""
	}
	return err.Error()
}
