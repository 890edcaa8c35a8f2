/* Stand-in for Windows' bcryptprimitives.dll, for running the Windows build under Wine 8 only.
 *
 * Rust >= 1.78 programs take their random bytes from bcryptprimitives.dll!ProcessPrng (Windows
 * 10 and later have it); pydantic_core and cryptography's Rust module import it, and Wine 8
 * has no such DLL, so they fail to load ("DLL load failed ... Module not found"). This
 * stand-in gives the same bytes from the system's generator behind RtlGenRandom.
 *
 * packaging/windows.py builds it with MinGW into the Wine prefix's system32, never into the
 * bundle: real Windows has the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
