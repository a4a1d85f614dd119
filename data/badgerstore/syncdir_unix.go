//go:build unix

package badgerstore

import "os"

// syncDir makes the renames and files created in dir durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
