// runtime/map.cpp: map[K]V as a hash table on GC memory.
//
// Layout: an append-only entry array (header word, key, value, stored inline
// at offsets computed from the descriptor) plus an open-addressing index of
// 64-bit slots (hash tag << 32 | entry number + 1) with linear probing and
// backward-shift deletion, so the index never holds tombstones.
// Invariants:
//  - entry header == 0 means deleted (key/value zeroed), else hash | 1;
//  - count == number of live entries == number of non-zero index slots;
//  - used <= cap; entries [used, cap) are zero; a full array is never
//    written again: growing or compacting copies live entries, in order, to
//    a fresh array.  Iterators rely on that (see mp_map_iter_next).
// Hand-written rather than std::unordered_map because keys and values are
// sized only at run time and must live in collector-visible memory.
#include "mp/runtime.h"
#include "mp/values.h"
#include "sched.h"
#include "values_internal.hpp"

#define XXH_INLINE_ALL  // header-only: no link dependency, and the hash inlines
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

enum class KeyClass : uint8_t { Word, Memory, String, Generic };

} // namespace

struct mp_map {
  const mp_type *type;
  int64_t count;
  uint8_t *entries;
  int64_t used, cap;
  uint64_t *index;
  uint64_t mask;  // index size - 1 (index size is a power of two)
  uint64_t seed;
  int64_t stride, keyOff, valOff;
  KeyClass keyClass;
  bool keyUpdate;
  bool atomicEntries;  // neither key nor value holds pointers
};

namespace {

alignas(16) const uint8_t zeroValue[1024] = {};

int64_t alignUp(int64_t n, int64_t a) { return a > 1 ? (n + a - 1) / a * a : n; }

uint64_t &header(const mp_map *m, uint8_t *entries, int64_t i) {
  return *reinterpret_cast<uint64_t *>(entries + i * m->stride);
}
uint8_t *keyAt(const mp_map *m, uint8_t *entries, int64_t i) {
  return entries + i * m->stride + m->keyOff;
}
uint8_t *valAt(const mp_map *m, uint8_t *entries, int64_t i) {
  return entries + i * m->stride + m->valOff;
}

uint32_t tagOf(uint64_t h) { return static_cast<uint32_t>(h >> 32); }

uint64_t hashKey(const mp_map *m, const void *key) {
  switch (m->keyClass) {
  case KeyClass::Word:
    return XXH3_64bits_withSeed(key, 8, m->seed);
  case KeyClass::Memory:
    return XXH3_64bits_withSeed(key, static_cast<size_t>(m->type->key->size), m->seed);
  case KeyClass::String: {
    const auto *s = static_cast<const mp_string *>(key);
    return XXH3_64bits_withSeed(s->ptr, static_cast<size_t>(s->len), m->seed);
  }
  case KeyClass::Generic:
    return mp_hash(m->type->key, key, m->seed);
  }
  return 0;
}

bool keyEqual(const mp_map *m, const void *a, const void *b) {
  switch (m->keyClass) {
  case KeyClass::Word:
    return *static_cast<const uint64_t *>(a) == *static_cast<const uint64_t *>(b);
  case KeyClass::Memory:
    return std::memcmp(a, b, static_cast<size_t>(m->type->key->size)) == 0;
  case KeyClass::String:
    return mp_string_equal(*static_cast<const mp_string *>(a), *static_cast<const mp_string *>(b));
  case KeyClass::Generic:
    return mp_equal(m->type->key, a, b);
  }
  return false;
}

// Index slot holding key (hash h), or the empty slot where it would go.
uint64_t *findSlot(const mp_map *m, const void *key, uint64_t h) {
  uint32_t tag = tagOf(h);
  for (uint64_t i = tag & m->mask;; i = (i + 1) & m->mask) {
    uint64_t s = m->index[i];
    if (s == 0)
      return &m->index[i];
    if (static_cast<uint32_t>(s >> 32) == tag &&
        keyEqual(m, key, keyAt(m, m->entries, static_cast<int64_t>(s & 0xffffffffu) - 1)))
      return &m->index[i];
  }
}

// Rebuilds entries and index with room for `need` live entries.
void rebuild(mp_map *m, int64_t need) {
  uint64_t size = 8;
  while (size * 3 / 4 < static_cast<uint64_t>(need))
    size *= 2;
  int64_t cap = static_cast<int64_t>(size * 3 / 4);
  size_t bytes = static_cast<size_t>(cap * m->stride);
  auto *entries = static_cast<uint8_t *>(m->atomicEntries ? mp_alloc_atomic(bytes) : mp_alloc(bytes));
  auto *index = static_cast<uint64_t *>(mp_alloc_atomic(size * sizeof(uint64_t)));
  int64_t n = 0;
  for (int64_t i = 0; i < m->used; ++i) {
    uint64_t h = header(m, m->entries, i);
    if (h == 0)
      continue;
    std::memcpy(entries + n * m->stride, m->entries + i * m->stride, static_cast<size_t>(m->stride));
    uint64_t j = tagOf(h) & (size - 1);
    while (index[j] != 0)
      j = (j + 1) & (size - 1);
    index[j] = static_cast<uint64_t>(tagOf(h)) << 32 | static_cast<uint64_t>(n + 1);
    ++n;
  }
  m->entries = entries;
  m->index = index;
  m->mask = size - 1;
  m->used = n;
  m->cap = cap;
}

const void *zeroOf(const mp_type *t) {
  int64_t size = t->elem->size;
  return size <= static_cast<int64_t>(sizeof zeroValue) ? zeroValue : mp_alloc(static_cast<size_t>(size));
}

const void *lookup(const mp_type *t, const mp_map *m, const void *key, bool *ok) {
  if (!m || m->count == 0) {
    if (t->key->kind == MP_KIND_INTERFACE)
      mp_hash(t->key, key, 0);  // Go panics on unhashable keys even here
    *ok = false;
    return zeroOf(t);
  }
  uint64_t s = *findSlot(m, key, hashKey(m, key));
  *ok = s != 0;
  return s ? valAt(m, m->entries, static_cast<int64_t>(s & 0xffffffffu) - 1) : zeroOf(t);
}

// Go reports this as a plain runtime error, without "runtime error: ";
// like any panic it runs deferred calls and recover() can stop it.
[[noreturn]] void panicNilMapWrite(const mp_srcpos *pos) {
  mp::rt::panicString("assignment to entry in nil map", pos);
}

} // namespace

