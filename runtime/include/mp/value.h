/* runtime/include/mp/value.h: how MP values are laid out in memory.
 *
 * The contract between codegen (which emits values and type descriptors),
 * the runtime (channels copy values, maps hash them) and stdlib (fmt walks
 * them).  C, so that generated code, the runtime and tests agree byte for
 * byte.  Changing a layout here means changing codegen's lowering with it.
 *
 *   bool            uint8_t, 0 or 1
 *   int, int64      int64_t        uint, uint64, uintptr  uint64_t
 *   int32, rune     int32_t        uint32                 uint32_t
 *   int16 / int8    int16_t/int8_t uint16 / uint8, byte   uint16_t/uint8_t
 *   float64 / 32    double / float
 *   string          mp_string      (immutable bytes, not NUL-terminated)
 *   []T             mp_slice
 *   [N]T            N consecutive T, C layout
 *   struct          C layout (natural alignment, fields in order)
 *   *T, chan T      one pointer (NULL is nil)
 *   map[K]V         one pointer to a runtime mp_map (NULL is nil)
 *   func            one pointer to an mp_closure (NULL is nil)
 *   error, any      mp_iface
 */
#ifndef MP_VALUE_H
#define MP_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define MP_NORETURN [[noreturn]]
extern "C" {
#else
#define MP_NORETURN _Noreturn
#endif

typedef struct mp_type mp_type;

typedef struct mp_string {
  const uint8_t *ptr; /* may be NULL when len == 0 */
  int64_t len;
} mp_string;

typedef struct mp_slice {
  void *ptr;
  int64_t len;
  int64_t cap;
} mp_slice;

/* An interface value (error, or the `any` that fmt takes).  type == NULL is
 * the nil interface.  Otherwise data points to a copy of the dynamic value
 * (always boxed: even a pointer-shaped value is stored behind data). */
typedef struct mp_iface {
  const mp_type *type;
  void *data;
} mp_iface;

/* A func value points to a closure object: the code pointer first, then the
 * captured variables (pointers to heap cells).  Generated code calls
 * fn(closure, args...); top-level functions get a static closure with no
 * captures. */
typedef struct mp_closure {
  void (*fn)(void);
} mp_closure;

typedef enum mp_kind {
  MP_KIND_BOOL = 1,
  MP_KIND_INT,
  MP_KIND_INT8,
  MP_KIND_INT16,
  MP_KIND_INT32,
  MP_KIND_INT64,
  MP_KIND_UINT,
  MP_KIND_UINT8,
  MP_KIND_UINT16,
  MP_KIND_UINT32,
  MP_KIND_UINT64,
  MP_KIND_UINTPTR,
  MP_KIND_FLOAT32,
  MP_KIND_FLOAT64,
  MP_KIND_STRING,
  MP_KIND_POINTER,
  MP_KIND_SLICE,
  MP_KIND_ARRAY,
  MP_KIND_MAP,
  MP_KIND_STRUCT,
  MP_KIND_CHAN,
  MP_KIND_FUNC,
  MP_KIND_INTERFACE
} mp_kind;

/* Channel direction, in mp_type.len for MP_KIND_CHAN. */
enum { MP_CHAN_BOTH = 0, MP_CHAN_SEND = 1, MP_CHAN_RECV = 2 };

/* mp_type.flags */
enum {
  MP_TYPE_NAMED = 1u << 0,        /* a defined type: `type Celsius float64` */
  MP_TYPE_POINTER_FREE = 1u << 1, /* holds no pointers: GC may skip it */
  MP_TYPE_COMPARABLE = 1u << 2,   /* == is defined (map keys, interfaces) */
};

typedef struct mp_field {
  mp_string name;
  const mp_type *type;
  int64_t offset;
} mp_field;

/* A method the runtime may need to call on a value of this type, as Go's fmt
 * does (String, Error).  `self` points to a value of the described type
 * (for a *T descriptor, to the pointer); codegen emits an adapter thunk. */
typedef mp_string (*mp_string_method)(const void *self);

/* Type descriptor: one constant per type used at run time, emitted by
 * codegen (and by hand in unit tests).  Two descriptors describe the same
 * type iff they are the same object (codegen deduplicates them).  In the
 * REPL the first input's descriptor is kept, and its method slots are
 * filled when a later input declares String or Error (the REPL driver). */
struct mp_type {
  uint8_t kind;   /* mp_kind */
  uint8_t align;
  uint16_t flags; /* MP_TYPE_* */
  uint32_t reserved;
  int64_t size;
  mp_string name; /* as %T prints it: "int", "main.Celsius", "[]string",
                     "map[string]int", "*main.Point", "chan<- int" */
  const mp_type *elem; /* pointer, slice, array, chan: element; map: value */
  const mp_type *key;  /* map: key */
  int64_t len;         /* array: length; chan: MP_CHAN_*; struct: #fields */
  const mp_field *fields;         /* struct: `len` fields */
  mp_string_method string_method; /* String() string in the method set */
  mp_string_method error_method;   /* Error() string in the method set */
};

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MP_VALUE_H */
