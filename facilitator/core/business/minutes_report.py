"""Minutes as they leave the program: Markdown to read out, JSON to carry and read back.

The JSON document names its format and version (as the attendance export does):
{"format": "facilitator-minutes", "version": 1, "minutes": [...]}; an attendance export
(`export --format json`) carries the same list under "minutes".
"""

from collections.abc import Iterable, Mapping, Sequence

from facilitator.core.business.minutes import Minutes, still_tabled
from facilitator.core.business.motion import Motion, Step
from facilitator.core.business.words import outcome_label, threshold_label
from facilitator.core.errors import ValidationError
from facilitator.core.i18n import N_, _, counted
from facilitator.core.text_out import markdown_text

FORMAT = "facilitator-minutes"
VERSION = 1
EXPORT_FORMAT = "facilitator-export"  # an attendance export may carry minutes too

_STEP_LINES = {
    "moved": N_("Moved and seconded."),
    "minority": N_("The minority opinion was heard."),
    "reconsider": N_("A member who voted with the majority moved to reconsider."),
    "tabled": N_("Tabled to a later meeting."),
    "withdrawn": N_("Withdrawn."),
    "resumed": N_("Taken from the table."),
}


def step_line(step: Step, seconded: bool = True) -> str:
    """One line of a motion's history, plain text: 'Vote (two-thirds): 14 for, …'."""
    if step.vote is not None:
        return _("Vote ({threshold}): {arithmetic}.").format(
            threshold=threshold_label(step.vote.threshold), arithmetic=step.vote.arithmetic)
    if step.kind == "decided":
        return _("Decided.")
    if step.kind == "moved" and not seconded:
        return _("Moved.")
    return _(_STEP_LINES[step.kind])


def outcome_line(motion: Motion) -> str:
    """'carried', 'failed', 'tabled', 'withdrawn' or where it stands ('in discussion')."""
    if motion.is_final:
        return outcome_label(motion.outcome)
    return {"discussion": _("in discussion"), "result": _("voted, not yet decided"),
            "minority opinion": _("hearing the minority opinion"),
            "reconsidering": _("to be voted again")}[motion.stage]


def minutes_markdown(minutes: Sequence[Minutes], title: str | None = None,
                     earlier: Iterable[Minutes] = ()) -> str:
    """The minutes, oldest first, ready to read out; `earlier` minutes give the motions
    still tabled before each meeting (its old business)."""
    title = _("Business meeting minutes") if title is None else title
    lines = [f"# {markdown_text(title)}", ""]
    if not minutes:
        return "\n".join([*lines, _("No minutes in this selection."), ""])
    history = list(earlier)
    for entry in sorted(minutes, key=lambda m: (m.date, m.meeting.casefold())):
        before = [m for m in (*history, *minutes)
                  if m.key[0] == entry.key[0] and m.date < entry.date]
        lines += _meeting_lines(entry, still_tabled(before))
    return "\n".join(lines)


def _meeting_lines(minutes: Minutes, tabled: list[Motion]) -> list[str]:
    lines = [f"## {markdown_text(minutes.meeting)}, {minutes.date.isoformat()}", "",
             counted("Attendance: {n} attending.", "Attendance: {n} attending.",
                     minutes.attendance) if minutes.attendance
             else _("Attendance: nobody signed in."), ""]
    if minutes.reports:
        lines += ["### " + _("Reports"), ""]
        for report in minutes.reports:
            text = f" {markdown_text(report.text)}" if report.text else ""
            lines.append(f"- **{markdown_text(report.section)}:**{text}")
        lines.append("")
    taken_up = {m.text.casefold() for m in minutes.motions}
    waiting = [m for m in tabled if m.text.casefold() not in taken_up]
    if waiting:
        lines += ["### " + _("Tabled, not yet taken up"), ""]
        lines += [f"- {markdown_text(m.text)}" for m in waiting]
        lines.append("")
    lines += ["### " + _("Motions"), ""]
    if not minutes.motions:
        lines += [_("No motions."), ""]
    for number, motion in enumerate(minutes.motions, 1):
        # Translators: Markdown; keep the ** around "Motion {number}:" and {outcome}.
        lines += [_("**Motion {number}:** {motion} — **{outcome}** (threshold: {threshold})")
                  .format(number=number, motion=markdown_text(motion.text),
                          outcome=outcome_line(motion),
                          threshold=threshold_label(motion.threshold)), ""]
        lines += [f"- {markdown_text(step_line(step, motion.seconded))}"
                  for step in motion.history]
        lines.append("")
    return lines


def minutes_document(minutes: Iterable[Minutes]) -> dict:
    """The JSON form of several meetings' minutes, oldest first."""
    ordered = sorted(minutes, key=lambda m: (m.date, m.meeting.casefold()))
    return {"format": FORMAT, "version": VERSION, "minutes": [m.to_dict() for m in ordered]}


def minutes_from_document(document: object, name: str = "file") -> list[Minutes]:
    """The minutes a JSON document carries (minutes, or an attendance export with minutes),
    each checked; a ValidationError naming the entry otherwise."""
    if not isinstance(document, Mapping) or document.get("format") not in (FORMAT,
                                                                           EXPORT_FORMAT):
        raise ValidationError(name, _("is not facilitator minutes or a JSON export "
                                      "(make one with `facilitator minutes --format json`)"))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValidationError(name, _("has no valid version"))
    if version > VERSION:
        raise ValidationError(name, _("was written by a newer facilitator (version {version})")
                              .format(version=version))
    entries = document.get("minutes", [])
    if not isinstance(entries, list):
        raise ValidationError(f"{name}, minutes", _("must be a list"))
    found = []
    for index, entry in enumerate(entries):
        try:
            found.append(Minutes.from_dict(entry))
        except ValidationError as error:
            raise ValidationError(f"{name}, minutes[{index}], {error.field}",
                                  error.reason) from None
    return found


def carried_minutes(document: object, name: str) -> list[dict]:
    """The minutes a group's JSON export carries, checked, as merge passes them on."""
    if not isinstance(document, Mapping) or "minutes" not in document:
        return []
    return [m.to_dict() for m in minutes_from_document(document, name)]
