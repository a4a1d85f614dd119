package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut is Ctrl (Cmd on macOS) plus a key, with Shift when shift is set.
func shortcut(key fyne.KeyName, shift bool) fyne.Shortcut {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

func item(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Shortcut = sc
	return it
}

// mainMenu holds every action with its shortcut; menu shortcuts win over a
// focused entry.
func (wb *workbench) mainMenu() *fyne.MainMenu {
	file := fyne.NewMenu("File",
		item("Import files…", shortcut(fyne.KeyO, false), func() { wb.importer.chooseImport(false) }),
		item("Import folder…", shortcut(fyne.KeyO, true), func() { wb.importer.chooseImport(true) }),
		item("New article from text…", shortcut(fyne.KeyV, true), wb.code.pasteDialog),
		fyne.NewMenuItemSeparator(),
		item("Export…", shortcut(fyne.KeyE, true), func() { wb.exporter.exportDialog() }),
		item("Import workbook…", shortcut(fyne.KeyI, true), wb.workbooks.importWorkbookDialog),
		fyne.NewMenuItemSeparator(),
		item("Back up…", shortcut(fyne.KeyB, true), wb.backups.backupDialog),
		item("Restore a backup…", nil, wb.backups.restoreDialog),
		fyne.NewMenuItemSeparator(),
		wb.teamMenu(),
		fyne.NewMenuItemSeparator(),
		item("Open sample article", nil, wb.code.openSample),
		item("Delete article…", nil, wb.code.deleteArticle),
	)
	edit := fyne.NewMenu("Edit",
		item("Undo", &fyne.ShortcutUndo{}, wb.undo), // the desktop sends Ctrl+Z as this, never as Ctrl and Z
		item("Redo", shortcut(fyne.KeyZ, true), wb.redo),
		fyne.NewMenuItemSeparator(),
		item("Your name on changes…", nil, wb.nameDialog),
	)
	code := fyne.NewMenu("Code",
		item("New event", shortcut(fyne.KeyE, false), wb.code.newEvent),
		item("Delete event", shortcut(fyne.KeyDelete, true), wb.code.deleteEvent),
		fyne.NewMenuItemSeparator(),
		item("Selection as actor", shortcut(fyne.Key1, false), func() { wb.code.coding.asParty(false) }),
		item("Selection as recipient", shortcut(fyne.Key2, false), func() { wb.code.coding.asParty(true) }),
		item("Selection as alias…", shortcut(fyne.Key3, false), wb.code.coding.asAlias),
		item("Selection as place", shortcut(fyne.Key4, false), wb.code.coding.asPlace),
		item("Selection as date", shortcut(fyne.Key5, false), wb.code.coding.asDate),
		item("Selection as evidence", shortcut(fyne.Key6, false), wb.code.coding.asEvidence),
		fyne.NewMenuItemSeparator(),
		item("Next suggestion", shortcut(fyne.KeyJ, false), func() { wb.code.suggest.move(1) }),
		item("Previous suggestion", shortcut(fyne.KeyK, false), func() { wb.code.suggest.move(-1) }),
		item("Accept suggestion", shortcut(fyne.KeyA, true), wb.code.suggest.whenShown(wb.code.suggest.accept)),
		item("Edit suggestion, then accept", shortcut(fyne.KeyReturn, true), wb.code.suggest.whenShown(wb.code.suggest.edit)),
		item("Reject suggestion", shortcut(fyne.KeyR, true), wb.code.suggest.whenShown(wb.code.suggest.reject)),
	)
	view := fyne.NewMenu("View")
	for i, t := range wb.tabList() {
		view.Items = append(view.Items, item(t.Text, shortcut(fyne.KeyName(string(rune('1'+i))), true), func() { wb.tabs.Select(t) }))
	}
	return fyne.NewMainMenu(file, edit, code, view)
}

// teamMenu is File ▸ Team: bundles for colleagues offline, the hub online.
func (wb *workbench) teamMenu() *fyne.MenuItem {
	team := fyne.NewMenuItem("Team", nil)
	team.ChildMenu = fyne.NewMenu("",
		item("Export changes…", nil, wb.team.exportChanges),
		item("Import changes…", nil, wb.team.importChanges),
		fyne.NewMenuItemSeparator(),
		item("Connect to the team hub…", nil, wb.team.connectDialog),
		item("Disconnect", nil, wb.team.disconnect),
	)
	return team
}
