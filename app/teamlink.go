package app

import (
	"context"
	"sync"

	"dossier/app/team"
)

// teamLink is a session's live link to the team hub: the syncer keeping
// the database in step, and how to stop it. The session owns it, so that
// closing the session leaves the hub before the store closes; its
// methods (Syncing, Disconnect) are the session's.
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
	s.teamLink.run(sy, stop, done)
	go func() {
		defer close(done)
		sy.Run(run)
	}()
	return nil
}

// run keeps sy as the link, stopped by stop and done once done is closed.
func (l *teamLink) run(sy *team.Syncer, stop context.CancelFunc, done chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.syncer, l.stop, l.done = sy, stop, done
}

// Syncing reports whether the session is linked to a hub.
func (l *teamLink) Syncing() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.syncer != nil
}

// Disconnect leaves the hub; changes made meanwhile wait in the outbox.
func (l *teamLink) Disconnect() {
	l.mu.Lock()
	sy, stop, done := l.syncer, l.stop, l.done
	l.syncer, l.stop, l.done = nil, nil, nil
	l.mu.Unlock()
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
