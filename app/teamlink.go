package app

import (
	"context"
	"sync"

	"dossier/app/team"
)

// teamLink is a session's live link to the team hub: the syncer keeping
// the database in step, and how to stop it. The session owns it, so that
// closing the session leaves the hub before the store closes.
type teamLink struct {
	mu     sync.Mutex
	syncer *team.Syncer
	stop   context.CancelFunc
	done   chan struct{}
}

// Sync reaches the team hub, remembers its settings, and keeps the
// database in step with it in the background until Disconnect or Close;
// status hears every change of the link's state. It returns once
// connected (or not).
func (s *Session) Sync(ctx context.Context, cfg team.HubConfig, status func(team.Status)) error {
	s.Disconnect()
	sy, err := s.ConnectHub(ctx, cfg)
	if err != nil {
		return err
	}
	if status != nil {
		sy.OnStatus(status)
	}
	run, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.link.mu.Lock()
	s.link.syncer, s.link.stop, s.link.done = sy, stop, done
	s.link.mu.Unlock()
	go func() {
		defer close(done)
		sy.Run(run)
	}()
	return nil
}

// Syncing reports whether the session is linked to a hub.
func (s *Session) Syncing() bool {
	s.link.mu.Lock()
	defer s.link.mu.Unlock()
	return s.link.syncer != nil
}

// Disconnect leaves the hub; changes made meanwhile wait in the outbox.
func (s *Session) Disconnect() {
	s.link.mu.Lock()
	sy, stop, done := s.link.syncer, s.link.stop, s.link.done
	s.link.syncer, s.link.stop, s.link.done = nil, nil, nil
	s.link.mu.Unlock()
	if sy == nil {
		return
	}
	stop()
	sy.Close() // what is in flight fails at once
	<-done
}

// Close stops what the session runs in the background, in order: the
// team link (nothing more arrives), then the search index (it has heard
// every change), then the learner (what it learned is saved). The store
// is its owner's to close.
func (s *Session) Close() {
	s.Disconnect()
	s.CloseSearch()
	s.SettleLearning()
}
