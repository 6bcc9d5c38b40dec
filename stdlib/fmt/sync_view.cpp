// stdlib/fmt/sync_view.cpp: what fmt prints for a sync.Mutex or
// sync.WaitGroup.  MP's layouts (stdlib.h: a channel, a counter) are not
// Go's, so `fmt.Println(s)` of a struct holding a mutex would show MP's
// internals; instead fmt prints Go 1.19's fields, computed from MP's state:
//   Mutex     {state int32; sema uint32}: state 1 while locked, else 0
//   WaitGroup {noCopy sync.noCopy; state1 uint64; state2 uint32}:
//             state1 = counter<<32 (+1 while a goroutine waits)
// Waiter counts Go would add to a contended Mutex are not modelled.
#include "printer.hpp"

#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

#include <cstring>

namespace mp::fmt {
namespace {

using mp::std_::lit;

const mp_type int32Type = {MP_KIND_INT32, 4, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 4,
                           lit("int32"), nullptr, nullptr, 0, nullptr, nullptr, nullptr};
const mp_type uint32Type = {MP_KIND_UINT32, 4, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 4,
                            lit("uint32"), nullptr, nullptr, 0, nullptr, nullptr, nullptr};
const mp_type uint64Type = {MP_KIND_UINT64, 8, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 8,
                            lit("uint64"), nullptr, nullptr, 0, nullptr, nullptr, nullptr};
const mp_type noCopyType = {MP_KIND_STRUCT, 1, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE | MP_TYPE_NAMED,
                            0, 0, lit("sync.noCopy"), nullptr, nullptr, 0, nullptr, nullptr, nullptr};

const mp_field mutexFields[] = {{lit("state"), &int32Type, 0}, {lit("sema"), &uint32Type, 4}};
const mp_type goMutexType = {MP_KIND_STRUCT, 4, MP_TYPE_POINTER_FREE | MP_TYPE_NAMED, 0, 8,
                             lit("sync.Mutex"), nullptr, nullptr, 2, mutexFields, nullptr, nullptr};

const mp_field waitGroupFields[] = {{lit("noCopy"), &noCopyType, 0},
                                    {lit("state1"), &uint64Type, 0},
                                    {lit("state2"), &uint32Type, 8}};
const mp_type goWaitGroupType = {MP_KIND_STRUCT, 8, MP_TYPE_POINTER_FREE | MP_TYPE_NAMED, 0, 16,
                                 lit("sync.WaitGroup"), nullptr, nullptr, 3, waitGroupFields,
                                 nullptr, nullptr};

} // namespace

Value goSyncView(Value v, SyncView *store) {
  if (!v.type || v.type->kind != MP_KIND_STRUCT || v.type == &goMutexType ||
      v.type == &goWaitGroupType)  // already Go's view
    return v;
  std::string_view name = typeName(v.type);
  std::memset(store->bytes, 0, sizeof store->bytes);
  if (name == "sync.Mutex") {
    const auto *m = static_cast<const mp_sync_Mutex *>(v.ptr);
    mp_chan *sem = __atomic_load_n(&m->sem, __ATOMIC_ACQUIRE);
    int32_t state = sem && mp_chan_len(sem) > 0 ? 1 : 0;
    std::memcpy(store->bytes, &state, sizeof state);
    return Value{&goMutexType, store->bytes};
  }
  if (name == "sync.WaitGroup") {
    const auto *wg = static_cast<const mp_sync_WaitGroup *>(v.ptr);
    int64_t count = __atomic_load_n(&wg->count, __ATOMIC_RELAXED);
    bool waiting = __atomic_load_n(&wg->done, __ATOMIC_RELAXED) != nullptr;
    uint64_t state1 = (static_cast<uint64_t>(count) << 32) | (waiting ? 1u : 0u);
    std::memcpy(store->bytes, &state1, sizeof state1);
    return Value{&goWaitGroupType, store->bytes};
  }
  return v;
}

} // namespace mp::fmt
