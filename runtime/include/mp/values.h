/* runtime/include/mp/values.h: the runtime's C ABI for strings, maps and
 * value equality/hashing (runtime/string.cpp, map.cpp, equal.cpp).
 * Generated code calls these; every function documents its Go semantics.
 * Layouts are value.h's; `t` arguments are codegen's type descriptors. */
#ifndef MP_VALUES_H
#define MP_VALUES_H

#include "mp/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Bounds checks (Go's exact runtime error messages) ---- */

/* Which check failed, as Go's runtime names them.  x, y are the values
 * printed: e.g. MP_BOUNDS_SLICE_ALEN: "slice bounds out of range [:x] with
 * length y"; a negative x prints the short form ("[x:]").  */
typedef enum mp_bounds_kind {
  MP_BOUNDS_INDEX,        /* s[x] with len y */
  MP_BOUNDS_SLICE_ALEN,   /* s[:x], x > len y (strings, arrays) */
  MP_BOUNDS_SLICE_ACAP,   /* s[:x], x > cap y (slices) */
  MP_BOUNDS_SLICE_B,      /* s[x:y], x > y */
  MP_BOUNDS_SLICE3_ALEN,  /* s[::x], x > len y */
  MP_BOUNDS_SLICE3_ACAP,  /* s[::x], x > cap y */
  MP_BOUNDS_SLICE3_B,     /* s[:x:y], x > y */
  MP_BOUNDS_SLICE3_C      /* s[x:y:], x > y */
} mp_bounds_kind;

/* Panics with "runtime error: <Go's message for kind, x, y>". */
MP_NORETURN void mp_panic_bounds(mp_bounds_kind kind, int64_t x, int64_t y);

/* ---- Strings ---- */

/* a + b; the result shares a's or b's bytes when the other is empty. */
mp_string mp_string_concat2(mp_string a, mp_string b);
/* parts[0] + ... + parts[n-1] in one allocation. */
mp_string mp_string_concat(const mp_string *parts, int64_t n);
bool mp_string_equal(mp_string a, mp_string b);
/* Bytewise comparison: <0, 0, >0 (Go's <, <=, >, >= on strings). */
int mp_string_compare(mp_string a, mp_string b);
/* s[lo:hi] with Go's checks (hi <= len, then lo <= hi; also lo < 0). */
mp_string mp_string_slice(mp_string s, int64_t lo, int64_t hi);
/* s[i], panicking "index out of range [i] with length n". */
uint8_t mp_string_index(mp_string s, int64_t i);

/* string(r) for an integer r: its UTF-8 encoding, "\uFFFD" when r is not a
 * valid code point (negative, surrogate, > 0x10FFFF). */
mp_string mp_string_from_rune(int64_t r);
/* []byte(s) (a fresh copy) and string(b). */
mp_slice mp_string_to_bytes(mp_string s);
mp_string mp_string_from_bytes(mp_slice b);
/* []rune(s) (int32 elements; invalid bytes become U+FFFD one by one) and
 * string(rs). */
mp_slice mp_string_to_runes(mp_string s);
mp_string mp_string_from_runes(mp_slice rs);
/* UTF-8 decoding step of `for i, r := range s`, for s[k] >= 0x80 (codegen
 * handles ASCII inline): stores the rune at byte k in *r and returns the
 * index of the next one.  Invalid or truncated encodings yield U+FFFD and
 * advance one byte, as Go does. */
int64_t mp_string_decode_rune(mp_string s, int64_t k, int32_t *r);
/* Number of runes in s (utf8.RuneCountInString rules). */
int64_t mp_string_rune_count(mp_string s);

/* ---- Equality and hashing, driven by the descriptor's kind ---- */

/* a == b for two values of type t (t must be comparable; an interface
 * holding an uncomparable dynamic type panics "comparing uncomparable type
 * []int", as Go does). */
bool mp_equal(const mp_type *t, const void *a, const void *b);
/* a == b for interface values (error == nil, err1 == err2). */
bool mp_iface_equal(mp_iface a, mp_iface b);
/* Hash of a value of type t, consistent with mp_equal (+0 == -0; NaN hashes
 * randomly).  Panics "hash of unhashable type T" for an interface holding an
 * unhashable dynamic type. */
uint64_t mp_hash(const mp_type *t, const void *v, uint64_t seed);

/* ---- Maps ---- */

/* map[K]V is a pointer to this opaque table (NULL is the nil map).  t below
 * is always the map's descriptor (kind MP_KIND_MAP, key and elem set). */
typedef struct mp_map mp_map;

/* make(map[K]V, hint); hint is only a capacity hint (Go ignores a negative
 * one at run time, and so do we). */
mp_map *mp_map_make(const mp_type *t, int64_t hint);
/* len(m); 0 for nil. */
int64_t mp_map_len(const mp_map *m);
/* m[key]: pointer to the stored value, or to a zero value of V when absent
 * (never NULL; never write through it).  Valid until the next map write. */
const void *mp_map_lookup(const mp_type *t, const mp_map *m, const void *key);
/* v, ok := m[key]: as mp_map_lookup, *ok says whether key was present. */
const void *mp_map_lookup2(const mp_type *t, const mp_map *m, const void *key, bool *ok);
/* m[key] = ...: returns the slot to store V into (zeroed when new).  Valid
 * until the next map write.  Nil map panics "assignment to entry in nil
 * map". */
void *mp_map_assign(const mp_type *t, mp_map *m, const void *key);
/* delete(m, key); no-op on nil map or absent key. */
void mp_map_delete(const mp_type *t, mp_map *m, const void *key);
/* `for k, v := range m`.  The iterator lives in the caller's frame (its
 * fields are private).  Go's semantics: starts at a random position, yields
 * each entry at most once, never yields an entry deleted before it is
 * reached, may or may not yield entries inserted during the loop. */
typedef struct mp_map_iter {
  const mp_map *map;
  void *entries;     /* the entry array being walked */
  int64_t used;      /* entries in that array when the walk began */
  int64_t start;     /* random first index */
  int64_t step;      /* entries visited so far */
  void *key, *val;   /* current entry, for the caller to copy out */
} mp_map_iter;

void mp_map_iter_init(const mp_type *t, const mp_map *m, mp_map_iter *it);
/* Advances; false when done.  On true, it->key and it->val point to the
 * entry's key and value (copy them before the next map write). */
bool mp_map_iter_next(const mp_type *t, mp_map_iter *it);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MP_VALUES_H */
