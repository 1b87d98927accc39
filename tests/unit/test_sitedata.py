"""The data layer: every mistake is reported at once, as ``data/FILE.yml:LINE: message``."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Annotated

import pytest

from dxcourse import COLLECTIONS
from dxcourse.diagnostics import SourceErrors
from dxcourse.model import Id, Model, PageRef, Text, ref
from dxcourse.sitedata import Collection, load_site_data


class Item(Model):
    id: Id
    text: Text
    page: PageRef | None = None


class Group(Model):
    id: Id
    items: list[Item]


class Pointer(Model):
    id: Id
    group: Annotated[str, ref("groups")]


GROUPS = Collection("groups", "groups/*.yml", Group)
POINTERS = Collection("pointers", "pointers.yml", Pointer)


def project(tmp_path: Path, files: dict[str, str], pages=("index.md",)) -> Path:
    for name, text in files.items():
        path = tmp_path / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    docs = tmp_path / "docs"
    for page in pages:
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# page\n", encoding="utf-8")
    return tmp_path


def errors_of(root: Path, collections=(GROUPS, POINTERS)) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load_site_data(root, collections, root / "docs")
    return [str(e) for e in caught.value.errors]


GOOD_GROUP = """
id: first
items:
  - id: a
    text: 一つ目
    page: index.md#top
  - id: b
    text: 二つ目
"""


def test_good_files_load_into_models(tmp_path):
    root = project(tmp_path, {"groups/first.yml": GOOD_GROUP, "pointers.yml": "id: p\ngroup: first\n"})
    data = load_site_data(root, (GROUPS, POINTERS), root / "docs")
    group = data.get("groups", "first")
    assert [item.id for item in group.items] == ["a", "b"]
    assert group.items[0].page == "index.md#top"
    assert data.get("pointers", "p").group == "first"


def test_wrong_type(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: g\nitems:\n  - id: a\n    text: [1, 2]\n"})
    assert errors_of(root, (GROUPS,)) == ["data/groups/g.yml:4: items[0].text: 文字を書いてください(数や true/false は引用符で囲むと文字になります)。"]


def test_missing_field_points_at_its_parent(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: g\nitems:\n  - id: a\n  - id: b\n    text: x\n"})
    assert errors_of(root, (GROUPS,)) == ["data/groups/g.yml:3: 必須の項目 'items[0].text' がありません。「text: …」を書き足してください。"]


def test_unknown_field(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: g\nitems: []\ncolour: red\n"})
    assert errors_of(root, (GROUPS,)) == ["data/groups/g.yml:3: colour: この項目は使えません(使える項目: id, items)。綴りを確かめるか、消してください。"]


def test_duplicate_id_within_a_file(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: g\nitems:\n  - id: a\n    text: x\n  - id: a\n    text: y\n"})
    assert errors_of(root, (GROUPS,)) == ["data/groups/g.yml:5: id 'a' が同じリストの中で重なっています。どちらかを別の id にしてください。"]


def test_duplicate_id_across_files(tmp_path):
    root = project(tmp_path, {"groups/a.yml": "id: same\nitems: []\n", "groups/b.yml": "# second\nid: same\nitems: []\n"})
    assert errors_of(root, (GROUPS,)) == ["data/groups/b.yml:2: id 'same' は data/groups/a.yml:1 でも使われています。どちらかを別の id にしてください。"]


def test_reference_to_unknown_id(tmp_path):
    root = project(tmp_path, {"groups/g.yml": GOOD_GROUP, "pointers.yml": "id: p\ngroup: second\n"})
    assert errors_of(root) == ["data/pointers.yml:2: group: groups 'second' はありません(あるもの: first)。綴りを確かめるか、先にそれを作ってください。"]


def test_link_to_missing_page(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: g\nitems:\n  - id: a\n    text: x\n    page: steps/none.md#x\n"})
    assert errors_of(root, (GROUPS,)) == [
        "data/groups/g.yml:5: items[0].page: ページ 'steps/none.md' がありません(docs/ からの相対パスで書きます。例: steps/step-1.md)。パスを直すか、そのページを作ってください。"
    ]


def test_yaml_that_does_not_parse(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: g\nitems:\n  - id: a\n    text: [unclosed\n"})
    (message,) = errors_of(root, (GROUPS,))
    assert message.startswith("data/groups/g.yml:5: YAMLの書き方の誤り:")


def test_bad_id_format(tmp_path):
    root = project(tmp_path, {"groups/g.yml": "id: Not An Id\nitems: []\n"})
    (message,) = errors_of(root, (GROUPS,))
    assert message.startswith("data/groups/g.yml:1: id: id は半角の英小文字・数字を「-」でつないだ形にしてください")


def test_every_error_of_every_file_at_once(tmp_path):
    root = project(
        tmp_path,
        {
            "groups/a.yml": "id: a\nitems:\n  - id: x\n  - id: x\n    text: t\n",
            "groups/b.yml": "id: b\nitems: {\n",
            "pointers.yml": "id: p\ngroup: a\nextra: 1\n",
        },
    )
    assert errors_of(root) == [
        "data/groups/a.yml:3: 必須の項目 'items[0].text' がありません。「text: …」を書き足してください。",
        "data/groups/a.yml:4: id 'x' が同じリストの中で重なっています。どちらかを別の id にしてください。",
        "data/groups/b.yml:3: YAMLの書き方の誤り: 値があるはずの位置に記号があります。記号で始まる値は引用符で囲んでください。",
        "data/pointers.yml:3: extra: この項目は使えません(使える項目: id, group)。綴りを確かめるか、消してください。",
    ]


def test_the_real_data_loads():
    root = Path(__file__).resolve().parents[2]
    data = load_site_data(root, COLLECTIONS, root / "docs")
    (steps,) = data.all("steps")
    assert [step.number for step in steps.steps] == [0, 1, 2, 3]
    assert [step.covered for step in steps.steps] == [True, True, True, False]


def test_free_text_over_its_ceiling_is_reported_at_its_line(tmp_path):
    from dxcourse.model import TEXT_MAX

    long_text = "長" * (TEXT_MAX + 1)
    root = project(tmp_path, {"groups/a.yml": f"id: first\nitems:\n  - id: a\n    text: {long_text}\n"})
    assert errors_of(root, (GROUPS,)) == [
        f"data/groups/a.yml:4: items[0].text: 長すぎます。{TEXT_MAX}文字以内にしてください。"
    ]
