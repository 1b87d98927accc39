"""The curriculum map's layout: programs by step and role, as an SVG-ready grid."""

from __future__ import annotations

from .course import Curriculum


_GUTTER = 70
_STEP_W = 172
_ROLE_W = 58
_HEAD = 64
_ROW = 100
_BOX_H = 84
_CHAR = 13  # px per full-width character at the title's font size


def _wrap(text: str, width: int) -> list[str]:
    per_line = max(4, (width - 16) // _CHAR)
    return [text[i : i + per_line] for i in range(0, len(text), per_line)][:3]


def _split_name(name: str) -> list[str]:
    """Role names in two short lines under a narrow column, at a natural break (at most three
    full-width characters a line fit the column at the labels' 14 px)."""
    if len(name) <= 3:
        return [name]
    if "・" in name:
        head, _, tail = name.partition("・")
        return [head + "・", tail]
    for suffix in ("リーダー", "担当"):
        if name.endswith(suffix):
            return [name[: -len(suffix)], suffix]
    half = (len(name) + 1) // 2
    return [name[:half], name[half:]]


def map_layout(cur: Curriculum) -> dict:
    """Boxes, role marks and prerequisite arrows, in SVG user units."""
    step_index = {s.id: i for i, s in enumerate(cur.steps)}
    steps_x = _GUTTER
    roles_x = steps_x + _STEP_W * len(cur.steps) + 16
    width = roles_x + _ROLE_W * len(cur.roles) + 8
    height = _HEAD + _ROW * len(cur.programs) + 8
    boxes = {}
    for row, program in enumerate(cur.programs):
        cols = sorted(step_index[s] for s in program.steps)
        x = steps_x + cols[0] * _STEP_W + 6
        w = (cols[-1] - cols[0] + 1) * _STEP_W - 12
        y = _HEAD + row * _ROW + (_ROW - _BOX_H) // 2
        boxes[program.id] = {
            "program": program,
            "x": x, "y": y, "w": w, "h": _BOX_H,
            "lines": _wrap(f"{program.number} {program.title}", w),
            "marks": [roles_x + k * _ROLE_W + _ROLE_W // 2 for k, r in enumerate(cur.roles) if r.id in program.audience],
            "cy": y + _BOX_H // 2,
        }
    arrows = []
    lane = 0
    for program in cur.programs:
        for prereq in program.prerequisites:
            src, dst = boxes[prereq], boxes[program.id]
            lane_x = _GUTTER - 12 - 12 * (lane % 4)
            lane += 1
            sy, dy = src["cy"] + 8, dst["cy"] - 8
            arrows.append({
                "d": f"M{src['x']},{sy} H{lane_x} V{dy} H{dst['x'] - 2}",
                "from": prereq, "to": program.id,
            })
    return {
        "width": width, "height": height, "boxes": list(boxes.values()), "arrows": arrows,
        "steps": [{"step": s, "x": steps_x + i * _STEP_W, "w": _STEP_W} for i, s in enumerate(cur.steps)],
        "roles": [
            {"role": r, "cx": roles_x + k * _ROLE_W + _ROLE_W // 2, "lines": _split_name(r.name)}
            for k, r in enumerate(cur.roles)
        ],
        "roles_x": roles_x, "head": _HEAD, "row": _ROW,
    }
