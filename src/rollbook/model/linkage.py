"""Grouping under reviewers' rulings: which pairs may join two groups, and which may not.

Linkage proposes pairs of records; reviewers rule some pairs the same person and others
different people. A ruling of "different" is a constraint on every later grouping: no chain
of proposed pairs through a third record may put the two together again.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Node = TypeVar("Node", bound=Hashable)


class Groups(Generic[Node]):
    """Disjoint groups of nodes (a union-find) that refuse to join across a cannot-link.

    Nodes not seen before are groups of their own. `join` unites the groups of two nodes
    unless some pair of their members is kept apart; it answers whether they are (now)
    one group.
    """

    def __init__(self) -> None:
        self._parent: dict[Node, Node] = {}
        self._apart: dict[Node, set[Node]] = {}

    def find(self, node: Node) -> Node:
        """The representative of a node's group."""
        parents = self._parent
        root = parents.setdefault(node, node)
        while parents[root] != root:
            root = parents[root]
        while node != root:  # point the path at the root, so later finds are short
            parents[node], node = root, parents[node]
        return root

    def keep_apart(self, a: Node, b: Node) -> None:
        """Never let the groups of `a` and `b` join (they must be different groups now)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            raise ValueError(f"{a!r} and {b!r} are already in one group")
        self._apart.setdefault(ra, set()).add(rb)
        self._apart.setdefault(rb, set()).add(ra)

    def apart(self, a: Node, b: Node) -> bool:
        """Whether the groups of `a` and `b` are kept apart."""
        return self.find(b) in self._apart.get(self.find(a), ())

    def join(self, a: Node, b: Node) -> bool:
        """Unite the groups of `a` and `b` unless they are kept apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if rb in self._apart.get(ra, ()):
            return False
        self._parent[rb] = ra
        moved = self._apart.pop(rb, set())
        if moved:
            self._apart.setdefault(ra, set()).update(moved)
            for other in moved:
                peers = self._apart[other]
                peers.discard(rb)
                peers.add(ra)
        return True

    def groups(self, nodes: Iterable[Node]) -> dict[Node, list[Node]]:
        """The given nodes by the representative of their group."""
        out: dict[Node, list[Node]] = {}
        for node in nodes:
            out.setdefault(self.find(node), []).append(node)
        return out
