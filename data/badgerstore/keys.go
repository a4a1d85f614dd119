package badgerstore

// Key layout. Records are JSON under a short prefix; index keys carry all
// their information in the key and have empty values, except the content
// hash index, whose value is the article id, and the events' briefs.
const (
	schemaKey = "m/schema"
	dateIndex = "ix/ev-dt/" // then the date, "/" and the event
)

func articleKey(id string) string { return "ar/" + id }
func textKey(id string) string    { return "tx/" + id }
func eventKey(id string) string   { return "ev/" + id }
func actorKey(id string) string   { return "ac/" + id }

func hashKey(hash string) string { return "ix/hash/" + hash }

// eventsByArticle, eventsByActor and eventsByDate prefixes end with "/" so
// that one id is never a prefix of another.
func eventsByArticle(article string) string { return "ix/ev-ar/" + article + "/" }
func eventsByActor(actor string) string     { return "ix/ev-ac/" + actor + "/" }
func eventsByDate(date string) string       { return dateIndex + date + "/" }
func eventBrief(id string) string           { return "ix/ev-br/" + id } // see brief.go
func actorsByName(norm string) string       { return "ix/ac-nm/" + norm + "\x00" }

// lastSegment returns what follows the last "/" (or NUL) of an index key.
func lastSegment(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '/' || key[i] == 0 {
			return key[i+1:]
		}
	}
	return key
}
