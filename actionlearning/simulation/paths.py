"""The paths through a scenario: every choice leads somewhere, every moment can be reached,
no path loops, the expert path ends well, and no path overruns a stage's time budget.

The checks walk the graph without recursion, so a long chain of moments is as safe as a short one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from yaml.nodes import Node

from actionlearning.simulation.drafts import ChoiceDraft, MomentDraft
from actionlearning.simulation.nodes import fmt, suggest
from actionlearning.simulation.schema import STAGES, Stage


class PathCheck:
    """The checks on a scenario's graph of moments, once every moment has been read."""

    def __init__(self, add: Callable[[Node | int | None, str], None], moments: list[MomentDraft],
                 by_id: dict[str, MomentDraft], stages: dict[str, Stage], stage_lines: dict[str, int]):
        self.add = add  # records a problem at a node or line
        self.moments = moments
        self.by_id = by_id  # the first moment with each id
        self.stages = stages
        self.stage_lines = stage_lines

    def check(self, expert_path: list[int] | None, expert_nodes: list[Node]) -> None:
        by_id = self.by_id
        complete = True  # every edge known: safe to look for loops and time overruns
        for m in self.moments:
            for c in m.choices or ():
                if c.next is None or c.minutes is None:
                    complete = False
                if c.next is not None and c.next not in by_id:
                    self.add(c.next_node, f"choice {c.number} of {m.name} leads to '{c.next}', "
                                          f"but there is no moment with that id"
                                          f"{suggest(c.next, by_id)}")
                    complete = False
                    continue
                target = by_id.get(c.next) if c.next else None
                if target and m.stage and target.stage and (
                    STAGES.index(target.stage) < STAGES.index(m.stage)
                ):
                    self.add(c.next_node, f"choice {c.number} of {m.name} goes back from stage "
                                          f"'{m.stage}' to '{target.stage}'; a round moves "
                                          "forward through the stages")
            if m.stage is None or m.id is None:
                complete = False
        if not self.moments or self.moments[0].id is None:
            return
        start = self.moments[0]

        # reachability from the first moment
        seen = {start.id}
        queue = deque([start])
        while queue:
            m = queue.popleft()
            for c in m.choices or ():
                if c.next in by_id and c.next not in seen:
                    seen.add(c.next)
                    queue.append(by_id[c.next])
        for m in self.moments:
            if m.id is not None and by_id.get(m.id) is m and m.id not in seen:
                self.add(m.id_line, f"{m.name} cannot be reached from the first moment "
                                    f"('{start.id}'): no choice leads to it")

        # stages declared but never played
        played = {m.stage for m in self.moments if m.stage}
        for name, line in self.stage_lines.items():
            if name not in played and self.moments:
                self.add(line, f"stage '{name}' is declared but no moment happens in it")

        loops = self.find_loops(start)
        self.check_expert(start, expert_path, expert_nodes)
        if complete and not loops:
            self.check_time(start, seen)

    def find_loops(self, start: MomentDraft) -> bool:
        by_id = self.by_id
        state: dict[str, int] = {}  # 1 on the current path, 2 done
        found = False
        stack: list[tuple[MomentDraft, Iterator[ChoiceDraft]]] = [
            (start, iter(start.choices or ()))
        ]
        trail = [start.id]
        state[start.id] = 1
        while stack:
            m, it = stack[-1]
            c = next(it, None)
            if c is None:
                state[m.id] = 2
                stack.pop()
                trail.pop()
                continue
            target = by_id.get(c.next) if c.next else None
            if target is None:
                continue
            if state.get(target.id) == 1:
                loop = trail[trail.index(target.id):] + [target.id]
                self.add(c.next_node, f"choice {c.number} of {m.name} leads back to "
                                      f"'{target.id}', making a loop ({' -> '.join(loop)}); "
                                      "every path must move forward to an ending")
                found = True
            elif target.id not in state:
                state[target.id] = 1
                trail.append(target.id)
                stack.append((target, iter(target.choices or ())))
        return found

    def check_expert(self, start: MomentDraft, path: list[int] | None,
                     nodes: list[Node]) -> dict[str, int]:
        route: dict[str, int] = {}
        if path is None:
            return route
        m: MomentDraft | None = start
        for i, (n, node) in enumerate(zip(path, nodes), 1):
            if m is None or m.choices is None:
                if m is not None and m.has_ending:
                    self.add(node, f"the expert path reaches the ending '{m.id}' after {i - 1} "
                                   f"choices, but lists {len(path)}")
                return route
            if n > len(m.choices):
                self.add(node, f"step {i} of expert_path chooses {n} at {m.name}, which has only "
                               f"{len(m.choices)} choices")
                return route
            route[m.id] = n
            if m.expert is not None and m.expert != n:
                self.add(m.expert_node, f"{m.name} gives {m.expert} as the expert choice, but "
                                        f"expert_path chooses {n} there")
            c = m.choices[n - 1]
            m = self.by_id.get(c.next) if c.next else None
            if m is None:
                return route
        if m is not None and m.choices is not None:
            self.add(nodes[-1] if nodes else None,
                     f"the expert path stops at {m.name} after {len(path)} choices; it should "
                     "continue to an ending")
        elif m is not None and m.ending is not None and m.ending.outcome != "good":
            self.add(nodes[-1], f"the expert path ends at '{m.id}', whose outcome is "
                                f"'{m.ending.outcome}'; an expert path should end well")
        return route

    def check_time(self, start: MomentDraft, reachable: set[str]) -> None:
        """Report, for each stage, a path that spends more than the stage's budget in it."""
        by_id = self.by_id
        longest: dict[str, tuple[float, int | None]] = {}  # moment -> (minutes, best choice)

        def within(m: MomentDraft) -> float:
            if m.id in longest:
                return longest[m.id][0]
            # iterative post-order over the stage-restricted sub-graph
            stack = [(m, False)]
            while stack:
                node, expanded = stack.pop()
                if node.id in longest:
                    continue
                if not expanded:
                    stack.append((node, True))
                    for c in node.choices or ():
                        t = by_id[c.next]
                        if t.stage == node.stage and t.id not in longest:
                            stack.append((t, False))
                    continue
                best, best_i = 0.0, None
                for i, c in enumerate(node.choices or ()):
                    t = by_id[c.next]
                    total = c.minutes + (longest[t.id][0] if t.stage == node.stage else 0.0)
                    if best_i is None or total > best:
                        best, best_i = total, i
                longest[node.id] = (best, best_i)
            return longest[m.id][0]

        # a shortest route to each reachable moment, to show a whole path in the message
        parent: dict[str, tuple[str, int] | None] = {start.id: None}
        queue = deque([start])
        while queue:
            m = queue.popleft()
            for i, c in enumerate(m.choices or ()):
                if c.next not in parent:
                    parent[c.next] = (m.id, i)
                    queue.append(by_id[c.next])

        for name, stage in self.stages.items():
            worst, worst_m = -1.0, None
            for mid in reachable:
                m = by_id[mid]
                if m.stage == name and (t := within(m)) > worst:
                    worst, worst_m = t, m
            if worst_m is None or worst <= stage.minutes:
                continue
            steps: list[tuple[str, int]] = []
            at = worst_m.id
            while parent[at] is not None:
                prev, i = parent[at]
                steps.append((prev, i))
                at = prev
            steps.reverse()
            m = worst_m
            while (best_i := longest[m.id][1]) is not None:
                steps.append((m.id, best_i))
                t = by_id[m.choices[best_i].next]
                if t.stage != name:
                    break
                m = t
            spent, crossing = 0.0, None
            for mid, i in steps:
                if by_id[mid].stage == name:
                    spent += by_id[mid].choices[i].minutes
                    if crossing is None and spent > stage.minutes:
                        crossing = by_id[mid].choices[i]
            numbers = ", ".join(str(i + 1) for _, i in steps)
            self.add(
                crossing.node if crossing else self.stage_lines[name],
                f"a path runs past the time budget of stage '{name}' ({fmt(stage.minutes)} "
                f"minutes): choosing {numbers} spends {fmt(spent)} minutes in it",
            )
