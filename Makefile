# Dossier: `make run` opens the window, `make test` runs every check.
GO    ?= go
TAGS  := migrated_fynedo
BIN   := bin/dossier
ARGS  ?=
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X dossier/app/cli.Version=$(VERSION)
# Wine, for the Windows build's tests: a prefix under bin/ (see .ci/wine.sh)
export WINEPREFIX := $(CURDIR)/bin/wine-prefix
export WINEDEBUG  := -all

.PHONY: run build test bench bench-scale fuzz crash faults eval models lint deps codebooks mapdata clean hub windows windows-test dist

run: deps build
	./$(BIN) $(ARGS)

build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

# The Windows build: bin/dossier.exe, a GUI program (it still prints to the
# console it is started from) with the icon and version of FyneApp.toml.
windows:
	@command -v x86_64-w64-mingw32-gcc >/dev/null || bash .ci/wine.sh >/dev/null
	$(GO) run github.com/tc-hib/go-winres@v0.3.3 simply --icon assets/icon.png --manifest gui \
		--product-name Dossier --file-description "Dossier: news articles into events and actors" \
		--product-version $(VERSION) --file-version $(VERSION) --original-filename dossier.exe --out rsrc
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc $(GO) build -tags $(TAGS) \
		-ldflags "-H=windowsgui $(LDFLAGS)" -o bin/dossier.exe . ; status=$$?; rm -f rsrc_windows_*.syso; exit $$status

# Packages for people who do not build: a zip for Windows (the exe, README,
# licences) and a tar.xz for Linux (the binary, its icon, a menu entry and
# an install script for the user's own folder), with their SHA-256 sums.
DIST := bin/dist
dist: build windows
	@command -v zip >/dev/null || sudo apt-get install -y -qq zip || apt-get install -y -qq zip
	rm -rf $(DIST) && mkdir -p $(DIST)/windows $(DIST)/linux/dossier-$(VERSION)
	cp bin/dossier.exe README.md $(DIST)/windows/
	cat assets/LICENSES assets/codebooks/countries.LICENSE > $(DIST)/windows/LICENSES.txt
	cd $(DIST)/windows && zip -q -r ../dossier-$(VERSION)-windows-amd64.zip .
	cp $(BIN) README.md assets/linux/dossier.desktop assets/linux/install.sh $(DIST)/linux/dossier-$(VERSION)/
	cp assets/icon.png $(DIST)/linux/dossier-$(VERSION)/dossier.png
	cat assets/LICENSES assets/codebooks/countries.LICENSE > $(DIST)/linux/dossier-$(VERSION)/LICENSES
	tar -C $(DIST)/linux -cJf $(DIST)/dossier-$(VERSION)-linux-amd64.tar.xz dossier-$(VERSION)
	cd $(DIST) && sha256sum dossier-$(VERSION)-windows-amd64.zip dossier-$(VERSION)-linux-amd64.tar.xz > SHA256SUMS
	@echo "Packages in $(DIST):" && ls -l $(DIST)/dossier-* $(DIST)/SHA256SUMS

# The data and app tests, built for Windows and run under Wine.
windows-test:
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) test -exec "$$(bash .ci/wine.sh)" ./data/... ./app/...; \
		status=$$?; "$$(command -v wineserver || echo /usr/lib/wine/wineserver64)" -k 2>/dev/null; exit $$status

deps:
	@bash .ci/deps.sh

# vet and the race-checked tests; the end-to-end window test runs when Xvfb is installed.
test: deps
	$(GO) vet -tags $(TAGS) ./...
	LANG=en_US.UTF-8 $(GO) test -tags $(TAGS) -race -timeout 30m ./...
	$(GO) test -run 'TestFullSheetIsRefusedRowByRow' ./app/report
	$(GO) test -run 'TestMemoryAt100kEvents' -v ./app/cli

# Benchmarks print ratios against a baseline run in the same process.
bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 3x -timeout 60m ./... | grep -E '^(Benchmark|ok|FAIL|---)' 

# slow, not in CI: the README's "At scale" table (time and peak memory of each command at 100,000,
# 300,000 and 1,000,000 events; SIZES="…" for others), then a million-event workbook opened by
# openpyxl and LibreOffice, then a first team sync of a million events through an in-process hub
# (DOSSIER_SCALE_EVENTS=N for another size)
bench-scale:
	GO=$(GO) TAGS=$(TAGS) bash .ci/scale
	bash .ci/scale-window
	DOSSIER_SCALE=1 $(GO) test -tags $(TAGS) -run '^TestMillionEventWorkbookOpens$$' -v -timeout 90m ./app/report
	DOSSIER_SCALE=1 $(GO) test -tags $(TAGS) -run '^TestFirstSyncAtScale$$' -v -timeout 120m ./app/team

