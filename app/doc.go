// Package app is what an analyst can do with Dossier, without any window:
// a Session edits records with undo and redo, imports files, resolves date
// expressions and finds known actors and places in an article's text. The
// window (package views) and the command line (package app/cli) both call it.
package app
