/* A stand-in for bcryptprimitives.dll, which Wine 8 lacks and programs
   built with Go 1.22 or later load at start (for ProcessPrng). For tests
   under Wine only: real Windows has the DLL. */
#include <windows.h>

#define RtlGenRandom SystemFunction036
BOOLEAN NTAPI RtlGenRandom(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
