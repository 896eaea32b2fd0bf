"""Arbitrary content in the files commands read: a CSV to import, a Meeting Guide feed.

Whatever the file holds: exit 0-3, no traceback, nothing raw printed, and on a non-zero
exit every file of the database byte for byte as it was.
"""

import csv
import io
import json
from datetime import date

import orjson
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from facilitator.core.records.export_csv import OCCURRENCE_COLUMNS
from tests.cli.hostile import (CORPUS, MEETING, check_promises, group,  # noqa: F401
                               group_template, raw_controls, snapshot)

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

text = st.one_of(st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
                 st.sampled_from([value for name, value in CORPUS.items()
                                  if len(value) < 10_000 and "UTF-8" not in name]),
                 st.sampled_from(["2024-03-05", "5", "0", MEETING, "30d:2", "12.50", "19:00"]))


VALID_CELLS = {
    "date": st.dates(date(1990, 1, 1), date(2024, 3, 1)).map(date.isoformat),
    "meeting": st.sampled_from([MEETING, "Friday Step"]) | text,
    "attendance": st.integers(20, 40).map(str), "note": text, "chips": st.just("30d:2"),
    "collection": st.just("12.50"), "currency": st.just("EUR"), "start": st.just("19:00"),
}


@st.composite
def csv_files(draw) -> bytes:
    """A CSV close enough to the real one to reach every check (often good enough to be
    imported), a cell here and there hostile; half of them cut short."""
    columns = ["date", "meeting", "attendance"] + draw(st.lists(
        st.sampled_from(OCCURRENCE_COLUMNS[3:]), unique=True, max_size=3))
    columns = draw(st.permutations(columns))
    if draw(st.integers(0, 9)) == 0:
        columns.append(draw(text))
    hostile = draw(st.sampled_from([None, *columns]))  # at most one column gets any text
    cell = {name: VALID_CELLS.get(name, st.just("")) | (text if name == hostile else st.nothing())
            for name in columns}
    rows = draw(st.lists(st.tuples(*(cell[name] for name in columns)), min_size=1, max_size=4))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\r\n", "\n", "\r"])))
    writer.writerows([columns, *rows])
    content = buffer.getvalue().encode("utf-8")
    cut = draw(st.integers(0, 3)) == 0
    return content[:draw(st.integers(0, len(content)))] if cut else content


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8)
feed_entry = st.fixed_dictionaries({}, optional={
    "name": text, "slug": text | st.sampled_from(["a", "b"]),
    "day": json_values | st.integers(-1, 7),
    "time": text, "end_time": text, "types": st.lists(text, max_size=3) | json_values,
    "notes": text | json_values})


@st.composite
def feed_files(draw) -> bytes:
    feed = draw(st.lists(feed_entry, max_size=4) | json_values)
    content = json.dumps(feed, ensure_ascii=draw(st.booleans())).encode("utf-8")
    return content if draw(st.booleans()) else content[:draw(st.integers(0, 200))]


any_bytes = st.binary(max_size=200)


@FUZZ
@given(content=st.one_of(csv_files(), csv_files(), any_bytes), replace=st.booleans())
def test_any_csv_file(cli, group, tmp_path, content, replace):
    path = tmp_path / "fuzzed.csv"
    path.write_bytes(content)
    before = snapshot(group)
    result = cli("import", path, *(["--replace"] if replace else []))
    event(f"exit {result[0]}")
    check_promises(result, before, snapshot(group))


@FUZZ
@given(content=feed_files() | any_bytes, skip_bad=st.booleans())
def test_any_meeting_guide_feed(cli, group, tmp_path, content, skip_bad):
    path = tmp_path / "feed.json"
    path.write_bytes(content)
    before = snapshot(group)
    code, out, err = cli("meetings", "import", path, *(["--skip-bad"] if skip_bad else []))
    event(f"exit {code}")
    assert code in (0, 1, 2, 3) and "Traceback" not in err
    assert raw_controls(err) == [] and raw_controls(out) == [], (out, err)
    lines = err.splitlines()
    # one line per bad entry or dropped type code, then (on a refusal) the one error line
    assert all(line.startswith(("bad entry: index ", "warning: index ")) for line in lines[:-1])
    if code != 0:
        assert lines[-1].startswith("facilitator: ")
        assert snapshot(group) == before


def test_the_fuzzed_files_reach_the_checks_past_reading(cli, group, tmp_path):
    """The strategies are close enough to real files to be imported, not only refused."""
    path = tmp_path / "feed.json"
    path.write_bytes(orjson.dumps([{"name": "A", "slug": "a"}, {"name": "B", "slug": "a"}]))
    code, _, err = cli("meetings", "import", path, "--skip-bad")
    assert code == 0
    assert err == "bad entry: index 1 'B': slug: 'a' is also the slug of index 0 'A'\n"