extern "C" mp_map *mp_map_make(const mp_type *t, int64_t hint) {
  auto *m = static_cast<mp_map *>(mp_alloc(sizeof(mp_map)));
  const mp_type *k = t->key, *v = t->elem;
  m->type = t;
  m->seed = mp::rt::randomU64();
  m->keyOff = alignUp(8, k->align);
  m->valOff = alignUp(m->keyOff + k->size, v->align);
  m->stride = alignUp(m->valOff + v->size, 8);
  if (k->kind == MP_KIND_STRING)
    m->keyClass = KeyClass::String;
  else if (!mp::rt::isMemoryComparable(k))
    m->keyClass = KeyClass::Generic;
  else
    m->keyClass = k->size == 8 ? KeyClass::Word : KeyClass::Memory;
  m->keyUpdate = mp::rt::needsKeyUpdate(k);
  m->atomicEntries = (k->flags & MP_TYPE_POINTER_FREE) && (v->flags & MP_TYPE_POINTER_FREE);
  if (hint > 0)
    rebuild(m, hint);
  return m;
}

extern "C" int64_t mp_map_len(const mp_map *m) { return m ? m->count : 0; }

extern "C" const void *mp_map_lookup(const mp_type *t, const mp_map *m, const void *key) {
  bool ok;
  return lookup(t, m, key, &ok);
}

extern "C" const void *mp_map_lookup2(const mp_type *t, const mp_map *m, const void *key,
                                      bool *ok) {
  return lookup(t, m, key, ok);
}

namespace {
// An interface key's dynamic type must be hashable (Go panics at the
// statement): checked before the map is looked at.
void checkKey(const mp_type *t, const void *key, const mp_srcpos *pos) {
  if (t->key->kind == MP_KIND_INTERFACE)
    mp::rt::checkComparable("hash of unhashable type ", *static_cast<const mp_iface *>(key), pos);
}
} // namespace

extern "C" const void *mp_map_lookup_at(const mp_type *t, const mp_map *m, const void *key,
                                        const mp_srcpos *pos) {
  checkKey(t, key, pos);
  return mp_map_lookup(t, m, key);
}

extern "C" const void *mp_map_lookup2_at(const mp_type *t, const mp_map *m, const void *key,
                                         bool *ok, const mp_srcpos *pos) {
  checkKey(t, key, pos);
  return mp_map_lookup2(t, m, key, ok);
}

