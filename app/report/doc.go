// Package report exports coded events for other people and tools: an Excel
// workbook a manager can filter and chart at once (Events, Actors, Articles,
// Evidence, Summary with a native chart, Code lists), CSV and PLOVER-style
// JSON lines; and it brings an edited workbook back (the round trip),
// refusing conflicts and bad values row by row.
package report
