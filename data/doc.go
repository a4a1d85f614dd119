// Package data holds Dossier's records (Article, Event, Actor and the
// evidence Span that ties an event to the words it came from), the Store
// interface that keeps them, and the errors a store returns. The Badger
// implementation lives in data/badgerstore, the reference codebooks in
// data/codebook. Nothing here knows about windows or the command line.
package data
