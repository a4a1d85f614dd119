// Package ingest turns files and folders into Articles: it walks folders,
// reads .txt, .md, .html, .docx and .eml files in any common encoding, finds
// each article's title and date, recognises duplicates and stores the rest in
// batches. A bad file is reported with its reason and never stops the batch.
package ingest

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"dossier/data"
)

// Options tune an import; the zero value is sensible.
type Options struct {
	// Progress, when set, is called after each file with the files done so far.
	Progress func(Progress)
	// BatchSize is how many articles go to the store at once (default 200).
	BatchSize int
	// MaxFileSize is the largest file read, in bytes (default 20 MB for
	// text and web pages, 100 MB for documents that carry pictures: PDF,
	// Word, OpenDocument and saved pages).
	MaxFileSize int64
	// Prepare, when set, is called on each article read before it is
	// stored (the session gives it the grade of its source).
	Prepare func(*data.Article)
}

// Progress reports how far an import has come.
type Progress struct {
	Done, Total int
	File        string
}

// Problem is one file that was not imported, and why.
type Problem struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

func (p Problem) String() string { return ShownName(p.File) + ": " + p.Reason }

// ShownName is a file's name as a terminal may print it: as it is, or
// quoted with Go's escapes when it holds a character that is not printed
// as itself (a newline would fake a line of output, an escape sequence
// could clear the screen, a bidirectional control could reverse it).
func ShownName(name string) string {
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return strconv.Quote(name)
		}
	}
	return name
}

// Summary is what an import did.
type Summary struct {
	Imported   int       `json:"imported"`
	Duplicates int       `json:"duplicates"`
	Skipped    int       `json:"skipped"`
	Failed     int       `json:"failed"`
	Cancelled  bool      `json:"cancelled,omitempty"`
	IDs        []string  `json:"ids,omitempty"`        // new articles, in file order
	Duplicated []Problem `json:"duplicated,omitempty"` // file and the article it repeats
	Skips      []Problem `json:"skips,omitempty"`      // files of other kinds
	Failures   []Problem `json:"failures,omitempty"`   // bad files
}

// Line is the one-line summary the command line prints.
func (s Summary) Line() string {
	l := fmt.Sprintf("imported %d, duplicates %d, skipped %d, failed %d", s.Imported, s.Duplicates, s.Skipped, s.Failed)
	if s.Cancelled {
		l += " (cancelled)"
	}
	return l
}

const (
	defaultBatch   = 1000
	defaultMaxSize = 20 << 20
	maxDocument    = 100 << 20
	batchBytes     = 16 << 20
)

// Import reads every file under paths and stores the articles in st. Files
// are parsed on every core while the previous batch is being written. Files
// already parsed are still stored when ctx is cancelled; the rest are left.
// The error is for the store failing; bad files go in the Summary.
func Import(ctx context.Context, st data.ArticleWriter, paths []string, opt Options) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = defaultBatch
	}
	files, sum := collect(paths)
	im := importer{st: st, opt: opt, sum: sum, write: context.WithoutCancel(ctx)}
	for start := 0; start < len(files); start += parseChunk {
		if ctx.Err() != nil {
			im.sum.Cancelled = true
			break
		}
		chunk := files[start:min(start+parseChunk, len(files))]
		for i, r := range parseAll(chunk, opt.MaxFileSize) {
			if ctx.Err() != nil {
				im.sum.Cancelled = true
				break
			}
			im.take(chunk[i], r)
			if len(im.batch) >= opt.BatchSize || im.bytes >= batchBytes {
				im.flush()
			}
			if opt.Progress != nil {
				opt.Progress(Progress{Done: start + i + 1, Total: len(files), File: chunk[i].path})
			}
		}
	}
	im.flush()
	return im.sum, im.wait()
}

// parseWorkers read files at once: reading waits on the disk, so more
// workers than cores keep the cores busy.
var parseWorkers = max(8, 4*runtime.GOMAXPROCS(0))

// parseChunk is how many files are parsed together before their articles
// join the batch (and progress is reported for them).
const parseChunk = 256

type parsed struct {
	article *data.Article
	err     error
}

// parseAll reads files in parallel, keeping their order.
func parseAll(files []candidate, maxSize int64) []parsed {
	out := make([]parsed, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(parseWorkers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i].article, out[i].err = ReadFile(files[i].path, files[i].explicit, maxSize)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// importer gathers parsed articles into batches; one batch is written in
// the background while the next one fills.
type importer struct {
	st       data.ArticleWriter
	write    context.Context // for the store: the import's origin, never cancelled mid-batch
	opt      Options
	sum      Summary
	batch    []*data.Article
	bytes    int
	writing  chan flushed // the batch being written, if any
	storeErr error        // the store failed: the import stops there
}

type flushed struct {
	batch   []*data.Article
	results []data.AddResult
	err     error
}

// take adds one parsed file to the batch, or records why it was not one.
func (im *importer) take(f candidate, p parsed) {
	switch {
	case p.err == errNotAnArticle:
		im.sum.Skipped++
		im.sum.Skips = append(im.sum.Skips, Problem{f.path, "not an article file (Dossier reads " + strings.Join(Extensions, ", ") + ")"})
	case p.err != nil:
		im.sum.Failed++
		im.sum.Failures = append(im.sum.Failures, Problem{f.path, p.err.Error()})
	default:
		if im.opt.Prepare != nil {
			im.opt.Prepare(p.article)
		}
		im.batch = append(im.batch, p.article)
		im.bytes += len(p.article.Text)
	}
}

// flush starts writing the batch (one WriteBatch in the store) once the
// previous one is written.
func (im *importer) flush() {
	if len(im.batch) == 0 || im.wait() != nil {
		return
	}
	batch := im.batch
	im.batch, im.bytes = nil, 0
	im.writing = make(chan flushed, 1)
	go func(done chan<- flushed) {
		res, err := im.st.AddArticles(im.write, batch)
		done <- flushed{batch, res, err}
	}(im.writing)
}

// wait waits for the batch being written and counts what it did.
func (im *importer) wait() error {
	if im.writing == nil {
		return im.storeErr
	}
	f := <-im.writing
	im.writing = nil
	if f.err != nil {
		im.storeErr = fmt.Errorf("store %d articles: %w", len(f.batch), f.err)
		return im.storeErr
	}
	for i, r := range f.results {
		if r.Duplicate {
			im.sum.Duplicates++
			im.sum.Duplicated = append(im.sum.Duplicated, Problem{f.batch[i].File, fmt.Sprintf("same text as %q, already stored", r.DuplicateOf)})
			continue
		}
		im.sum.Imported++
		im.sum.IDs = append(im.sum.IDs, r.ID)
	}
	return nil
}
