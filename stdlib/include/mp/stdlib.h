/* stdlib/include/mp/stdlib.h: the C ABI of MP's standard packages written
 * in C++ (libmpstd): fmt, errors, strconv, strings, math and the print /
 * println builtins.  Each function is named mp_<package>_<Go name> and
 * behaves, and prints, exactly as the Go function of that name.
 * Conventions: `...any` arrives as an mp_slice of mp_iface; results that Go
 * returns with an error take an `mp_iface *err` out-parameter (set to the
 * nil interface on success); strings returned are fresh GC memory. */
#ifndef MP_STDLIB_H
#define MP_STDLIB_H

#include "mp/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors and the error interface ---- */

/* errors.New(text): a *errors.errorString (%T prints that; two calls give
 * unequal errors, as in Go). */
mp_iface mp_errors_New(mp_string text);
/* err.Error() through the dynamic type's error_method; err must be
 * non-nil (codegen checks nil first and panics as for a nil dereference). */
mp_string mp_error_Error(mp_iface err);

/* ---- fmt ---- */

/* Print/Println/Printf write to the program's stdout (mp_stdout_write) and
 * return the number of bytes written (Go's n; the error is always nil). */
int64_t mp_fmt_Print(mp_slice args);
int64_t mp_fmt_Println(mp_slice args);
int64_t mp_fmt_Printf(mp_string format, mp_slice args);
mp_string mp_fmt_Sprint(mp_slice args);
mp_string mp_fmt_Sprintln(mp_slice args);
mp_string mp_fmt_Sprintf(mp_string format, mp_slice args);
/* fmt.Errorf: a *errors.errorString, or a *fmt.wrapError when the format
 * has a valid %w. */
mp_iface mp_fmt_Errorf(mp_string format, mp_slice args);

/* ---- builtins print and println (Go's runtime formatting, to stdout) ----
 * codegen emits one call per operand; println puts mp_print_space between
 * operands and mp_print_newline at the end. */
void mp_print_bool(bool v);
void mp_print_int(int64_t v);
void mp_print_uint(uint64_t v);
void mp_print_float(double v); /* +1.500000e+000 */
void mp_print_string(mp_string s);
void mp_print_pointer(const void *p); /* pointers, chans, maps, funcs: 0x... */
void mp_print_slice(mp_slice s);      /* [len/cap]0x... */
void mp_print_iface(mp_iface v);      /* (0xtype,0xdata) */
void mp_print_space(void);
void mp_print_newline(void);

/* ---- strconv ---- */

mp_string mp_strconv_Itoa(int64_t i);
/* base must be 2..36, else panics "strconv: illegal AppendInt/FormatInt
 * base" as Go does. */
mp_string mp_strconv_FormatInt(int64_t i, int64_t base);
/* On failure *err is a *strconv.NumError whose Error() reads e.g.
 * `strconv.Atoi: parsing "x": invalid syntax` or `... value out of range`
 * (the result is then 0, or the clamped value for out-of-range, as Go). */
int64_t mp_strconv_Atoi(mp_string s, mp_iface *err);
int64_t mp_strconv_ParseInt(mp_string s, int64_t base, int64_t bitSize, mp_iface *err);
mp_string mp_strconv_Quote(mp_string s);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MP_STDLIB_H */
