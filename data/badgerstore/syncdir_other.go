//go:build !unix

package badgerstore

// syncDir: Windows makes a rename durable itself (NTFS journals it).
func syncDir(string) error { return nil }
