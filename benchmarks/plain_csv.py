"""The plain-Python baselines of benchmarks/history.py: what a short script using only the
`csv` module would do with the same rows. No facilitator import, so that run as a whole
process it pays only for Python's own start-up."""

import csv
import io
import sys
import time
from pathlib import Path


def aggregate(path: Path) -> str:
    """Per month: meetings held, attendance, newcomers, visitors, online, shares, collection."""
    months: dict[str, list] = {}
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.reader(file)
        next(reader)
        for row in reader:
            sums = months.get(row[0][:7])
            if sums is None:
                sums = months[row[0][:7]] = [0, 0, 0, 0, 0, 0, 0.0]
            sums[0] += 1
            for i in range(1, 6):
                sums[i] += int(row[i + 1])
            sums[6] += float(row[11])
    lines = ["month meetings attendance average newcomers visitors online shares collection"]
    lines += [f"{month} {s[0]} {s[1]} {s[1] / s[0]:.1f} {s[2]} {s[3]} {s[4]} {s[5]} {s[6]:.2f}"
              for month, s in sorted(months.items())]
    return "\n".join(lines) + "\n"


def copy(path: Path) -> str:
    """The CSV read and written again, as a copy that passes through Python would."""
    out = io.StringIO()
    with path.open(newline="", encoding="utf-8") as file:
        csv.writer(out, lineterminator="\r\n").writerows(csv.reader(file))
    return out.getvalue()


if __name__ == "__main__":  # plain_csv.py aggregate|copy FILE.csv: the time on stderr
    wall, cpu = time.perf_counter(), time.process_time()
    sys.stdout.write({"aggregate": aggregate, "copy": copy}[sys.argv[1]](Path(sys.argv[2])))
    print(time.perf_counter() - wall, time.process_time() - cpu, file=sys.stderr)
