"""The simulation core: loading and validating the scenario library, and enumerating and
playing every path through every scenario."""

import time

from actionlearning.simulation import iter_paths, load_scenario, play, scenario_files, validate


def _best(fn, repeat: int = 5) -> float:
    """The fastest of a few runs, in seconds (the least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run() -> None:
    files = scenario_files()
    load_s = _best(lambda: [load_scenario(f) for f in files])
    check_s = _best(lambda: [validate(f) for f in files])
    print(f"load {len(files)} scenarios:      {load_s * 1000:8.1f} ms "
          f"({load_s / len(files) * 1000:.1f} ms each)")
    print(f"validate {len(files)} scenarios:  {check_s * 1000:8.1f} ms "
          f"({check_s / len(files) * 1000:.1f} ms each)")

    scenarios = [load_scenario(f) for f in files]
    total_paths = sum(s.count_paths() for s in scenarios)
    enum_s = _best(lambda: [sum(1 for _ in iter_paths(s)) for s in scenarios])
    print(f"enumerate all {total_paths} paths:   {enum_s * 1000:8.1f} ms "
          f"({total_paths / enum_s:,.0f} paths/s)")

    def play_all() -> None:
        for s in scenarios:
            for path in iter_paths(s):
                play(s, path).debrief()

    play_s = _best(play_all, repeat=3)
    print(f"play and debrief all paths: {play_s * 1000:8.1f} ms ({total_paths / play_s:,.0f} paths/s)")
    for s in scenarios:
        lengths = [len(p) for p in iter_paths(s)]
        print(f"  {s.id:<24} {s.count_paths():>5} paths, {len(s.decisions)} decision points, "
              f"{len(s.endings)} endings, {min(lengths)}-{max(lengths)} decisions a path")


if __name__ == "__main__":
    run()
