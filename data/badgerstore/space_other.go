//go:build !unix

package badgerstore

// freeBytes is unknown here: writes are not checked in advance.
func freeBytes(string) (uint64, bool) { return 0, false }
