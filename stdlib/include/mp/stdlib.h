/* stdlib/include/mp/stdlib.h: the C ABI of MP's standard packages written
 * in C++ (libmpstd): fmt, errors, strconv, strings, math, math/rand (as
 * mp_rand_), sort, os, io.EOF, bufio, sync, time, and the print / println
 * builtins.  Each function is named mp_<package>_<Go name> and
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

/* Fprint/Fprintln/Fprintf(w, ...): w is the io.Writer boxed as an
 * interface; its dynamic type must be *os.File, *bufio.Writer or
 * *strings.Builder (mp_os_File_ptr_type, mp_bufio_Writer_ptr_type,
 * mp_strings_Builder_ptr_type).  Returns n; *err (err may be NULL) is the
 * writer's error.  A nil writer panics as a nil dereference. */
int64_t mp_fmt_Fprint(mp_iface w, mp_slice args, mp_iface *err);
int64_t mp_fmt_Fprintln(mp_iface w, mp_slice args, mp_iface *err);
int64_t mp_fmt_Fprintf(mp_iface w, mp_string format, mp_slice args, mp_iface *err);

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
extern const mp_type mp_strings_Builder_ptr_type; /* *strings.Builder */
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

/* ---- os ---- */

/* *os.File: os.Stdin, os.Stdout and os.Stderr (the only files in v1). */
typedef struct mp_os_File {
  int64_t fd;
  mp_string name;
} mp_os_File;
extern const mp_type mp_os_File_ptr_type; /* *os.File, for boxing */
extern mp_os_File *mp_os_Stdin, *mp_os_Stdout, *mp_os_Stderr;
/* os.Args ([]string).  Filled from the process's argv before main; an
 * embedder running a program in-process (mpc run) sets it first. */
extern mp_slice mp_os_Args;
void mp_os_SetArgs(int argc, char **argv);
/* os.Exit(code): flushes buffered stdout, then exits at once (deferred
 * calls do not run, as in Go). */
MP_NORETURN void mp_os_Exit(int64_t code);
/* f.WriteString(s): Stdout is buffered (mp_stdout_write); Stderr flushes
 * Stdout first so interleaved output keeps program order.  Returns n. */
int64_t mp_os_File_WriteString(mp_os_File *f, mp_string s);
/* read(2) through the runtime (parks only the goroutine): bytes read, 0 at
 * EOF, -errno on error. */
int64_t mp_os_File_Read(mp_os_File *f, uint8_t *buf, int64_t n);

/* ---- io ---- */
/* io.EOF: the one error value ReadString returns at end of input (compare
 * by identity, as Go code does with err == io.EOF). */
extern const mp_iface mp_io_EOF;

/* ---- bufio: Scanner, Reader and Writer over an *os.File.  Opaque;
 * NewX returns a pointer (GC memory), methods take it, as Go's do. ---- */
typedef struct mp_bufio_Scanner mp_bufio_Scanner;
typedef struct mp_bufio_Reader mp_bufio_Reader;
typedef struct mp_bufio_Writer mp_bufio_Writer;

enum { MP_BUFIO_MAX_SCAN_TOKEN_SIZE = 64 * 1024 }; /* bufio.MaxScanTokenSize */
/* The split functions Scanner.Split accepts: codegen lowers
 * `s.Split(bufio.ScanWords)` to the matching constant. */
typedef enum mp_bufio_split_kind {
  MP_BUFIO_SCAN_LINES = 0, /* the default: lines without "\n" / "\r\n" */
  MP_BUFIO_SCAN_WORDS,     /* space-separated words (Unicode White_Space) */
  MP_BUFIO_SCAN_RUNES      /* one UTF-8 rune per token */
} mp_bufio_split_kind;

mp_bufio_Scanner *mp_bufio_NewScanner(mp_os_File *r);
/* Go's Scan: false at end of input or on error (then see Err); a token
 * longer than the buffer's maximum (64 KiB) stops with "bufio.Scanner:
 * token too long".  Reading parks only the calling goroutine. */
bool mp_bufio_Scanner_Scan(mp_bufio_Scanner *s);
mp_string mp_bufio_Scanner_Text(const mp_bufio_Scanner *s);
mp_iface mp_bufio_Scanner_Err(const mp_bufio_Scanner *s); /* nil at EOF */
/* After the first Scan these panic "Split called after Scan" / "Buffer
 * called after Scan", as Go's do. */
void mp_bufio_Scanner_Split(mp_bufio_Scanner *s, mp_bufio_split_kind kind);
void mp_bufio_Scanner_Buffer(mp_bufio_Scanner *s, mp_slice buf, int64_t max);

mp_bufio_Reader *mp_bufio_NewReader(mp_os_File *r);
/* r.ReadString(delim): the bytes up to and including delim; at end of
 * input what is left (maybe "") with *err = mp_io_EOF. */
mp_string mp_bufio_Reader_ReadString(mp_bufio_Reader *r, uint8_t delim, mp_iface *err);

extern const mp_type mp_bufio_Writer_ptr_type; /* *bufio.Writer */
mp_bufio_Writer *mp_bufio_NewWriter(mp_os_File *w);
/* Go's Writer with its 4096-byte buffer and flush points.  err may be
 * NULL where the program ignores it. */
int64_t mp_bufio_Writer_WriteString(mp_bufio_Writer *b, mp_string s, mp_iface *err);
mp_iface mp_bufio_Writer_WriteByte(mp_bufio_Writer *b, uint8_t c);
int64_t mp_bufio_Writer_WriteRune(mp_bufio_Writer *b, int32_t r, mp_iface *err);
mp_iface mp_bufio_Writer_Flush(mp_bufio_Writer *b);
int64_t mp_bufio_Writer_Buffered(const mp_bufio_Writer *b);

/* ---- sync: usable at their zero value (all bytes 0), so codegen lays
 * them out inline like any struct; their fields are private.  Built on
 * the runtime's channels: blocking parks only the goroutine. ---- */
typedef struct mp_sync_Mutex {
  struct mp_chan *sem; /* capacity 1; holds a token while locked */
} mp_sync_Mutex;
/* Lock and Wait park in state "semacquire" at pos (a deadlock report shows it). */
void mp_sync_Mutex_Lock(mp_sync_Mutex *m, const struct mp_srcpos *pos);
/* Unlock of an unlocked mutex is Go's unrecoverable "fatal error: sync:
 * unlock of unlocked mutex" (exit 2). */
void mp_sync_Mutex_Unlock(mp_sync_Mutex *m);

typedef struct mp_sync_WaitGroup {
  int64_t count;
  struct mp_chan *done; /* closed when count returns to 0 */
  uint32_t lock;
  uint32_t pad;
} mp_sync_WaitGroup;
/* A counter below zero panics "sync: negative WaitGroup counter". */
void mp_sync_WaitGroup_Add(mp_sync_WaitGroup *wg, int64_t delta);
void mp_sync_WaitGroup_Done(mp_sync_WaitGroup *wg);
void mp_sync_WaitGroup_Wait(mp_sync_WaitGroup *wg, const struct mp_srcpos *pos);

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
/* t.Unix(), t.UnixNano(): the wall-clock reading in seconds (rounded
 * down) and nanoseconds since the Unix epoch. */
int64_t mp_time_Time_Unix(mp_time_Time t);
int64_t mp_time_Time_UnixNano(mp_time_Time t);

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
