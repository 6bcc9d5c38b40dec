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

/* ---- strings ----
 * Results may share the argument's bytes (substrings), as Go's do.
 * []string arguments/results are mp_slice of mp_string. */
bool mp_strings_Contains(mp_string s, mp_string substr);
bool mp_strings_HasPrefix(mp_string s, mp_string prefix);
bool mp_strings_HasSuffix(mp_string s, mp_string suffix);
int64_t mp_strings_Index(mp_string s, mp_string substr);
mp_slice mp_strings_Fields(mp_string s);
mp_slice mp_strings_Split(mp_string s, mp_string sep);
mp_string mp_strings_Join(mp_slice elems, mp_string sep);
/* count < 0 panics "strings: negative Repeat count". */
mp_string mp_strings_Repeat(mp_string s, int64_t count);
mp_string mp_strings_Replace(mp_string s, mp_string old, mp_string repl, int64_t n);
mp_string mp_strings_ReplaceAll(mp_string s, mp_string old, mp_string repl);
mp_string mp_strings_ToLower(mp_string s);
mp_string mp_strings_ToUpper(mp_string s);
mp_string mp_strings_TrimSpace(mp_string s);

/* strings.Builder: Go's layout (addr for the copy check, then the bytes).
 * Its zero value is ready to use; methods take a pointer, as Go's do. */
typedef struct mp_strings_Builder {
  void *addr;
  mp_slice buf;
} mp_strings_Builder;
int64_t mp_strings_Builder_WriteString(mp_strings_Builder *b, mp_string s);
void mp_strings_Builder_WriteByte(mp_strings_Builder *b, uint8_t c);
int64_t mp_strings_Builder_WriteRune(mp_strings_Builder *b, int32_t r);
mp_string mp_strings_Builder_String(const mp_strings_Builder *b);
int64_t mp_strings_Builder_Len(const mp_strings_Builder *b);
void mp_strings_Builder_Reset(mp_strings_Builder *b);
void mp_strings_Builder_Grow(mp_strings_Builder *b, int64_t n);

/* ---- math (MaxInt64, MinInt64, Pi are constants folded by the compiler) */
double mp_math_Sqrt(double x);
double mp_math_Abs(double x);
double mp_math_Floor(double x);
double mp_math_Ceil(double x);
double mp_math_Pow(double x, double y);
double mp_math_Inf(int64_t sign);

/* ---- time: a Duration is an int64 of nanoseconds; the constants
 * Nanosecond..Hour are compile-time.  Sleep, After and Tick are the
 * scheduler's (runtime.h), not libmpstd's. ---- */
/* The descriptor of time.Duration (its String method included), for
 * codegen to use wherever a Duration is boxed into an interface. */
extern const mp_type mp_time_Duration_type;
/* d.String(): "1.5s", "2m0s", "1h0m0s", "1.2\u00b5s", "0s", as Go. */
mp_string mp_time_Duration_String(int64_t d);
double mp_time_Duration_Seconds(int64_t d);
double mp_time_Duration_Minutes(int64_t d);
double mp_time_Duration_Hours(int64_t d);
int64_t mp_time_Duration_Milliseconds(int64_t d);
int64_t mp_time_Duration_Microseconds(int64_t d);
/* time.Time: wall-clock and monotonic readings in nanoseconds.  Sub and
 * Since use the monotonic one (immune to clock changes), saturating as
 * Go's Sub does. */
typedef struct mp_time_Time {
  int64_t wall; /* since the Unix epoch */
  int64_t mono; /* CLOCK_MONOTONIC */
} mp_time_Time;
mp_time_Time mp_time_Now(void);
int64_t mp_time_Time_Sub(mp_time_Time t, mp_time_Time u);
int64_t mp_time_Since(mp_time_Time t);

/* ---- math/rand: Go 1.19's generator and reductions, so a seed gives
 * Go's numbers.  The global source starts as Seed(1), as in Go 1.19; it
 * is locked, so goroutines may share it. ---- */
void mp_rand_Seed(int64_t seed);
int64_t mp_rand_Int(void);
int64_t mp_rand_Int63(void);
/* n <= 0 panics "invalid argument to Intn" / "... to Int63n". */
int64_t mp_rand_Intn(int64_t n);
int64_t mp_rand_Int63n(int64_t n);
double mp_rand_Float64(void); /* in [0, 1) */
/* A random permutation of 0..n-1 as a fresh []int; n < 0 panics
 * "runtime error: makeslice: len out of range". */
mp_slice mp_rand_Perm(int64_t n);

/* ---- sort ---- */
void mp_sort_Ints(mp_slice x);    /* []int */
void mp_sort_Strings(mp_slice x); /* []string */
void mp_sort_Float64s(mp_slice x); /* []float64: NaNs first, as Go */
/* sort.Slice(x, less): elemSize is the element's size; less is the MP
 * closure func(i, j int) bool, called as ((mp_sort_less_fn)less->fn)(less,
 * i, j) (value.h's closure convention).  Go's algorithm step for step, so
 * ties end where Go leaves them.  A nil less panics as a nil dereference. */
typedef bool (*mp_sort_less_fn)(const mp_closure *self, int64_t i, int64_t j);
void mp_sort_Slice(mp_slice x, int64_t elemSize, const mp_closure *less);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MP_STDLIB_H */
