// Command dossier is an offline workbench for analysts who turn news
// articles into events and actors. With no command it opens the window;
// 'dossier help' lists the commands.
package main

import (
	"os"

	"dossier/app/cli"
	_ "dossier/app/locale" // before Fyne reads the locale
	"dossier/views"
)

func main() {
	cli.AttachConsole() // Windows: print to the console the program was started from
	os.Exit(cli.Main(os.Args[1:], cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Window: views.Run, Problem: views.ShowProblem, Locked: views.RunLocked,
	}))
}
