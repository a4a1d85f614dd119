package team

import "dossier/data"

// Database is what team work needs of a database: its replica role (the
// travelling versions, merging, the outbox marks, the conflicts and what
// was set aside), who works on it, and its keys to sign and seal with.
type Database interface {
	data.Replica
	data.Analysts
	data.Keys
}

// Linked is what a link to the hub needs beyond that: the feed of the
// database's own changes, to push each as it is made.
type Linked interface {
	Database
	data.Changes
}