# Suggestions measured: the rules on the re3d corpus and the CAMEO example sentences (../shared),
# then, per language, the rules alone, the shipped model alone and both on the dev split of its
# corpora (assets/models/SOURCES.tsv, in CORPORA) and, for English, on the half of the shared
# re3d corpus the model did not learn from. DOSSIER_EVAL=misses make eval also lists each miss.
CORPORA ?= $(HOME)/.cache/dossier/corpora
eval:
	DOSSIER_CORPORA=$(CORPORA) DOSSIER_EVAL=$${DOSSIER_EVAL:-1} $(GO) test -count=1 -run '^TestEvaluate$$' -v ./app/suggest | grep -vE '^(=== RUN|--- PASS|PASS|ok)'

# The suggestion models Dossier ships (assets/models/<language>.model), trained from the pinned
# corpus files assets/models/SOURCES.tsv lists, in CORPORA; the same files make the same bytes.
models:
	$(GO) run ./app/suggest/gen -corpora $(CORPORA) -shared ../shared/data -out assets/models

# 100 SIGKILL cycles across import and editing (make test runs 10).
crash:
	DOSSIER_CRASH_CYCLES=100 $(GO) test -tags $(TAGS) -run '^TestCrashCycles$$' -v -timeout 30m ./e2e | grep -E '^(---|===|ok|FAIL|\s+crash_test)'

# The hostile-hub, hostile-bundle and store-damage cases of issue 23 (SECURITY.md), the
# slow ones too (a gzip bomb, articles of 12 MB); make test runs the others.
faults:
	DOSSIER_FAULTS=1 $(GO) test -tags $(TAGS) -count=1 -run '^TestFault' -v -timeout 30m ./e2e ./app/team ./data/badgerstore | grep -E '^(---|ok|FAIL|\s+\w+_test\.go)'

# Every parser's fuzz target in turn, FUZZTIME each (CI runs them briefly, by a count
# of runs: Go 1.26's fuzzer can fail a target with "context deadline exceeded" when a
# time budget ends mid-run, go.dev/issue/75804); a new input is minimised for at most
# FUZZMINIMIZE.
FUZZTIME ?= 10m
FUZZMINIMIZE ?= 1000x
FUZZ_TARGETS := FuzzText:./app/ingest FuzzHTML:./app/ingest FuzzDocx:./app/ingest FuzzEmail:./app/ingest \
	FuzzPDF:./app/ingest FuzzRTF:./app/ingest FuzzMHTML:./app/ingest FuzzODT:./app/ingest \
	FuzzResolve:./app/when FuzzImportWorkbook:./app/report FuzzArticle:./app/suggest
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		name=$${t%%:*}; pkg=$${t#*:}; echo "fuzz $$name ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg || exit 1; \
	done

# gofmt and staticcheck (fetched through the Go module proxy).
lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# A local team hub to try team work: Debian's nats-server with JetStream and the
# minimal configuration in assets/hub.conf (team "desk", users nadia and tomas);
# its data goes to ~/.local/share/dossier-hub. Ctrl+C stops it.
HUB_DATA ?= $(HOME)/.local/share/dossier-hub
hub:
	@command -v nats-server >/dev/null 2>&1 || { echo "Installing nats-server"; sudo apt-get install -y -qq nats-server || apt-get install -y -qq nats-server; }
	@mkdir -p $(HUB_DATA)
	@echo "Team hub on nats://127.0.0.1:4222 (team desk): dossier sync --server nats://127.0.0.1:4222 --team desk --user nadia --password-file FILE"
	nats-server -c assets/hub.conf -sd $(HUB_DATA)

# Regenerate assets/codebooks from ../shared/data.
codebooks:
	$(GO) run ./data/codebook/gen -shared ../shared/data -out assets/codebooks

# the Map tab's countries: Natural Earth (public domain) from the world-atlas package on npm
mapdata:
	rm -rf /tmp/dossier-world-atlas && mkdir -p /tmp/dossier-world-atlas
	cd /tmp/dossier-world-atlas && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
	$(GO) run ./app/geomap/gen -atlas /tmp/dossier-world-atlas/package -countries ../shared/data/codebooks/countries.json -out assets/map

clean:
	rm -rf bin
