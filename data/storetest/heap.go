package storetest

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// PeakHeap runs fn and returns how far the heap rose above where it stood
// at the start, sampled every few milliseconds: memory a benchmark or a
// test of flat memory reports.
func PeakHeap(fn func()) (peak uint64) {
	return peakOf("/memory/classes/heap/objects:bytes", fn)
}

// PeakLive runs fn and returns how far the heap it holds rose, as each
// garbage collection found it (the live heap, without the garbage waiting
// for the next collection): what a test of memory that must not grow
// with the records compares, steadier than PeakHeap.
func PeakLive(fn func()) uint64 {
	return peakOf("/gc/heap/live:bytes", fn)
}

func peakOf(metric string, fn func()) (peak uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: metric}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			if v := read(); v > base && v-base > peak {
				peak = v - base
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak
}
