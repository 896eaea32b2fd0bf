"""Edit a meeting's format: start from a template, add, remove, reorder and change sections."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from facilitator.core.meeting.agenda import KINDS, Format, Section
from facilitator.core.meeting.agenda_templates import TEMPLATE_NAMES, template
from facilitator.core.errors import FacilitatorError
from facilitator.core.i18n import N_, _, counted, ngettext, number
from facilitator.core.schedule.meeting import Meeting
from facilitator.store.readings import missing_readings
from facilitator.tui.crash_guard import GuardedHandlers
from facilitator.tui.plain_text import plain_text
from facilitator.tui.widgets.steady_footer import TranslatedFooter

TEMPLATE_LABELS = {"discussion": N_("discussion (60 min)"), "speaker": N_("speaker (60 min)"),
                   "smart": N_("SMART Recovery (86 min)"),
                   "business": N_("business meeting (57 min)")}
# A section's kind is stored in English; the field and the table show these.
KIND_LABELS = {"other": N_("other"), "shares": N_("shares"), "speaker": N_("speaker"),
               "chips": N_("chips"), "collection": N_("collection"), "report": N_("report"),
               "business": N_("business")}
NO_FORMAT = "none"
# Input id -> Section field; the kind is a Select.
TEXT_FIELDS = {"section-title": "title", "section-minutes": "minutes",
               "section-reading": "reading", "section-note": "note"}


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class FormatEditorScreen(GuardedHandlers, Screen[bool]):
    """Changes stay here until saved (ctrl+s); a refused value names the section and field."""

    CSS_PATH = "format_editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="format.save", priority=True),
        Binding("escape", "close", N_("Close"), id="format.close"),
        Binding("f2", "add_section", N_("Add"), id="format.add", priority=True),
        Binding("f3", "remove_section", N_("Remove"), id="format.remove", priority=True),
        # Translators: footer labels moving a section up or down the list: keep them short.
        Binding("ctrl+up", "move_section(-1)", N_("Up"), id="format.up", priority=True),
        Binding("ctrl+down", "move_section(1)", N_("Down"), id="format.down", priority=True),
        Binding("f4", "use_template", N_("Template"), id="format.template", priority=True),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.saved = Format.from_list(meeting.agenda)
        self.format = self.saved
        self.index = 0
        self.problem = ""  # the refused value in the fields, if any

    def compose(self) -> ComposeResult:
        with Vertical(id="format-editor"):
            yield Static(self.title_content(), id="format-title")
            with Horizontal(id="template-row"):
                yield Label(_("Start from"))
                yield Select([(_(TEMPLATE_LABELS[name]), name) for name in TEMPLATE_NAMES]
                             + [(_("no format"), NO_FORMAT)], prompt=_("a template…"),
                             compact=True, id="template")
                yield Button(_("Use template (F4)"), id="use_template", compact=True,
                             action="screen.use_template")
            with Horizontal(id="format-body"):
                yield DataTable(id="sections", cursor_type="row", zebra_stripes=True)
                with Vertical(id="section-fields"):
                    yield Label(_("Title"))
                    yield Input(id="section-title", compact=True)
                    yield Label(_("Minutes (1 to 240)"))
                    yield Input(id="section-minutes", compact=True)
                    yield Label(_("Kind"))
                    yield Select([(kind_label(kind), kind) for kind in KINDS], allow_blank=False,
                                 compact=True, id="section-kind")
                    yield Label(_("Reading file (readings folder)"))
                    yield Input(id="section-reading", compact=True,
                                placeholder=_("e.g. preamble.txt"))
                    yield Label(_("Note for the chair"))
                    yield Input(id="section-note", compact=True)
            yield Static(id="format-total")
            yield Static(id="format-error", classes="error-line")
            with Horizontal(id="format-buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save", compact=True,
                             action="screen.save")
                yield Button(_("Close (esc)"), id="close", compact=True, action="screen.close")
        yield TranslatedFooter()

    def title_content(self) -> Content:
        """"Format of <name>", the name as typed, never markup."""
        # Translators: the format editor's title; {meeting} is the meeting's name.
        head, _sep, tail = _("Format of {meeting}").partition("{meeting}")
        return Content.assemble((head, "bold"), plain_text(self.meeting.name, "bold"),
                                (tail, "bold"))

    def on_mount(self) -> None:
        self.fill_table(0)

    def language_changed(self) -> None:
        """Rebuilt in another language: the table again, the changes not saved yet kept."""
        self.fill_table(self.index)

    def fill_table(self, index: int) -> None:
        table = self.query_one("#sections", DataTable)
        # Translators: the section table's headings, 14, 3 and 10 columns wide.
        table.add_column("#", key="number", width=2)
        table.add_column(_("section"), key="title", width=14)
        table.add_column(_("min"), key="minutes", width=3)
        table.add_column(_("kind"), key="kind", width=10)
        self.show_sections(index)
        table.focus()

    # -- showing --------------------------------------------------------------------------

    def show_sections(self, index: int) -> None:
        """Rebuild the table with the cursor on `index`, and fill the fields from it."""
        table = self.query_one("#sections", DataTable)
        table.clear()
        for number, section in enumerate(self.format.sections, start=1):
            table.add_row(*self.row(number, section), key=str(number))
        self.index = max(0, min(index, len(self.format) - 1))
        if self.format:
            table.move_cursor(row=self.index, scroll=True)
        self.fill_fields()
        self.show_total()

    @staticmethod
    def row(number: int, section: Section) -> tuple:
        kind = "" if section.kind == "other" else kind_label(section.kind)
        return (str(number), plain_text(cut(section.title, 14)), str(section.minutes), kind)

    def fill_fields(self) -> None:
        """Show the chosen section's values; filling them is not an edit."""
        section = self.format.sections[self.index] if self.format else None
        with self.prevent(Input.Changed, Select.Changed):
            for widget_id, name in TEXT_FIELDS.items():
                field = self.query_one(f"#{widget_id}", Input)
                value = getattr(section, name) if section else ""
                field.value = "" if value is None else str(value)
                field.disabled = section is None
            kind = self.query_one("#section-kind", Select)
            kind.value = section.kind if section else "other"
            kind.disabled = section is None
        self.set_problem("")

    def show_total(self) -> None:
        if not self.format:
            text = _("No sections: the meeting runs without an agenda. F2 adds one, F4 a "
                     "template.")
        else:
            sections = counted("{n} section", "{n} sections", len(self.format))
            text = _("{sections}, {minutes} min planned").format(
                sections=sections, minutes=self.format.total_minutes)
            if self.meeting.duration_minutes:
                text += _("; the meeting lasts {minutes} min").format(
                    minutes=self.meeting.duration_minutes)
        missing = missing_readings((s.reading for s in self.format.sections),
                                   self.app.database.path)
        if missing:
            # Translators: {file} is a reading's file name, not found in the readings folder.
            text += "\n" + _("not found yet: {file}").format(file=missing[0])
        self.query_one("#format-total", Static).update(plain_text(text))

    def set_problem(self, message: str) -> None:
        self.problem = message
        self.query_one("#format-error", Static).update(plain_text(message))

    # -- editing --------------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#sections")
    def section_chosen(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row != event.data_table.cursor_row:
            return  # left over from a rebuild of the table: the cursor has moved on
        if event.cursor_row != self.index and 0 <= event.cursor_row < len(self.format):
            self.index = event.cursor_row
            self.fill_fields()

    @on(DataTable.RowSelected, "#sections")
    def section_selected(self) -> None:
        self.query_one("#section-title", Input).focus()

    @on(Input.Changed)
    @on(Select.Changed, "#section-kind")
    def field_changed(self, event) -> None:
        if event.control.id in TEXT_FIELDS or event.control.id == "section-kind":
            self.apply_fields()

    @on(Input.Submitted)
    def field_submitted(self) -> None:
        if self.apply_fields():
            self.query_one("#sections", DataTable).focus()

    def apply_fields(self) -> bool:
        """Put the fields into the chosen section; False (and a message) when one is refused."""
        if not self.format:
            return True
        changes = {name: self.query_one(f"#{widget_id}", Input).value
                   for widget_id, name in TEXT_FIELDS.items()}
        changes["kind"] = self.query_one("#section-kind", Select).value
        try:
            self.format = self.format.edit_section(self.index, **changes)
        except FacilitatorError as error:
            # Translators: {number} counts the sections from 1; {problem} is "minutes: …".
            self.set_problem(_("section {number} {problem}").format(number=self.index + 1,
                                                                     problem=error))
            return False
        self.set_problem("")
        table = self.query_one("#sections", DataTable)
        for column, value in zip(("number", "title", "minutes", "kind"),
                                 self.row(self.index + 1, self.format.sections[self.index])):
            table.update_cell(str(self.index + 1), column, value)
        self.show_total()
        return True

    def blocked(self) -> bool:
        """A refused value must be fixed before the sections change around it."""
        if self.problem:
            self.set_problem(self.problem)
            self.notify(_("Fix this first: {problem}").format(problem=self.problem),
                        severity="error")
            return True
        return False

    def change(self, make_format, index: int) -> None:
        """Apply one edit of the whole format; a refused one leaves it as it was."""
        try:
            self.format = make_format()
        except FacilitatorError as error:
            self.set_problem(str(error))
            return
        self.show_sections(index)

    def action_add_section(self) -> None:
        if self.blocked():
            return
        at = self.index + 1 if self.format else 0
        self.change(lambda: self.format.add(Section(_("New section"), 5), at), at)
        self.set_focus(self.query_one("#section-title", Input))  # now: typing may follow F2

    def action_remove_section(self) -> None:
        if not self.format:
            self.notify(_("There is no section to remove."))
            return
        self.change(lambda: self.format.remove(self.index), self.index)

    def action_move_section(self, step: int) -> None:
        if not self.format or self.blocked():
            return
        index = self.index
        if step < 0:
            self.change(lambda: self.format.move_up(index), max(0, index - 1))
        else:
            self.change(lambda: self.format.move_down(index), min(len(self.format) - 1, index + 1))

    def action_use_template(self) -> None:
        chooser = self.query_one("#template", Select)
        choice = chooser.value
        if chooser.is_blank():
            chooser.focus()
            self.notify(_("Choose a template first."))
            return
        self.change(lambda: Format() if choice == NO_FORMAT else template(choice), 0)
        self.query_one("#sections", DataTable).focus()

    # -- saving ---------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.blocked():
            return
        changed = self.meeting.edit(agenda=tuple(self.format.to_list()))
        try:
            self.app.database.update_meeting(self.meeting.name, changed)
        except FacilitatorError as error:
            self.set_problem(str(error))
            return
        self.meeting, self.saved = changed, self.format
        count = len(self.format)
        self.notify(ngettext("Saved the format of {meeting}: {n} section, {minutes} min.",
                             "Saved the format of {meeting}: {n} sections, {minutes} min.",
                             count).format(meeting=changed.name, n=number(count),
                                           minutes=self.format.total_minutes))
        self.dismiss(True)

    def action_close(self) -> None:
        if self.format == self.saved:
            self.dismiss(False)
            return
        from facilitator.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(ConfirmScreen(_("Leave without saving the changes to the format?"),
                                           _("Leave"), _("Stay")),
                             lambda leave: leave and self.dismiss(False))



def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))
