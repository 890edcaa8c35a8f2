/* Stand-in for Windows' icuuc.dll, for running the Windows build under Wine only.
 *
 * Qt >= 6.10 on Windows links QtCore against the system ICU (icuuc.dll, part of Windows 10
 * 1903 and later) for its non-Unicode text codecs (ucnv_*). Wine has no icuuc.dll, so Qt6Core
 * would not load at all. This stand-in exports the same names and reports every converter as
 * unavailable: QStringConverter then falls back to its built-in UTF-8/UTF-16/Latin-1 codecs,
 * which are all Naskah uses.
 *
 * packaging/windows.py builds it with MinGW into the Wine prefix's system32, never into the
 * bundle: real Windows has the real ICU.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4 /* "the requested file cannot be found" */

typedef int UErrorCode;

static void fail(UErrorCode *err) {
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return ""; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; fail(err); return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err);
}
EXPORT void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err);
}
EXPORT void ucnv_toUnicode(void *cnv, void **target, const void *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush; fail(err);
}
EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const void **source,
                             const void *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush; fail(err);
}
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; fail(err); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset,
                                  UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset; fail(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *source_limit,
                                    int32_t offset, UErrorCode *err) {
    (void)args; (void)source; (void)source_limit; (void)offset; fail(err);
}
/* The substitution callbacks Qt installs: with no converter they are never called. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const void *units,
                                            int32_t length, int32_t cp, int reason, UErrorCode *err) {
    (void)ctx; (void)args; (void)units; (void)length; (void)cp; (void)reason; fail(err);
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *units,
                                          int32_t length, int reason, UErrorCode *err) {
    (void)ctx; (void)args; (void)units; (void)length; (void)reason; fail(err);
}
