package team

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"dossier/data"
)

// pushBatch is how many outbox entries one round reads, and pushers how
// many are sent at once (each push waits for the hub's answer).
const (
	pushBatch = 500
	pushers   = 16
)

// Push sends the outbox to the hub, pushBatch records at a time, and
// returns how many records it sent. The outbox is read once: what changes
// meanwhile waits for the next push.
func (s *Syncer) Push(ctx context.Context) (int, error) {
	waiting, err := s.rep.Outbox()
	if err != nil {
		return 0, err
	}
	s.setStatus(func(st *Status) { st.Waiting = len(waiting) })
	sent := 0
	for len(waiting) > 0 {
		batch := waiting[:min(pushBatch, len(waiting))]
		done, err := s.pushAll(ctx, batch)
		sent += len(done)
		if perr := s.rep.Pushed(done); err == nil {
			err = perr
		}
		if err != nil {
			s.setStatus(func(st *Status) { st.Waiting, st.Problem = len(waiting)-len(done), data.ErrorMessage(err) })
			return sent, err
		}
		waiting = waiting[len(batch):]
		s.setStatus(func(st *Status) { st.Waiting, st.LastExchange, st.Problem = len(waiting), time.Now(), "" })
	}
	return sent, nil
}

// pushAll pushes records stage by stage (the outbox's order), several of
// a stage at once, and returns those the hub has. A stage starts when the
// one before it is on the hub, so a colleague never receives an event
// before the actors it cites, even if this push is cut off.
func (s *Syncer) pushAll(ctx context.Context, waiting []data.Pending) ([]data.Pending, error) {
	var done []data.Pending
	for len(waiting) > 0 {
		n := 1
		for n < len(waiting) && waiting[n].Stage == waiting[0].Stage {
			n++
		}
		pushed, err := s.pushStage(ctx, waiting[:n])
		done = append(done, pushed...)
		if err != nil {
			return done, err
		}
		waiting = waiting[n:]
	}
	return done, nil
}

// pushStage pushes records that do not depend on each other, several at
// once, and returns those the hub has.
func (s *Syncer) pushStage(ctx context.Context, waiting []data.Pending) ([]data.Pending, error) {
	jobs := make(chan data.Pending)
	var mu sync.Mutex
	var done []data.Pending
	var first error
	var wg sync.WaitGroup
	for range pushers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				err := s.pushOne(ctx, p.ID)
				mu.Lock()
				if err == nil {
					done = append(done, p)
				} else if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range waiting {
		mu.Lock()
		failed := first != nil
		mu.Unlock()
		if failed {
			break
		}
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return done, first
}

// pushOne puts a record's current version on the hub, if the hub's is one
// it descends from (compare-and-set on the hub's revision, tried again
// when a colleague got there first). A hub version that descends from
// this database's is merged here instead; one written apart makes an open
// conflict here, and this database's side is put beside it for the team.
// A hub value this database refuses (it does not open, verify or
// validate) is replaced by this database's version and set aside here:
// one bad value never stops the team's changes.
func (s *Syncer) pushOne(ctx context.Context, id string) error {
	vs, err := s.rep.Versions([]string{id})
	if err != nil || len(vs) == 0 {
		return err
	}
	mine, key := vs[0], recordKey(id)
	val, err := s.seal(key, mine)
	if err != nil {
		return err
	}
	if _, err := s.kv.Create(ctx, key, val); !errors.Is(err, jetstream.ErrKeyExists) {
		return s.hubError(err) // new to the hub (most pushes): one round trip
	}
	for range 10 {
		e, err := s.kv.Get(ctx, key)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			if _, err = s.kv.Create(ctx, key, val); errors.Is(err, jetstream.ErrKeyExists) {
				continue
			}
			return s.hubError(err)
		}
		if err != nil {
			return s.hubError(err)
		}
		replace, err := s.meet(ctx, e, mine)
		if err != nil || !replace {
			return err
		}
		if _, err = s.kv.Update(ctx, key, val, e.Revision()); errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
			continue
		}
		if err == nil {
			err = s.dropSides(ctx, mine)
		}
		return s.hubError(err)
	}
	return fmt.Errorf("the hub's version of %s kept changing while it was pushed", id)
}

// meet weighs the hub's value of a record against this database's version
// and says whether the hub should take this one instead.
func (s *Syncer) meet(ctx context.Context, e jetstream.KeyValueEntry, mine data.Version) (replace bool, err error) {
	theirs, _, err := s.decodeVersion(e)
	switch {
	case errors.Is(err, errAside): // it does not open
		return true, nil
	case err != nil:
		return false, err
	case mine.Descends(theirs.Rev) && mine.Rev != theirs.Rev:
		return true, nil
	}
	rep, err := s.merge(ctx, []data.Version{theirs}, nil)
	switch {
	case err != nil:
		return false, err
	case rep.SetAside > 0: // signed by no one, or not valid: it does not stand for the record
		return true, nil
	case theirs.Rev == mine.Rev || theirs.Descends(mine.Rev):
		return false, nil
	}
	side := sideKey(mine.ID, s.st.Analyst().ID) // written apart: a conflict, this side for the team
	sv, err := s.seal(side, mine)
	if err == nil {
		_, err = s.kv.Put(ctx, side, sv)
	}
	return false, s.hubError(err)
}

// dropSides removes from the hub the conflict sides a settled version
// descends from.
func (s *Syncer) dropSides(ctx context.Context, v data.Version) error {
	lister, err := s.kv.ListKeysFiltered(ctx, "c."+v.ID+".*")
	if err != nil {
		return err
	}
	for k := range lister.Keys() {
		if e, err := s.kv.Get(ctx, k); err == nil {
			var side data.Version
			if s.open(k, e.Value(), &side) == nil && v.Descends(side.Rev) {
				s.kv.Delete(ctx, k)
			}
		}
	}
	return nil
}

func (s *Syncer) hubError(err error) error {
	if err == nil {
		return nil
	}
	return explainNATS(s.cfg, err)
}
