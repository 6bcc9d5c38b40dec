# test/difftest/genlib/catalogue.py: the table of feature sections and
# failure kinds, and the seeded choice of which ones a program contains.
# Seed N always starts with section N mod len(SECTIONS), so any run of
# consecutive seeds covers every section evenly; the rest are random.
from . import conc, control, data, fail, scalars, strs, structs

SECTIONS = {
    "ints": scalars.sec_ints, "floats": scalars.sec_floats, "consts": scalars.sec_consts,
    "strings": strs.sec_strings, "slices": data.sec_slices, "arrays": data.sec_arrays,
    "maps": data.sec_maps, "structs": structs.sec_structs, "closures": control.sec_closures,
    "defer": control.sec_defer, "results": control.sec_results,
    "switch": control.sec_switch, "loops": control.sec_loops,
    "goroutines": conc.sec_goroutines,
}
ORDER = sorted(SECTIONS)


def choose_sections(p):
    first = ORDER[p.seed % len(ORDER)]
    rest = p.rng.sample([s for s in ORDER if s != first], p.int(1, 4))
    return [first] + rest


def choose_failure(p):
    """A failure kind; never a deadlock once a timer is pending (Go does
    not report deadlock while a timer could still wake a goroutine)."""
    kinds = sorted(fail.FAILURES)
    if p.timers:
        kinds.remove("deadlock")
    kind = p.pick(kinds)
    return f"fail:{kind}", fail.failure(p, kind)
