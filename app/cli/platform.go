package cli

import "runtime"

func isMac() bool { return runtime.GOOS == "darwin" }
