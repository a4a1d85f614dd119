package report_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app/report"
	"dossier/data/storetest"
)

const readActorMeasures = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Actors"].iter_rows(values_only=True))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    print("actor", r[col["Name"]], "|", r[col["In-degree"]], r[col["Out-degree"]], r[col["Weighted degree"]], r[col["Community"]])
rows = list(wb["Network"].iter_rows(values_only=True))
col = {h: i for i, h in enumerate(rows[0])}
for r in rows[1:]:
    print("link", r[col["Actor"]], "->", r[col["Recipient"]], "|", r[col["Actor community"]], r[col["Recipient community"]])
`

const readGraphML = `
import sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
for n, d in sorted(G.nodes(data=True), key=lambda x: x[1]["label"]):
    print("actor", d["label"], "|", G.in_degree(n), G.out_degree(n), int(G.degree(n, weight="weight")), d["community"] or None)
`

// The worked example's network measures reach the workbook's Actors and
// Network sheets (read by openpyxl) and its GraphML export, where networkx
// computes the same degrees.
func TestNetworkMeasuresInTheWorkbook(t *testing.T) {
	st, _ := codedSample(t)
	dir := storetest.TempDir(t)
	book := filepath.Join(dir, "report.xlsx")
	if _, err := report.ExportWorkbook(context.Background(), st, book, report.Options{}); err != nil {
		t.Fatal(err)
	}
	out := python(t, readActorMeasures, book)
	if !strings.Contains(out, "actor Sergei Shoigu | 0 3 3 1\n") || !strings.Contains(out, "link Sergei Shoigu -> Wang Yi | 1 1\n") {
		t.Errorf("no measures for Shoigu and his link to Wang Yi:\n%s", out)
	}
	graph := filepath.Join(dir, "network.graphml")
	if _, err := report.Export(context.Background(), st, graph, report.Options{}); err != nil {
		t.Fatal(err)
	}
	if exec.Command("/usr/bin/python3", "-c", "import networkx").Run() != nil {
		t.Skip("skipped the networkx check: python3-networkx is not installed")
	}
	nx, err := exec.Command("/usr/bin/python3", "-c", readGraphML, graph).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, nx)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(nx)), "\n") {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("networkx reads %q from the GraphML, which the Actors sheet does not say:\n%s", line, out)
		}
	}
}
