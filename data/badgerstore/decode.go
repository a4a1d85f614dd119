package badgerstore

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// decodeBatch is how many values are decoded together.
const decodeBatch = 512

// eachJSON decodes every value under prefix into a new T and calls fn, in
// key order, on the caller's goroutine; an error from fn stops the walk.
// Decoding JSON is most of the cost of reading many records, so each
// batch of values is decoded on every core while the next is read and the
// one before goes to fn.
func eachJSON[T any](txn *badger.Txn, prefix string, fn func(*T) error) error {
	return eachJSONAfter(txn, prefix, "", fn)
}

// eachJSONAfter is eachJSON over the keys after the key after ("": all).
func eachJSONAfter[T any](txn *badger.Txn, prefix, after string, fn func(*T) error) error {
	unmarshal := func(b []byte, v *T) error { return json.Unmarshal(b, v) }
	return eachDecoded(txn, prefix, after, func() func([]byte, *T) error { return unmarshal }, fn)
}

// eachDecoded is eachJSONAfter with another decoder (an event's brief).
// newDecoder makes the decoder of one worker, which decodes one value at a
// time and may keep what it learns from one value to the next (the
// brief's words): a walk makes two per core, as two batches are decoded
// at once (batch n+2 starts only once batch n is done and delivered).
func eachDecoded[T any](txn *badger.Txn, prefix, after string, newDecoder func() func([]byte, *T) error, fn func(*T) error) error {
	// No PrefetchValues, here or in any walk: the store keeps every value
	// in the LSM tree (under Badger's 1 MB ValueThreshold), so there is
	// nothing to fetch ahead, and Badger's prefetch starts a goroutine per
	// item, which made a walk of a million briefs take twice as long.
	it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(prefix)})
	defer it.Close()
	var pending *decoding[T]
	deliver := func(next *decoding[T]) error {
		last := pending
		pending = next
		if last == nil {
			return nil
		}
		vs, err := last.wait()
		for _, v := range vs {
			if err := fn(v); err != nil {
				return err
			}
		}
		return err
	}
	var decoders [2][]func([]byte, *T) error
	batches := 0
	start := func(keys []string, raw [][]byte) *decoding[T] {
		ds := &decoders[batches%2]
		batches++
		for len(*ds) < runtime.GOMAXPROCS(0) {
			*ds = append(*ds, newDecoder())
		}
		return decode(keys, raw, *ds)
	}
	var keys []string
	var raw [][]byte
	it.Rewind()
	if after != "" {
		it.Seek([]byte(after))
		if it.Valid() && string(it.Item().Key()) == after {
			it.Next()
		}
	}
	for ; it.Valid(); it.Next() {
		b, err := it.Item().ValueCopy(nil)
		if err != nil {
			return err
		}
		keys, raw = append(keys, string(it.Item().Key())), append(raw, b)
		if len(raw) == decodeBatch {
			if err := deliver(start(keys, raw)); err != nil {
				return err
			}
			keys, raw = nil, nil
		}
	}
	if err := deliver(start(keys, raw)); err != nil {
		return err
	}
	return deliver(nil)
}

// decoding is a batch of values being decoded.
type decoding[T any] struct {
	out   []*T
	share int     // values per worker
	errs  []error // by worker, in key order
	wg    sync.WaitGroup
}

// decode starts decoding raw (the values of keys), a share to each of the
// decoders, each on a goroutine of its own.
func decode[T any](keys []string, raw [][]byte, decoders []func([]byte, *T) error) *decoding[T] {
	workers := len(decoders)
	share := (len(raw) + workers - 1) / workers
	d := &decoding[T]{out: make([]*T, len(raw)), share: share, errs: make([]error, workers)}
	for w := 0; w*share < len(raw); w++ {
		d.wg.Add(1)
		go func(unmarshal func([]byte, *T) error) {
			defer d.wg.Done()
			for i := w * share; i < min(len(raw), (w+1)*share); i++ {
				v := new(T)
				if err := unmarshal(raw[i], v); err != nil {
					d.errs[w] = fmt.Errorf("decode %s: %w", keys[i], err)
					return
				}
				d.out[i] = v
			}
		}(decoders[w])
	}
	return d
}

// wait is the batch decoded, up to the first value that would not decode
// (and its error).
func (d *decoding[T]) wait() ([]*T, error) {
	d.wg.Wait()
	for w, err := range d.errs {
		if err != nil {
			first := w * d.share
			for first < len(d.out) && d.out[first] != nil {
				first++
			}
			return d.out[:first], err
		}
	}
	return d.out, nil
}
