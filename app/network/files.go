package network

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dossier/data/codebook"
)

// The chart as files network tools read: GEXF 1.3 for Gephi (dynamic, so
// Gephi's timeline plays the actors and links by their dates) and GraphML
// for networkx, yEd, Cytoscape and igraph. Both carry the same attributes,
// the measures among them.

// attribute is one column of a node or a link in both formats.
type attribute struct {
	name string
	kind string // GraphML's attr.type: string, int or double
	node func(n Node, m Measures) any
	link func(l Link) any
}

var nodeAttributes = []attribute{
	{name: "kind", kind: "string", node: func(n Node, _ Measures) any { return n.Kind }},
	{name: "country", kind: "string", node: func(n Node, _ Measures) any { return n.Country }},
	{name: "events", kind: "int", node: func(n Node, _ Measures) any { return n.Events }},
	{name: "fatalities", kind: "int", node: func(n Node, _ Measures) any { return n.Killed }},
	{name: "first", kind: "string", node: func(n Node, _ Measures) any { return n.First }},
	{name: "last", kind: "string", node: func(n Node, _ Measures) any { return n.Last }},
	{name: "in_degree", kind: "int", node: func(_ Node, m Measures) any { return m.In }},
	{name: "out_degree", kind: "int", node: func(_ Node, m Measures) any { return m.Out }},
	{name: "weighted_degree", kind: "int", node: func(_ Node, m Measures) any { return m.Weighted }},
	{name: "betweenness", kind: "double", node: func(_ Node, m Measures) any { return m.Betweenness }},
	{name: "pagerank", kind: "double", node: func(_ Node, m Measures) any { return m.PageRank }},
	{name: "community", kind: "int", node: func(_ Node, m Measures) any { return m.Community }},
}

var linkAttributes = []attribute{
	{name: "events", kind: "int", link: func(l Link) any { return l.Count() }},
	{name: "fatalities", kind: "int", link: func(l Link) any { return l.Killed }},
	{name: "verbal_cooperation", kind: "int", link: func(l Link) any { return l.ByQuad[1] }},
	{name: "material_cooperation", kind: "int", link: func(l Link) any { return l.ByQuad[2] }},
	{name: "verbal_conflict", kind: "int", link: func(l Link) any { return l.ByQuad[3] }},
	{name: "material_conflict", kind: "int", link: func(l Link) any { return l.ByQuad[4] }},
	{name: "mostly", kind: "string", link: func(l Link) any { return codebook.QuadClassNames[l.Dominant()] }},
	{name: "first", kind: "string", link: func(l Link) any { return l.First }},
	{name: "last", kind: "string", link: func(l Link) any { return l.Last }},
}

// gexfTypes are GEXF's names of the GraphML types.
var gexfTypes = map[string]string{"string": "string", "int": "integer", "double": "double"}

// esc is text made safe for an XML attribute or element.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func value(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'g', 17, 64)
	}
	return esc(fmt.Sprint(v))
}

// WriteGraphML writes the chart as GraphML, a directed graph with every
// attribute declared and typed.
func WriteGraphML(out io.Writer, g *Graph, a Analysis, title string) error {
	w := bufio.NewWriter(out)
	w.WriteString(xml.Header)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	fmt.Fprintf(w, "<!-- %s -->\n", strings.ReplaceAll(esc(title), "--", "- -"))
	w.WriteString(`<key id="label" for="node" attr.name="label" attr.type="string"/>` + "\n")
	for _, at := range nodeAttributes {
		fmt.Fprintf(w, `<key id="n_%s" for="node" attr.name="%s" attr.type="%s"/>`+"\n", at.name, at.name, at.kind)
	}
	w.WriteString(`<key id="weight" for="edge" attr.name="weight" attr.type="double"/>` + "\n")
	for _, at := range linkAttributes {
		fmt.Fprintf(w, `<key id="e_%s" for="edge" attr.name="%s" attr.type="%s"/>`+"\n", at.name, at.name, at.kind)
	}
	w.WriteString(`<graph id="dossier" edgedefault="directed">` + "\n")
	for i, n := range g.Nodes {
		fmt.Fprintf(w, `<node id="%s"><data key="label">%s</data>`, esc(n.ID), esc(n.Name))
		for _, at := range nodeAttributes {
			fmt.Fprintf(w, `<data key="n_%s">%s</data>`, at.name, value(at.node(n, a.Nodes[i])))
		}
		w.WriteString("</node>\n")
	}
	for i, l := range g.Links {
		fmt.Fprintf(w, `<edge id="e%d" source="%s" target="%s"><data key="weight">%d</data>`, i, esc(l.From), esc(l.To), l.Count())
		for _, at := range linkAttributes {
			fmt.Fprintf(w, `<data key="e_%s">%s</data>`, at.name, value(at.link(l)))
		}
		w.WriteString("</edge>\n")
	}
	w.WriteString("</graph>\n</graphml>\n")
	return w.Flush()
}

// WriteGEXF writes the chart as GEXF 1.3 for Gephi: a directed, dynamic
// graph (nodes and links live from their first to their last date), links
// weighted by their events, nodes sized by events and coloured by kind as
// on Dossier's chart.
func WriteGEXF(out io.Writer, g *Graph, a Analysis, title string, day time.Time) error {
	w := bufio.NewWriter(out)
	w.WriteString(xml.Header)
	w.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	fmt.Fprintf(w, `<meta lastmodifieddate="%s"><creator>Dossier</creator><description>%s</description></meta>`+"\n", day.Format("2006-01-02"), esc(title))
	w.WriteString(`<graph defaultedgetype="directed" mode="dynamic" timeformat="date">` + "\n")
	declare := func(class string, attrs []attribute) {
		fmt.Fprintf(w, `<attributes class="%s" mode="static">`+"\n", class)
		for i, at := range attrs {
			fmt.Fprintf(w, `<attribute id="%d" title="%s" type="%s"/>`+"\n", i, at.name, gexfTypes[at.kind])
		}
		w.WriteString("</attributes>\n")
	}
	declare("node", nodeAttributes)
	declare("edge", linkAttributes)
	w.WriteString("<nodes>\n")
	for i, n := range g.Nodes {
		fmt.Fprintf(w, `<node id="%s" label="%s"%s><attvalues>`, esc(n.ID), esc(n.Name), span(n.First, n.Last))
		for j, at := range nodeAttributes {
			fmt.Fprintf(w, `<attvalue for="%d" value="%s"/>`, j, value(at.node(n, a.Nodes[i])))
		}
		c := kindColour(n.Kind)
		fmt.Fprintf(w, `</attvalues><viz:size value="%.1f"/><viz:color r="%d" g="%d" b="%d"/></node>`+"\n", radius(n), c.R, c.G, c.B)
	}
	w.WriteString("</nodes>\n<edges>\n")
	for i, l := range g.Links {
		fmt.Fprintf(w, `<edge id="%d" source="%s" target="%s" weight="%d"%s><attvalues>`, i, esc(l.From), esc(l.To), l.Count(), span(l.First, l.Last))
		for j, at := range linkAttributes {
			fmt.Fprintf(w, `<attvalue for="%d" value="%s"/>`, j, value(at.link(l)))
		}
		w.WriteString("</attvalues></edge>\n")
	}
	w.WriteString("</edges>\n</graph>\n</gexf>\n")
	return w.Flush()
}

// span is GEXF's start and end of a node or a link ("" when undated).
func span(first, last string) string {
	if first == "" {
		return ""
	}
	return fmt.Sprintf(` start="%s" end="%s"`, esc(first), esc(last))
}
