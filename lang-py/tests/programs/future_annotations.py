"""Postponed evaluation: annotations are stored as their source text."""
from __future__ import annotations
import __future__

print(__future__.annotations.getMandatoryRelease(), __future__.all_feature_names[-1])
print(__future__.division)

class Node:
    value: int
    next: Node | None = None
    children: list[Node] = None
    label: "str" = ""

print(Node.__annotations__)
x: SomethingUndefined = 3
print(__annotations__, x)
