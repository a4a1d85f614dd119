package suggest

import "sync"

// memo remembers the answers of a lookup that a long article asks again
// and again (a place's name), up to a bound:
// when full, it forgets everything and starts again. Safe for concurrent
// use; the lookup runs outside the lock.
type memo[V any] struct {
	mu sync.Mutex
	m  map[string]V
}

// maxMemo bounds each memo.
const maxMemo = 100000

func (m *memo[V]) get(key string, look func(string) V) V {
	m.mu.Lock()
	v, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = look(key)
	m.mu.Lock()
	if m.m == nil || len(m.m) >= maxMemo {
		m.m = map[string]V{}
	}
	m.m[key] = v
	m.mu.Unlock()
	return v
}
