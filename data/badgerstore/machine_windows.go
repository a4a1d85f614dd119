package badgerstore

import (
	"os"

	"golang.org/x/sys/windows/registry"
)

// systemMachineID names this computer: Windows's machine GUID, else its name.
func systemMachineID() string {
	if k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\Cryptography`, registry.QUERY_VALUE|registry.WOW64_64KEY); err == nil {
		defer k.Close()
		if v, _, err := k.GetStringValue("MachineGuid"); err == nil && v != "" {
			return v
		}
	}
	h, _ := os.Hostname()
	return h
}
