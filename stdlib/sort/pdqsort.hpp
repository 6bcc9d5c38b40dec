// stdlib/sort/pdqsort.hpp: Go 1.19's sort algorithm (pattern-defeating
// quicksort, as in Go's sort package) over index-based less/swap.
// sort.Slice is not stable, so for elements that compare equal the final
// order is whatever Go's exact sequence of swaps produces; matching Go's
// output byte for byte therefore needs the same algorithm, step for step
// (insertion sort up to 12, ninther pivots, the same xorshift for
// breaking patterns, heapsort fallback).
#ifndef MP_STDLIB_SORT_PDQSORT_HPP
#define MP_STDLIB_SORT_PDQSORT_HPP

#include <bit>
#include <cstdint>
#include <utility>

namespace mp::sort {

template <typename Less, typename Swap> class Pdq {
public:
  Pdq(Less less, Swap swap) : less(less), swap(swap) {}

  void sort(int64_t n) { pdqsort(0, n, std::bit_width(static_cast<uint64_t>(n))); }

private:
  enum Hint { Unknown, Increasing, Decreasing };
  Less less;
  Swap swap;

  void insertionSort(int64_t a, int64_t b) {
    for (int64_t i = a + 1; i < b; ++i)
      for (int64_t j = i; j > a && less(j, j - 1); --j)
        swap(j, j - 1);
  }

  void siftDown(int64_t lo, int64_t hi, int64_t first) {
    int64_t root = lo;
    for (;;) {
      int64_t child = 2 * root + 1;
      if (child >= hi)
        return;
      if (child + 1 < hi && less(first + child, first + child + 1))
        ++child;
      if (!less(first + root, first + child))
        return;
      swap(first + root, first + child);
      root = child;
    }
  }

  void heapSort(int64_t a, int64_t b) {
    int64_t first = a, lo = 0, hi = b - a;
    for (int64_t i = (hi - 1) / 2; i >= 0; --i)
      siftDown(i, hi, first);
    for (int64_t i = hi - 1; i >= 0; --i) {
      swap(first, first + i);
      siftDown(lo, i, first);
    }
  }

  void pdqsort(int64_t a, int64_t b, int limit) {
    constexpr int64_t maxInsertion = 12;
    bool wasBalanced = true, wasPartitioned = true;
    for (;;) {
      int64_t length = b - a;
      if (length <= maxInsertion) {
        insertionSort(a, b);
        return;
      }
      if (limit == 0) {
        heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(a, b);
        --limit;
      }
      auto [pivot, hint] = choosePivot(a, b);
      if (hint == Decreasing) {
        reverseRange(a, b);
        pivot = (b - 1) - (pivot - a);
        hint = Increasing;
      }
      if (wasBalanced && wasPartitioned && hint == Increasing && partialInsertionSort(a, b))
        return;
      // Many duplicates of an element just below a: split off the run
      // equal to the pivot.
      if (a > 0 && !less(a - 1, pivot)) {
        a = partitionEqual(a, b, pivot);
        continue;
      }
      auto [mid, alreadyPartitioned] = partition(a, b, pivot);
      wasPartitioned = alreadyPartitioned;
      int64_t leftLen = mid - a, rightLen = b - mid, balanceThreshold = length / 8;
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdqsort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdqsort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

  std::pair<int64_t, bool> partition(int64_t a, int64_t b, int64_t pivot) {
    swap(a, pivot);
    int64_t i = a + 1, j = b - 1;
    while (i <= j && less(i, a))
      ++i;
    while (i <= j && !less(j, a))
      --j;
    if (i > j) {
      swap(j, a);
      return {j, true};
    }
    swap(i, j);
    ++i;
    --j;
    for (;;) {
      while (i <= j && less(i, a))
        ++i;
      while (i <= j && !less(j, a))
        --j;
      if (i > j)
        break;
      swap(i, j);
      ++i;
      --j;
    }
    swap(j, a);
    return {j, false};
  }

  int64_t partitionEqual(int64_t a, int64_t b, int64_t pivot) {
    swap(a, pivot);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
      while (i <= j && !less(a, i))
        ++i;
      while (i <= j && less(a, j))
        --j;
      if (i > j)
        break;
      swap(i, j);
      ++i;
      --j;
    }
    return i;
  }

  bool partialInsertionSort(int64_t a, int64_t b) {
    constexpr int maxSteps = 5;
    constexpr int64_t shortestShifting = 50;
    int64_t i = a + 1;
    for (int step = 0; step < maxSteps; ++step) {
      while (i < b && !less(i, i - 1))
        ++i;
      if (i == b)
        return true;
      if (b - a < shortestShifting)
        return false;
      swap(i, i - 1);
      if (i - a >= 2) {
        for (int64_t j = i - 1; j >= 1; --j) {
          if (!less(j, j - 1))
            break;
          swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (int64_t j = i + 1; j < b; ++j) {
          if (!less(j, j - 1))
            break;
          swap(j, j - 1);
        }
      }
    }
    return false;
  }

  void breakPatterns(int64_t a, int64_t b) {
    int64_t length = b - a;
    if (length < 8)
      return;
    uint64_t random = static_cast<uint64_t>(length);  // Go's xorshift seed
    uint64_t modulus = uint64_t{1} << std::bit_width(static_cast<uint64_t>(length));
    int64_t idx = a + (length / 4) * 2 - 1;
    for (int i = 0; i < 3; ++i) {
      random ^= random << 13;
      random ^= random >> 17;
      random ^= random << 5;
      auto other = static_cast<int64_t>(random & (modulus - 1));
      if (other >= length)
        other -= length;
      swap(idx + i, a + other);
    }
  }

  std::pair<int64_t, Hint> choosePivot(int64_t a, int64_t b) {
    constexpr int64_t shortestNinther = 50;
    constexpr int maxSwaps = 4 * 3;
    int64_t l = b - a;
    int swaps = 0;
    int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
      if (l >= shortestNinther) {
        i = median(i - 1, i, i + 1, swaps);
        j = median(j - 1, j, j + 1, swaps);
        k = median(k - 1, k, k + 1, swaps);
      }
      j = median(i, j, k, swaps);
    }
    if (swaps == 0)
      return {j, Increasing};
    if (swaps == maxSwaps)
      return {j, Decreasing};
    return {j, Unknown};
  }

  void order2(int64_t &a, int64_t &b, int &swaps) {
    if (less(b, a)) {
      ++swaps;
      std::swap(a, b);
    }
  }

  int64_t median(int64_t a, int64_t b, int64_t c, int &swaps) {
    order2(a, b, swaps);
    order2(b, c, swaps);
    order2(a, b, swaps);
    return b;
  }

  void reverseRange(int64_t a, int64_t b) {
    for (int64_t i = a, j = b - 1; i < j; ++i, --j)
      swap(i, j);
  }
};

template <typename Less, typename Swap> void pdqsort(int64_t n, Less less, Swap swap) {
  Pdq<Less, Swap>(less, swap).sort(n);
}

} // namespace mp::sort

#endif