extern "C" void mp_map_delete_at(const mp_type *t, mp_map *m, const void *key,
                                 const mp_srcpos *pos) {
  checkKey(t, key, pos);
  mp_map_delete(t, m, key);
}

extern "C" void *mp_map_assign(const mp_type *t, mp_map *m, const void *key) {
  return mp_map_assign_at(t, m, key, nullptr);
}

extern "C" void *mp_map_assign_at(const mp_type *t, mp_map *m, const void *key,
                                  const mp_srcpos *pos) {
  if (!m)
    panicNilMapWrite(pos);  // before the key is hashed, as Go's mapassign
  checkKey(t, key, pos);
  uint64_t h = hashKey(m, key);
  if (m->index) {
    uint64_t *slot = findSlot(m, key, h);
    if (*slot) {
      int64_t i = static_cast<int64_t>(*slot & 0xffffffffu) - 1;
      if (m->keyUpdate)
        std::memcpy(keyAt(m, m->entries, i), key, static_cast<size_t>(t->key->size));
      return valAt(m, m->entries, i);
    }
  }
  if (m->used == m->cap)
    rebuild(m, m->count + 1 > m->cap / 2 ? 2 * (m->count + 1) : m->count + 1);
  uint64_t *slot = findSlot(m, key, h);
  int64_t i = m->used++;
  header(m, m->entries, i) = h | 1;
  std::memcpy(keyAt(m, m->entries, i), key, static_cast<size_t>(t->key->size));
  *slot = static_cast<uint64_t>(tagOf(h)) << 32 | static_cast<uint64_t>(i + 1);
  ++m->count;
  return valAt(m, m->entries, i);
}

extern "C" void mp_map_delete(const mp_type *t, mp_map *m, const void *key) {
  if (!m || m->count == 0) {
    if (t->key->kind == MP_KIND_INTERFACE)
      mp_hash(t->key, key, 0);  // unhashable keys panic even here
    return;
  }
  uint64_t *slot = findSlot(m, key, hashKey(m, key));
  if (*slot == 0)
    return;
  int64_t e = static_cast<int64_t>(*slot & 0xffffffffu) - 1;
  std::memset(m->entries + e * m->stride, 0, static_cast<size_t>(m->stride));
  --m->count;
  // Backward-shift deletion: pull later members of the probe run into the
  // hole unless their home slot lies cyclically in (hole, j].
  uint64_t hole = static_cast<uint64_t>(slot - m->index);
  for (uint64_t j = (hole + 1) & m->mask; m->index[j] != 0; j = (j + 1) & m->mask) {
    uint64_t home = (m->index[j] >> 32) & m->mask;
    bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
    if (stays)
      continue;
    m->index[hole] = m->index[j];
    hole = j;
  }
  m->index[hole] = 0;
}

extern "C" void mp_map_iter_init(const mp_type *t, const mp_map *m, mp_map_iter *it) {
  *it = mp_map_iter{};
  it->map = m;
  if (!m || m->count == 0)
    return;
  it->entries = m->entries;
  it->used = m->used;
  it->start = static_cast<int64_t>(mp::rt::randomU64() % static_cast<uint64_t>(m->used));
}

// Walks the entry array that was current at init, from `start` around to
// start-1.  While that array is still the map's, its headers show deletions
// directly.  Once the map has moved to a new array (growth), the old one is
// frozen: an entry live there is re-looked-up in the map, which yields the
// current key and value or shows it was deleted since — Go's rule for
// iterating during growth.  Entries appended after init are not visited.
extern "C" bool mp_map_iter_next(const mp_type *t, mp_map_iter *it) {
  const mp_map *m = it->map;
  auto *entries = static_cast<uint8_t *>(it->entries);
  while (it->step < it->used) {
    int64_t i = (it->start + it->step++) % it->used;
    if (header(m, entries, i) == 0)
      continue;
    uint8_t *key = keyAt(m, entries, i);
    if (entries == m->entries) {
      it->key = key;
      it->val = valAt(m, entries, i);
      return true;
    }
    if (!mp_equal(t->key, key, key)) {  // NaN keys cannot be looked up
      it->key = key;
      it->val = valAt(m, entries, i);
      return true;
    }
    uint64_t s = m->count ? *findSlot(m, key, hashKey(m, key)) : 0;
    if (s == 0)
      continue;
    int64_t j = static_cast<int64_t>(s & 0xffffffffu) - 1;
    it->key = keyAt(m, m->entries, j);
    it->val = valAt(m, m->entries, j);
    return true;
  }
  return false;
}
